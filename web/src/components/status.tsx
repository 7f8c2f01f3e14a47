// Loading and error states: one line, the API's error code in brackets, as the CLI prints it.
import { ApiError } from '../api.js';

export function ErrorLine({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  const code = error instanceof ApiError ? ` [${error.code}]` : '';
  return (
    <p className="error" role="alert">
      {error.message}
      {code}
    </p>
  );
}

export function Loading({ what }: { what?: string }) {
  return <p className="muted loading">Loading{what ? ` ${what}` : ''}…</p>;
}
