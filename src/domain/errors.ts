// Typed errors with stable codes. Tests check codes, not message text; the CLI and
// the API print the message only (never a stack trace) for these.

export type ErrorCode =
  | 'BAD_INPUT'        // a file, row or request that cannot be read
  | 'NOT_TEXT'         // binary or non-UTF-8 content where text was expected
  | 'BAD_FORMAT'       // valid text, wrong layout (a CSV in a .jsonl, too few columns)
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PERMISSION_DENIED' // the file system refused to read or write a path
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'FETCH_FAILED'     // a followed source could not be fetched (network, timeout, HTTP error, checksum)
  | 'DB_TOO_NEW'       // database written by a newer Entente
  | 'DB_ERROR'
  | 'UNSUPPORTED'
  | 'INTERNAL';

export class EntenteError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'EntenteError';
    this.code = code;
    this.details = details;
  }
}

export function isEntenteError(e: unknown): e is EntenteError {
  return e instanceof EntenteError;
}
