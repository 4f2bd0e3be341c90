import { dealRegistrations, fxRates, partners, pipeline, revenue, targets } from './commercial.js';
import { businessPlans, certifications, engagementEvents, mdf, onboarding, training } from './enablement.js';
import type { EntityDefinition, EntityName, FieldDefinition } from './types.js';

export * from './types.js';
export * from './quarantine.js';
export { renderDataContract } from './markdown.js';

/** Every entity of the contract, in load order (referenced entities first). */
export const entities: readonly EntityDefinition[] = [
  fxRates,
  partners,
  revenue,
  targets,
  dealRegistrations,
  pipeline,
  training,
  certifications,
  engagementEvents,
  mdf,
  businessPlans,
  onboarding,
];

const byName = new Map<EntityName, EntityDefinition>(entities.map((entity) => [entity.name, entity]));

export function entity(name: EntityName): EntityDefinition {
  const definition = byName.get(name);
  if (!definition) throw new Error(`Unknown entity "${name}"`);
  return definition;
}

export function field(definition: EntityDefinition, name: string): FieldDefinition {
  const found = definition.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Entity "${definition.name}" has no field "${name}"`);
  return found;
}
