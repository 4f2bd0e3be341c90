import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workflowBundlePath } from '@ppm/workflows';
import protoUtils from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';

const folder = new URL('../fixtures/histories/', import.meta.url);
const histories = readdirSync(folder).filter((file) => file.endsWith('.json'));
const load = (file: string) => protoUtils.historyFromJSON(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));

describe('replay of recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(3);
  });

  it.each(histories)('replays %s with the current workflow code', async (file) => {
    const workflowId = file.replace(/\.json$/, '');
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath } }, load(file), workflowId)).resolves.toBeUndefined();
  });

  it('catches a non-deterministic change of the pipeline', async () => {
    const workflowsPath = fileURLToPath(new URL('../fixtures/nondeterministic/workflows.ts', import.meta.url));
    await expect(Worker.runReplayHistory({ workflowsPath }, load('partner-pipeline.json'), 'partner-pipeline')).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
