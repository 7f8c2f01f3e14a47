#!/usr/bin/env bash
# `npm test`: build what the tests run (the CLI and the web app), then run every test.
# Browser tests need Debian's chromium at /usr/bin/chromium; .ci/run installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
if [ -f web/vite.config.ts ]; then npm run --silent build:web -- --logLevel warn; fi
npx vitest run "$@"
