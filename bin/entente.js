#!/usr/bin/env node
// The installed command. Runs the compiled CLI (built by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('entente: the build is missing (dist/). Run `npm install` or `npm run build` in the package folder.');
  process.exit(1);
}
await import(main.href);
