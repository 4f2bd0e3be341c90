export { generateEcosystem, type GenerateHooks } from './generate.js';
export { GeneratorOptionsError, generateOptionsSchema, minimumDirtyPartners, minimumMonths, type GenerateOptions } from './options.js';
export type { FileManifest, GeneratedFacts, Manifest, QuarantineTotals } from './manifest/manifest.js';
export type { EntityTotals, MoneyTotals } from './manifest/ledger.js';
export {
  archetypeMix,
  archetypes,
  attainmentBands,
  expectedSegments,
  segments,
  type Archetype,
  type Segment,
} from './world/archetypes.js';
