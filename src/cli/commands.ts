// Every CLI command, in the order `entente --help` lists them. Add one line per command file.
import type { Command } from 'commander';

export const commands: Array<(program: Command) => void> = [
];
