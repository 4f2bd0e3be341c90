import type { ScoringContext } from '../context.js';
import { formatPercent, round } from '../format.js';
import type { FindingDraft } from './draft.js';
import type { GroupTotals, Population } from './population.js';

/** Required-training completion of a group as a ratio of sums; null when nothing was assigned. */
function completion(group: GroupTotals): number | null {
  return group.trainingsAssigned > 0 ? group.trainingsCompleted / group.trainingsAssigned : null;
}

function attainment(group: GroupTotals): number {
  return group.target > 0 ? group.revenue / group.target : 0;
}

/** Segments that completed their required training yet sit well below target: enablement is not turning into revenue. */
function segmentGaps(context: ScoringContext, groups: Population['groups']): FindingDraft[] {
  const { findings } = context.config;
  const gap = findings.enablement_gap;
  return findings.dimensions.flatMap((dimension) =>
    groups.get(dimension)!.flatMap((group): FindingDraft[] => {
      const rate = completion(group);
      const reached = attainment(group);
      if (group.size < findings.min_segment_size || rate === null || rate < gap.min_training_completion || reached >= gap.max_attainment) return [];
      return [
        {
          kind: 'enablement_gap',
          severity: 'warning',
          dimension,
          dimension_value: group.value,
          text: `${dimension} ${group.value} partners completed ${formatPercent(rate)} of required training but reach ${formatPercent(reached)} attainment: enablement is not turning into revenue`,
          evidence: {
            partners: group.size,
            required_training_completion: round(rate, 4),
            trailing_attainment: round(reached, 4),
            min_training_completion: gap.min_training_completion,
            max_attainment: gap.max_attainment,
          },
        },
      ];
    }),
  );
}

/** Partners with high required-training completion and low attainment, worst first. */
function partnerGaps(context: ScoringContext, { rows, members, attainment: reached, trainingCompletion }: Population): FindingDraft[] {
  const gap = context.config.findings.enablement_gap;
  const partners = members
    .filter((index) => trainingCompletion[index]! >= gap.min_training_completion && reached[index]! < gap.max_attainment)
    .sort((a, b) => reached[a]! - reached[b]! || (rows[a]!.partner_id < rows[b]!.partner_id ? -1 : 1));
  if (partners.length === 0) return [];
  const named = partners
    .slice(0, 3)
    .map((index) => rows[index]!.partner_name)
    .join(', ');
  return [
    {
      kind: 'enablement_gap_partners',
      severity: 'info',
      dimension: null,
      dimension_value: null,
      text: `${partners.length} partners completed at least ${formatPercent(gap.min_training_completion)} of required training but are below ${formatPercent(gap.max_attainment)} attainment (e.g. ${named})`,
      evidence: {
        partners: partners.length,
        listed: partners.slice(0, gap.max_partners_listed).map((index) => ({
          partner_id: rows[index]!.partner_id,
          partner_name: rows[index]!.partner_name,
          required_training_completion_rate: rows[index]!.required_training_completion_rate,
          trailing_attainment: round(reached[index]!, 4),
        })),
      },
    },
  ];
}

export function enablementFindings(context: ScoringContext, members: Population): FindingDraft[] {
  return [...segmentGaps(context, members.groups), ...partnerGaps(context, members)];
}
