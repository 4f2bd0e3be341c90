import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEcosystem } from '@ppm/generator';
import { projectRoot } from '@ppm/runtime';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';
import { uniqueName } from '../support/pipeline.js';
import { configFolder } from '../support/worker-process.js';

const test = useTestDatabase();

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `ppm` command against the test run's PostgreSQL database and Temporal. */
function ppm(args: readonly string[], configDir?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot(), 'apps', 'cli', 'dist', 'main.js'), ...args], {
      env: {
        ...process.env,
        DATABASE_URL: test.url,
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        ...(configDir ? { PPM_CONFIG_DIR: configDir } : {}),
        NO_COLOR: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the ppm command', () => {
  const source = uniqueName('cli');
  let configDir: string;
  let dataFolder: string;

  beforeAll(async () => {
    const out = tempFolder('cli');
    await generateEcosystem({ partners: 50, months: 12, seed: 8, end: '2026-05', out });
    dataFolder = join(out, 'data');
    configDir = configFolder(join(out, 'config'), source, dataFolder);
  });

  it('answers --help with exit code 0 and a bad argument with 2 and the reason', async () => {
    expect((await ppm(['--help'])).code).toBe(0);
    const bad = await ppm(['run', '--period', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a month as YYYY-MM/);
  });

  it('names the configured sources when asked for an unknown one (exit code 2)', async () => {
    const result = await ppm(['load', '--source', 'nope'], configDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Unknown source "nope". Configured sources in ${join(configDir, 'sources.yml')}: ${source}.`);
  });

  it('loads a folder and reports it as JSON', async () => {
    const result = await ppm(['load', '--path', dataFolder, '--json'], configDir);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { failed: unknown[]; rowsLoaded: number };
    expect(summary.failed).toEqual([]);
    expect(summary.rowsLoaded).toBeGreaterThan(1000);
  });

  it('shows the rows a load quarantined by file and reason, only the latest load of each file, and writes them as CSV', async () => {
    const folder = writeFiles(tempFolder('cli-bad'), {
      'revenue-bad.csv': lines('line_id,partner_id,booked_at,amount,currency', 'B1,NOPE,2026-01-05,10,USD', 'B2,NOPE,2026-01-06,oops,USD', 'B3,NOPE,2026-01-07,12,USD'),
    });
    for (let load = 0; load < 2; load += 1) expect((await ppm(['load', '--path', folder, '--json'], configDir)).code).toBe(0);
    const shown = await ppm(['quarantine', '--file', 'revenue-bad.csv', '--json'], configDir);
    expect(shown.code, shown.stderr).toBe(0);
    const report = JSON.parse(shown.stdout) as { summary: { reason_code: string; rows: number; first_line: number }[]; rows: { line_number: number; reason_code: string }[] };
    expect(report.summary.map(({ reason_code, rows, first_line }) => ({ reason_code, rows, first_line }))).toEqual([
      { reason_code: 'unknown_partner', rows: 2, first_line: 2 },
      { reason_code: 'invalid_number', rows: 1, first_line: 3 },
    ]);
    expect(report.rows.map((row) => [row.line_number, row.reason_code])).toEqual([[2, 'unknown_partner'], [3, 'invalid_number'], [4, 'unknown_partner']]);
    const history = JSON.parse((await ppm(['quarantine', '--file', 'revenue-bad.csv', '--all-loads', '--json'], configDir)).stdout) as { rows: unknown[] };
    expect(history.rows).toHaveLength(6);

    const out = join(folder, 'fix-me.csv');
    const written = await ppm(['quarantine', '--file', 'revenue-bad.csv', '--reason', 'invalid_number', '--out', out], configDir);
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      'source,file,line,field,reason,message,line_id,partner_id,booked_at,amount,currency\r\n' +
        'adhoc,revenue-bad.csv,3,amount,invalid_number,"amount = ""oops"": Not a number.",B2,NOPE,2026-01-06,oops,USD\n',
    );
  });

  it('runs one pipeline when two ppm run start the same source and period at once', async () => {
    const args = ['run', '--source', source, '--period', '2026-05', '--json'];
    const [first, second] = await Promise.all([ppm(args, configDir), ppm(args, configDir)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const [a, b] = [JSON.parse(first.stdout) as { runId: string }, JSON.parse(second.stdout) as { runId: string }];
    expect(a.runId).toBe(b.runId);
    expect(await test.db('ops.pipeline_runs').where({ workflow_id: `pipeline-${source}-2026-05` })).toHaveLength(1);
  });

  it('lists the model graph without a database', async () => {
    const result = await ppm(['models', 'ls', '--json']);
    expect(result.code).toBe(0);
    const models = JSON.parse(result.stdout) as { name: string; dependsOn: string[] }[];
    expect(models.find((model) => model.name === 'partner_period_metrics')?.dependsOn).toContain('partner_month_metrics');
  });
});
