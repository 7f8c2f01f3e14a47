// Every CLI command, in the order `entente --help` lists them. Add one line per command file.
import type { Command } from 'commander';
import { registerImport } from './import-command.js';
import { registerServe } from './serve-command.js';
import { registerStart } from './start-command.js';
import { registerToken } from './token-command.js';

export const commands: Array<(program: Command) => void> = [
  registerImport,
  registerServe,
  registerStart,
  registerToken,
];
