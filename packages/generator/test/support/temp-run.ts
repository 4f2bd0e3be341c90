import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEcosystem, type GenerateOptions, type Manifest } from '../../src/index.js';

export interface TempRun {
  readonly dir: string;
  readonly manifest: Manifest;
  remove(): Promise<void>;
}

/** Generates into a fresh temporary directory. */
export async function generateTemp(options: Omit<GenerateOptions, 'out'>): Promise<TempRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ppm-generator-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    return { dir, manifest: await generateEcosystem({ ...options, out: dir }), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
