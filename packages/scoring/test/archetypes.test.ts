import { describe, expect, it } from 'vitest';
import { confusionMatrix, createScorer, defaultScoringConfig, formatConfusionMatrix, macroF1 } from '../src/index.js';
import { archetypeRows, archetypes, expectedSegment } from './support/archetypes.js';

describe('default configuration on planted archetypes', () => {
  it.each([1, 2, 3])('puts star and rising in grow, steady in maintain, at_risk in intervene, dormant in exit_review, new in onboarding (seed %i)', (seed) => {
    const data = archetypeRows({ perArchetype: 20, months: 24, seed });
    const segments = createScorer(data.rows, defaultScoringConfig).scorePeriod(data.lastPeriod).segments;
    const expected = segments.map((row) => expectedSegment[data.truth.get(row.partner_id)!]);
    const matrix = confusionMatrix(expected, segments.map((row) => row.segment));
    const score = macroF1(matrix);
    if (score.macro_f1 < 1) console.log(formatConfusionMatrix(matrix));
    expect(score.macro_f1).toBeGreaterThanOrEqual(0.9);
    expect(segments).toHaveLength(archetypes.length * 20);
  });
});
