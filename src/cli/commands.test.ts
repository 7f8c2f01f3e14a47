// The lazy command table: each entry's module registers the command it is listed under, and
// a run that names one command loads that command's module only.
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { commandTable } from './commands.js';
import { runCli } from '../../test/cli.js';

describe('command table', () => {
  it.each(commandTable.map(([name, load]) => [name, load] as const))('%s: the module registers that command', async (name, load) => {
    const program = new Command('entente');
    (await load())(program);
    expect(program.commands.map((c) => c.name())).toEqual([name]);
  });

  it('lists every command in the help, and must not list one twice', async () => {
    const r = runCli(['--help']);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed).toEqual(commandTable.map(([name]) => name));
  });

  it('gives a named command, loaded alone, all its options', async () => {
    const r = runCli(['import', '--help']);
    expect(r.stdout).toMatch(/--strict/);
  });
});
