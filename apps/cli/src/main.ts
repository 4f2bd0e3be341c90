#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError, exitCodeFor, exitCodes } from './lib/exit.js';
import { registerBackfill } from './commands/backfill.js';
import { registerDemo } from './commands/demo.js';
import { registerGenerate } from './commands/generate.js';
import { registerLoad } from './commands/load.js';
import { registerModels } from './commands/models.js';
import { registerQuarantine } from './commands/quarantine.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerScore } from './commands/score.js';
import { registerSchedule } from './commands/schedule.js';
import { registerServices } from './commands/services.js';
import { registerToken } from './commands/token.js';

// Some libraries (Cube) print warnings with console.log; with --json, stdout carries only the JSON.
if (process.argv.includes('--json')) console.log = console.error;

const program = new Command('ppm')
  .description('Partner performance management: load partner data, build metrics, score partners, and run the pipeline.')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText('after', '\nExit codes: 0 done, 1 the work failed (a run, a test), 2 bad usage or configuration, 3 a service is unreachable.');

registerDemo(program);
registerGenerate(program);
registerLoad(program);
registerQuarantine(program);
registerRun(program);
registerModels(program);
registerRuns(program);
registerBackfill(program);
registerScore(program);
registerSchedule(program);
registerServices(program);
registerToken(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage);
  process.stderr.write(`\n${describeError(error)}\n`);
  process.exit(exitCodeFor(error));
}
