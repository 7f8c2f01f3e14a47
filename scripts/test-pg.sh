#!/usr/bin/env bash
# Runs tests against a throw-away PostgreSQL cluster as well as SQLite: starts one (see
# pg-cluster.sh), runs `vitest run` with ENTENTE_TEST_PG pointing at it, and stops it, pass or
# fail. Arguments go to vitest: `scripts/test-pg.sh src/store` runs the store tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d "${TMPDIR:-/tmp}/entente-pg.XXXXXX")
chmod 755 "$dir"
trap 'bash scripts/pg-cluster.sh stop "$dir/cluster"; rm -rf "$dir"' EXIT
ENTENTE_TEST_PG=$(bash scripts/pg-cluster.sh start "$dir/cluster")
export ENTENTE_TEST_PG
npx vitest run "$@"
