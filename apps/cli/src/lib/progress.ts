import { setTimeout as sleep } from 'node:timers/promises';
import { readRunProgress, type RunProgress } from '@ppm/workflows';
import type { WorkflowHandle } from '@temporalio/client';
import cliProgress from 'cli-progress';
import { note } from './output.js';

function describe(progress: RunProgress): { step: string; done: number; total: number; detail: string } {
  const pipeline = progress.pipeline;
  const load = progress.load;
  const detail = load
    ? `${load.batchesDone}/${load.batchesTotal} files · ${load.rowsRead.toLocaleString('en-US')} rows · ${load.rowsQuarantined.toLocaleString('en-US')} quarantined${load.current ? ` · ${load.current}` : ''}`
    : progress.model
      ? `model ${progress.model}`
      : '';
  return { step: pipeline?.step ?? progress.status.toLowerCase(), done: pipeline?.stepsDone ?? 0, total: pipeline?.stepsTotal ?? 1, detail };
}

/**
 * Follows a run until it closes: a live bar on a terminal, a line per step change otherwise.
 */
export async function followRun(handle: WorkflowHandle, options: { intervalMs?: number } = {}): Promise<void> {
  const interactive = Boolean(process.stderr.isTTY);
  const bar = interactive
    ? new cliProgress.SingleBar({ format: ' {bar} {step} ({value}/{total} steps) {detail}', hideCursor: true, stream: process.stderr, clearOnComplete: false }, cliProgress.Presets.shades_classic)
    : undefined;
  let lastStep = '';
  bar?.start(1, 0, { step: 'starting', detail: '' });
  try {
    for (;;) {
      const progress = await readRunProgress(handle);
      if (progress.status !== 'RUNNING') break;
      const { step, done, total, detail } = describe(progress);
      if (bar) {
        bar.setTotal(total);
        bar.update(done, { step, detail });
      } else if (step !== lastStep) {
        note(`step: ${step}`);
      }
      lastStep = step;
      await sleep(options.intervalMs ?? 500);
    }
  } finally {
    bar?.stop();
  }
}
