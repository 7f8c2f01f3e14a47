// "What this view counts": the server's one counting definition for an actor or a pair,
// with what it leaves out, so Network, Dyad, Timeline and Map say the same number.
import { api } from '../api.js';
import { useApi } from '../use-api.js';

export interface CountScope {
  actor: string;
  with?: string;
  by?: string;
  from?: string;
  to?: string;
  origin?: string[];
  modality?: string[];
}

export function CountLine({ scope, what = 'counted' }: { scope: CountScope; what?: string }) {
  const key = JSON.stringify(scope);
  const c = useApi(() => api.count(scope), [key]);
  if (!c.data) return null;
  return (
    <p className="count-line small" data-testid="count-line" data-counted={c.data.counted} title={`Counted: ${c.data.definition}`}>
      <strong>{what}:</strong> {c.data.text}
    </p>
  );
}
