import type { ScoringContext } from '../context.js';
import { formatPercent, round } from '../format.js';
import type { FindingDraft } from './draft.js';
import type { Member, Population } from './population.js';

/** Required-training completion of a group as a ratio of sums; null when nothing was assigned. */
function completion(group: readonly Member[]): number | null {
  let completed = 0;
  let assigned = 0;
  for (const member of group) {
    completed += member.trainingsCompleted;
    assigned += member.trainingsAssigned;
  }
  return assigned > 0 ? completed / assigned : null;
}

function attainment(group: readonly Member[]): number {
  const revenue = group.reduce((sum, member) => sum + member.revenue, 0);
  const target = group.reduce((sum, member) => sum + member.target, 0);
  return target > 0 ? revenue / target : 0;
}

/** Segments that completed their required training yet sit well below target: enablement is not turning into revenue. */
function segmentGaps(context: ScoringContext, groups: Population['groups']): FindingDraft[] {
  const { findings } = context.config;
  const gap = findings.enablement_gap;
  return findings.dimensions.flatMap((dimension) =>
    [...groups.get(dimension)!].flatMap(([value, group]): FindingDraft[] => {
      const rate = completion(group);
      const reached = attainment(group);
      if (group.length < findings.min_segment_size || rate === null || rate < gap.min_training_completion || reached >= gap.max_attainment) return [];
      return [
        {
          kind: 'enablement_gap',
          severity: 'warning',
          dimension,
          dimension_value: value,
          text: `${dimension} ${value} partners completed ${formatPercent(rate)} of required training but reach ${formatPercent(reached)} attainment: enablement is not turning into revenue`,
          evidence: {
            partners: group.length,
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
function partnerGaps(context: ScoringContext, list: readonly Member[]): FindingDraft[] {
  const gap = context.config.findings.enablement_gap;
  const partners = list
    .filter((member) => (member.trainingCompletionRate ?? 0) >= gap.min_training_completion && member.attainment < gap.max_attainment)
    .sort((a, b) => a.attainment - b.attainment || (a.row.partner_id < b.row.partner_id ? -1 : 1));
  if (partners.length === 0) return [];
  const named = partners.slice(0, 3).map((member) => member.row.partner_name).join(', ');
  return [
    {
      kind: 'enablement_gap_partners',
      severity: 'info',
      dimension: null,
      dimension_value: null,
      text: `${partners.length} partners completed at least ${formatPercent(gap.min_training_completion)} of required training but are below ${formatPercent(gap.max_attainment)} attainment (e.g. ${named})`,
      evidence: {
        partners: partners.length,
        listed: partners.slice(0, gap.max_partners_listed).map(({ row, attainment: reached }) => ({
          partner_id: row.partner_id,
          partner_name: row.partner_name,
          required_training_completion_rate: row.required_training_completion_rate,
          trailing_attainment: round(reached, 4),
        })),
      },
    },
  ];
}

export function enablementFindings(context: ScoringContext, { list, groups }: Population): FindingDraft[] {
  return [...segmentGaps(context, groups), ...partnerGaps(context, list)];
}
