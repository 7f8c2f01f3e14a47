#!/usr/bin/env bash
# `npm test`: build what the tests run (the CLI and the web app), then run every test.
# Browser tests need Debian's chromium at /usr/bin/chromium; .ci/run installs it.
# When PostgreSQL binaries are installed (and ENTENTE_TEST_PG is not already set), the tests run
# through scripts/test-pg.sh, so the store contract runs on a throw-away PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
if [ -f web/vite.config.ts ]; then npm run --silent build:web -- --logLevel warn; fi
pg_usable() {
  { [ -n "${PG_BIN:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } && { [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1; }
}
if [ -z "${ENTENTE_TEST_PG:-}" ] && pg_usable; then
  exec bash scripts/test-pg.sh "$@"
fi
npx vitest run "$@"
