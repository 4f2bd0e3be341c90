import type { ScoringContext } from '../context.js';
import { stableId } from '../ids.js';
import type { ProgramFindingRow } from '../types.js';
import { belowTargetFindings } from './below-target.js';
import { enablementFindings } from './enablement.js';
import { population } from './population.js';
import { concentrationFinding, migrationFinding } from './program.js';

/** program_findings rows of a period. */
export function findingRows(context: ScoringContext, period: number): ProgramFindingRow[] {
  const members = population(context, period);
  const periodStart = context.history.periods[period]!;
  return [
    ...belowTargetFindings(context, members),
    ...enablementFindings(context, members),
    ...concentrationFinding(context, period),
    ...migrationFinding(context, period),
  ].map((draft) => ({
    finding_id: stableId('fnd', [draft.kind, periodStart, draft.dimension ?? '', draft.dimension_value ?? '']),
    period_start: periodStart,
    config_version: context.configVersion,
    ...draft,
  }));
}
