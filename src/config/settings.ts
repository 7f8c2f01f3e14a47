// One table of settings: name, default, environment variable, help. The only reader of
// process.env. The CLI help and the README's settings table are generated from it.

export interface SettingDef {
  name: string;
  env: string;
  default: string;
  help: string;
}

export const SETTINGS = [
  { name: 'db', env: 'ENTENTE_DB', default: './entente.db', help: 'the SQLite database file, or a PostgreSQL URL (postgres://user@host:port/db)' },
  { name: 'readDb', env: 'ENTENTE_READ_DB', default: '', help: 'read replicas of a PostgreSQL `db`, comma-separated URLs: lists, series, networks and search read from them' },
  { name: 'port', env: 'ENTENTE_PORT', default: '8787', help: 'HTTP port of `entente serve`' },
  { name: 'host', env: 'ENTENTE_HOST', default: '127.0.0.1', help: 'address `entente serve` binds to' },
  { name: 'maxUploadMb', env: 'ENTENTE_MAX_UPLOAD_MB', default: '10', help: 'largest document accepted by the ingest endpoint, in MB' },
  { name: 'asyncIngestKb', env: 'ENTENTE_ASYNC_INGEST_KB', default: '1024', help: 'documents larger than this (in KB) are ingested in the background: the ingest endpoint answers 202 with a job to follow' },
  { name: 'allowPrivateFetch', env: 'ENTENTE_ALLOW_PRIVATE_FETCH', default: 'false', help: 'let URL ingest and followed sources fetch loopback, private and link-local addresses' },
  { name: 'fetchTimeoutMs', env: 'ENTENTE_FETCH_TIMEOUT_MS', default: '60000', help: 'time limit of one fetch by `entente follow` (a list, a feed, a GDELT file)' },
  { name: 'fetchMaxMb', env: 'ENTENTE_FETCH_MAX_MB', default: '200', help: 'largest response `entente follow` accepts, in MB' },
  { name: 'hostIntervalMs', env: 'ENTENTE_HOST_INTERVAL_MS', default: '1000', help: 'least time between two requests of `entente follow` to one host' },
  { name: 'webhookTimeoutMs', env: 'ENTENTE_WEBHOOK_TIMEOUT_MS', default: '5000', help: 'timeout of one alert webhook delivery' },
  { name: 'sessionHours', env: 'ENTENTE_SESSION_HOURS', default: '12', help: 'lifetime of the admin token `entente serve` prints, in hours (it is also revoked when the server stops)' },
  { name: 'logRequests', env: 'ENTENTE_LOG_REQUESTS', default: 'true', help: '`entente serve` prints one JSON line per request to stderr (method, path without tokens, status, time; the stack of every 5xx)' },
  { name: 'debug', env: 'ENTENTE_DEBUG', default: 'false', help: 'print the stack trace of an unexpected error' },
] as const satisfies readonly SettingDef[];

export type SettingName = (typeof SETTINGS)[number]['name'];
export type Settings = Record<SettingName, string>;

/** Resolve every setting: explicit value (a CLI flag), else the environment variable, else the default. */
export function loadSettings(overrides: Partial<Record<SettingName, string | undefined>> = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const out = {} as Settings;
  for (const s of SETTINGS) out[s.name] = overrides[s.name] ?? env[s.env] ?? s.default;
  return out;
}

export function settingHelp(name: SettingName): string {
  const s = SETTINGS.find((x) => x.name === name)!;
  return `${s.help} (env ${s.env}, default ${s.default})`;
}

/** The README's settings table, as Markdown. */
export function settingsMarkdown(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\` | \`${s.env}\` | \`${s.default}\` | ${s.help} |`);
  return ['| setting | variable | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}
