import type { EntityName } from '@ppm/core';
import type { Ledger } from '../manifest/ledger.js';
import type { Settings } from '../options.js';
import type { Samples } from '../output/clean-output.js';
import type { Row } from '../output/format.js';
import type { FileWriter } from '../output/writer.js';
import type { FxTable } from '../world/fx.js';
import type { Population } from '../world/population.js';
import { dealsDirty, pipelineDirty } from './commercial-dirty.js';
import type { DirtyFile } from './dirty-file.js';
import { engagementDirty, certificationsDirty, trainingDirty } from './enablement-dirty.js';
import type { Hosts } from './hosts.js';
import { fxDirty, partnersDirty } from './master-dirty.js';
import { businessPlansDirty, mdfDirty, onboardingDirty } from './program-dirty.js';
import { revenueDirty, targetsDirty } from './revenue-dirty.js';

export interface DirtyContext {
  readonly settings: Settings;
  readonly fx: FxTable;
  readonly ledger: Ledger;
  readonly population: Population;
  readonly hosts: Hosts;
  readonly samples: Samples;
}

/** The clean rows written for a sampled partner. */
export function sampleOf(context: DirtyContext, partnerId: string, entity: EntityName): readonly Row[] {
  return context.samples.get(partnerId)?.get(entity) ?? [];
}

const builders: readonly ((context: DirtyContext) => DirtyFile)[] = [
  fxDirty,
  partnersDirty,
  revenueDirty,
  targetsDirty,
  dealsDirty,
  pipelineDirty,
  trainingDirty,
  certificationsDirty,
  engagementDirty,
  mdfDirty,
  businessPlansDirty,
  onboardingDirty,
];

/** One dirty file per entity, each loading after the entity's clean files. */
export async function writeDirtyFiles(context: DirtyContext): Promise<FileWriter[]> {
  const writers: FileWriter[] = [];
  for (const [salt, build] of builders.entries()) {
    writers.push(await build(context).write(context.settings.out, context.settings.seed, salt));
  }
  return writers;
}
