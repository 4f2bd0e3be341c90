import type { ScoringContext } from '../context.js';
import { formatPercent, round } from '../format.js';
import type { JsonObject } from '../types.js';
import type { Population } from './population.js';
import { twoProportionTest } from './stats.js';
import type { FindingDraft } from './draft.js';

/**
 * Segments (each value of each configured dimension) whose share of below-target partners
 * is significantly above the rest of the program's: one-sided two-proportion z-test.
 */
export function belowTargetFindings(context: ScoringContext, { members, below, groups }: Population): FindingDraft[] {
  const { findings } = context.config;
  const candidates = findings.dimensions.flatMap((dimension) =>
    groups
      .get(dimension)!
      .filter((group) => group.size >= findings.min_segment_size && group.size < members.length)
      .map((group) => ({ dimension, value: group.value, size: group.size, below: group.below })),
  );
  const { alpha, correction } = findings.below_target;
  const threshold = correction === 'bonferroni' ? alpha / Math.max(1, candidates.length) : alpha;
  return candidates.flatMap((candidate): FindingDraft[] => {
    const restSize = members.length - candidate.size;
    const restBelow = below - candidate.below;
    const test = twoProportionTest(candidate.below, candidate.size, restBelow, restSize);
    if (!test || test.p_value >= threshold || test.z <= 0) return [];
    const evidence: JsonObject = {
      segment_below: candidate.below,
      segment_partners: candidate.size,
      segment_share: round(candidate.below / candidate.size, 4),
      rest_below: restBelow,
      rest_partners: restSize,
      rest_share: round(restBelow / restSize, 4),
      program_share: round(below / members.length, 4),
      z: round(test.z, 3),
      p_value: round(test.p_value, 6),
      alpha,
      correction,
      tests: candidates.length,
    };
    return [
      {
        kind: 'below_target_concentration',
        severity: test.p_value < threshold / 10 ? 'critical' : 'warning',
        dimension: candidate.dimension,
        dimension_value: candidate.value,
        text: `${formatPercent(candidate.below / candidate.size)} of ${candidate.dimension} ${candidate.value} partners are below target, against ${formatPercent(restBelow / restSize)} in the rest of the program (${candidate.below} of ${candidate.size}; z = ${test.z.toFixed(2)}, p = ${test.p_value.toPrecision(2)})`,
        evidence,
      },
    ];
  });
}
