// Every CLI command, in the order `entente --help` lists them. Add one line per command file.
import type { Command } from 'commander';
import { registerExtract } from './extract-command.js';
import { registerDemo } from './demo-command.js';
import { registerIngest } from './ingest-command.js';
import { registerEvents } from './events-command.js';
import { registerShow } from './show-command.js';
import { registerTimeline } from './timeline-command.js';
import { registerSearch } from './search-command.js';
import { registerActors } from './actors-command.js';
import { registerExport } from './export-command.js';
import { registerImport } from './import-command.js';
import { registerServe } from './serve-command.js';
import { registerStart } from './start-command.js';
import { registerToken } from './token-command.js';
import { registerSeries } from './series-command.js';
import { registerShifts } from './shifts-command.js';
import { registerNetwork } from './network-command.js';
import { registerSpillover } from './spillover-command.js';
import { registerWatch } from './watch-command.js';
import { registerAlerts } from './alerts-command.js';

export const commands: Array<(program: Command) => void> = [
  registerExtract,
  registerDemo,
  registerIngest,
  registerEvents,
  registerShow,
  registerTimeline,
  registerSearch,
  registerActors,
  registerExport,
  registerImport,
  registerServe,
  registerStart,
  registerToken,
  registerSeries,
  registerShifts,
  registerNetwork,
  registerSpillover,
  registerWatch,
  registerAlerts,
];
