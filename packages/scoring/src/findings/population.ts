import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { segmentRules } from '../segments/rules.js';

/** A partner counted in program findings: past onboarding, with a target in the window. */
export interface Member {
  readonly row: PartnerPeriodMetrics;
  readonly attainment: number;
  readonly revenue: number;
  readonly target: number;
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
      list.push({ row: rows[index]!, attainment: attainment[index]!, revenue: revenue[index]!, target: target[index]! });
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
    const key = member.row[dimension];
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
