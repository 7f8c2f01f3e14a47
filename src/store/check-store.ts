// The store's self-examination (`entente check`): a list of named checks, each saying ok or
// what is wrong. Backends keep their checks as a list so a new derived table adds one entry.

export interface CheckResult {
  /** Stable name, e.g. "integrity", "foreign_keys". */
  name: string;
  ok: boolean;
  /** One line: what was checked, or what is wrong. */
  message: string;
  /** Up to a few examples of what is wrong. */
  problems: string[];
}

export interface CheckStore {
  /** Runs every check of the backend (read-only); never throws for what it finds. */
  check(): Promise<CheckResult[]>;
}
