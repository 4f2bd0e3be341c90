import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { segmentRules } from '../segments/rules.js';

/**
 * A partner counted in program findings: past onboarding, with a target in the window. What
 * the findings group and sum is copied from the row once: they pass over the members many
 * times, and members sit next to each other in memory while the rows are scattered.
 */
export interface Member {
  readonly row: PartnerPeriodMetrics;
  readonly attainment: number;
  readonly revenue: number;
  readonly target: number;
  readonly partner_type: string;
  readonly tier: string;
  readonly region: string;
  /** Required trainings completed and assigned, 0 when missing. */
  readonly trainingsCompleted: number;
  readonly trainingsAssigned: number;
  readonly trainingCompletionRate: number | null;
}

function toMember(row: PartnerPeriodMetrics, attainment: number, revenue: number, target: number): Member {
  return {
    row,
    attainment,
    revenue,
    target,
    partner_type: row.partner_type,
    tier: row.tier,
    region: row.region,
    trainingsCompleted: row.required_trainings_completed ?? 0,
    trainingsAssigned: row.required_trainings_assigned ?? 0,
    trainingCompletionRate: row.required_training_completion_rate,
  };
}

const onboarding = segmentRules.indexOf('onboarding_grace');

/** Partners of a period that findings about attainment compare (onboarding partners are in their grace period). */
function members(context: ScoringContext, period: number): Member[] {
  const { rules } = context.segments(period);
  const { revenue, target, attainment } = context.trailing(period);
  const rows = context.history.rowsByPeriod[period]!;
  const list: Member[] = [];
  for (let index = 0; index < rows.length; index++)
    if (rules[index] !== onboarding && target[index]! > 0)
      list.push(toMember(rows[index]!, attainment[index]!, revenue[index]!, target[index]!));
  return list;
}

type Dimension = 'partner_type' | 'tier' | 'region';

/** Members of a period and, per configured dimension, the members grouped by its values. */
export interface Population {
  readonly list: readonly Member[];
  readonly groups: ReadonlyMap<Dimension, ReadonlyMap<string, readonly Member[]>>;
}

/** Members grouped by the value of a dimension (partner_type, tier, region), in order of the values. */
function groupBy(list: readonly Member[], dimension: Dimension): Map<string, Member[]> {
  const groups = new Map<string, Member[]>();
  for (const member of list) {
    const key = member[dimension];
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The members of a period, grouped once for every finding that compares segments. */
export function population(context: ScoringContext, period: number): Population {
  const list = members(context, period);
  return { list, groups: new Map(context.config.findings.dimensions.map((dimension) => [dimension, groupBy(list, dimension)])) };
}
