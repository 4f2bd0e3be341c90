import type { Command } from 'commander';
import { serviceStatus, startServices, stopLocalServices } from '@ppm/runtime';
import { formatTable, note, printJson } from '../lib/output.js';

export function registerServices(program: Command): void {
  const services = program.command('services').description('start, stop and inspect the local PostgreSQL and Temporal');

  services
    .command('up')
    .description('start the services in the background (they keep running until `ppm services down`)')
    .option('--json', 'print the connection details as JSON')
    .action(async (options: { json?: boolean }) => {
      const running = await startServices({ detached: true, log: note });
      const details = {
        database_url: running.databaseUrl,
        temporal_address: running.temporalAddress,
        temporal_ui: running.temporalUiUrl ?? null,
        origin: running.origin,
      };
      if (options.json) printJson(details);
      else console.log(formatTable([details], ['database_url', 'temporal_address', 'temporal_ui']));
    });

  services
    .command('down')
    .description('stop the local services running on this data directory')
    .action(async () => {
      const stopped = await stopLocalServices();
      note(stopped.length ? `Stopped ${stopped.join(' and ')}.` : 'Nothing was running.');
    });

  services
    .command('status')
    .description('show which local services run, where, and who owns them')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      const status = serviceStatus();
      if (options.json) printJson(status);
      else console.log(formatTable(status.map((entry) => ({ ...entry })), ['service', 'running', 'pid', 'url', 'uiUrl', 'ownedBy']));
    });
}
