#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerDemo } from './commands/demo.js';
import { registerServices } from './commands/services.js';

const program = new Command('ppm')
  .description('Partner performance management: load partner data, build metrics, score partners, and run the pipeline.')
  .showHelpAfterError()
  .exitOverride();

registerDemo(program);
registerServices(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const message = error instanceof Error ? `${error.name === 'Error' ? 'Error' : error.name}: ${error.message}` : String(error);
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}
