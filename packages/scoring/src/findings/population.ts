import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { attributeReaders } from '../metric-readers.js';
import { segmentRules } from '../segments/rules.js';

/** Below target means what it says: trailing attainment under 100%. */
export const belowTarget = 1;

type Dimension = 'partner_type' | 'tier' | 'region';

/** The sums findings compare for the members with one value of a dimension. */
export interface GroupTotals {
  readonly value: string;
  size: number;
  /** Members below target (see belowTarget). */
  below: number;
  /** Required trainings completed and assigned, 0 when missing. */
  trainingsCompleted: number;
  trainingsAssigned: number;
  /** Trailing revenue and target, summed in row order. */
  revenue: number;
  target: number;
}

/**
 * The partners of a period that findings about attainment compare: past onboarding (in their
 * grace period they are not judged on results), with a target in the window. Kept as row
 * indexes into the period's columns, and summed per group in one pass: an object per member
 * and an array per group cost more than the findings that read them.
 */
export interface Population {
  readonly rows: readonly PartnerPeriodMetrics[];
  /** Row indexes of the members, in row order. */
  readonly members: readonly number[];
  /** Trailing attainment per row of the period. */
  readonly attainment: Float64Array;
  /** Members below target. */
  readonly below: number;
  /** Required-training completion rate per row of the period, 0 when missing; set for members only. */
  readonly trainingCompletion: Float64Array;
  /** Per configured dimension, the totals of each of its values, in order of the values. */
  readonly groups: ReadonlyMap<Dimension, readonly GroupTotals[]>;
}

const onboarding = segmentRules.indexOf('onboarding_grace');

function memberRows(context: ScoringContext, period: number): number[] {
  const { rules } = context.segments(period);
  const { target } = context.trailing(period);
  const members: number[] = [];
  for (let index = 0; index < rules.length; index++) if (rules[index] !== onboarding && target[index]! > 0) members.push(index);
  return members;
}

function emptyTotals(value: string): GroupTotals {
  return { value, size: 0, below: 0, trainingsCompleted: 0, trainingsAssigned: 0, revenue: 0, target: 0 };
}

function byValue(a: GroupTotals, b: GroupTotals): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/**
 * The totals of the members grouped by the value of each dimension, in order of the values,
 * and the members' training completion (into `trainingCompletion`). One pass over the rows
 * for all of it: a period's row objects do not fit in the processor's cache, and each pass
 * over them misses it once per row.
 */
function groupTotals(
  context: ScoringContext,
  period: number,
  members: readonly number[],
  dimensions: readonly Dimension[],
  trainingCompletion: Float64Array,
): Map<Dimension, GroupTotals[]> {
  const rows = context.history.rowsByPeriod[period]!;
  const { revenue, target, attainment } = context.trailing(period);
  const groups = dimensions.map(() => new Map<string, GroupTotals>());
  const readers = dimensions.map((dimension) => attributeReaders[dimension]);
  for (const index of members) {
    const row = rows[index]!;
    const below = attainment[index]! < belowTarget ? 1 : 0;
    const completed = row.required_trainings_completed ?? 0;
    const assigned = row.required_trainings_assigned ?? 0;
    trainingCompletion[index] = row.required_training_completion_rate ?? 0;
    for (let at = 0; at < dimensions.length; at++) {
      const key = readers[at]!(row);
      const values = groups[at]!;
      let totals = values.get(key);
      if (!totals) values.set(key, (totals = emptyTotals(key)));
      totals.size++;
      totals.below += below;
      totals.trainingsCompleted += completed;
      totals.trainingsAssigned += assigned;
      totals.revenue += revenue[index]!;
      totals.target += target[index]!;
    }
  }
  return new Map(dimensions.map((dimension, at) => [dimension, [...groups[at]!.values()].sort(byValue)]));
}

/** The members of a period, grouped once for every finding that compares segments. */
export function population(context: ScoringContext, period: number): Population {
  const members = memberRows(context, period);
  const { attainment } = context.trailing(period);
  let below = 0;
  for (const index of members) if (attainment[index]! < belowTarget) below++;
  const rows = context.history.rowsByPeriod[period]!;
  const trainingCompletion = new Float64Array(rows.length);
  const groups = groupTotals(context, period, members, context.config.findings.dimensions, trainingCompletion);
  return { rows, members, attainment, below, trainingCompletion, groups };
}
