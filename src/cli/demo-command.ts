// `entente demo`: runs the extractor on a short text written for the demo and prints a
// readable table — what `npm start` shows until the workbench exists.
import type { Command } from 'commander';
import { extractDocument } from '../extract/index.js';
import { printTable } from './extract-command.js';

/** A made-up news item in the style of a wire report; not taken from any source. */
export const DEMO_TEXT = `VIENNA, March 3, 2021 - The foreign ministers of Japan and South Korea met in Vienna on Tuesday and agreed to resume regular security talks.
Officials said Tokyo would send medical supplies to Seoul next month.
Hours later, North Korea fired two short-range ballistic missiles into the sea, the South's military said.
South Korea condemned the launch, and the United States urged Pyongyang to return to negotiations.
China did not criticise North Korea.
Russia may veto any new sanctions against North Korea at the UN Security Council, diplomats said.`;

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('extract events from a short built-in demo text and print them')
    .action(() => {
      const r = extractDocument(DEMO_TEXT, { id: 'demo', published: '2021-03-03', publishedFrom: 'given' });
      console.log(DEMO_TEXT.replace(/^/gm, '  '));
      console.log('');
      printTable(r, 'demo');
    });
}
