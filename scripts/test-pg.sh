#!/usr/bin/env bash
# Runs the tests with a throw-away PostgreSQL cluster as well as SQLite: starts one (see
# pg-cluster.sh), runs `vitest run` with ENTENTE_TEST_PG pointing at it (the store contract and
# the PostgreSQL tests then run on it), then runs the tests that touch a store (ingest, curation,
# watches, tokens, analysis services, the API, the query and analysis commands, the starter
# dataset) a second time on PostgreSQL
# (ENTENTE_TEST_STORE=postgres), and stops the cluster, pass or fail.
# Arguments go to the first vitest run only: `scripts/test-pg.sh src/store` runs the store tests.
# `--clusters` first also runs the tests that stop and start servers of their own (a crash
# mid-import, a primary with a streaming standby): ENTENTE_TEST_PG_CLUSTERS=1.
set -euo pipefail
if [ "${1:-}" = "--clusters" ]; then export ENTENTE_TEST_PG_CLUSTERS=1; shift; fi
cd "$(dirname "$0")/.."
dir=$(mktemp -d "${TMPDIR:-/tmp}/entente-pg.XXXXXX")
chmod 755 "$dir"
trap 'bash scripts/pg-cluster.sh stop "$dir/cluster"; rm -rf "$dir"' EXIT
ENTENTE_TEST_PG=$(bash scripts/pg-cluster.sh start "$dir/cluster")
export ENTENTE_TEST_PG
npx vitest run "$@"
if [ $# -eq 0 ]; then
  echo "The tests that touch a store, again on PostgreSQL:"
  ENTENTE_TEST_STORE=postgres npx vitest run src/store/sqlite/curation.test.ts src/store/sqlite/auth.test.ts \
    src/store/sqlite/watch.test.ts src/ingest/documents/ingest-paths.test.ts src/alerts/check-watches.test.ts \
    src/services/analysis.test.ts src/api src/cli/events-command.test.ts src/cli/series-command.test.ts \
    src/cli/watch-command.test.ts src/starter/starter-dataset.test.ts
fi
