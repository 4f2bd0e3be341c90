import { configVersion } from './config/parse.js';
import type { ScoringConfig } from './config/schema.js';
import { HealthExplainer } from './health/explainer.js';
import { computeHealthFrame, type HealthFrame } from './health/frame.js';
import { HealthMemory } from './health/memory.js';
import { compileHealthPlan, type HealthPlan } from './health/plan.js';
import { computeTrend, type Trend } from './health/trend.js';
import type { ScoringHistory } from './history.js';
import { trailingWindow, type TrailingColumns } from './measures.js';
import { decideSegments } from './segments/decide.js';
import type { SegmentDecisions } from './segments/facts.js';
import { computeTenure, decideTiers, type TierDecisions } from './tiers/decide.js';
import { checkTiers, compileLadder, type Ladder, type PeriodMeasures, type TierChecks } from './tiers/ladder.js';

interface PeriodState {
  health?: HealthFrame;
  trend?: Trend;
  trailing?: TrailingColumns;
  segments?: SegmentDecisions;
  measures?: PeriodMeasures;
  tierChecks?: TierChecks;
  tenure?: Uint16Array;
  tiers?: TierDecisions;
}

/**
 * Everything scoring computes per period, computed once on first use and cached: the rules
 * of one period read other periods (trend, trailing windows, consecutive periods, the
 * previous period for alerts), and scoring many periods in a row reuses them.
 */
export class ScoringContext {
  readonly plan: HealthPlan;
  readonly explainer: HealthExplainer;
  readonly ladder: Ladder;
  readonly configVersion: string;
  /** Days without commercial activity that make one period of inactivity. */
  readonly daysPerPeriod: number;
  private readonly memory = new HealthMemory();
  private readonly states = new Map<number, PeriodState>();

  constructor(
    readonly history: ScoringHistory,
    readonly config: ScoringConfig,
  ) {
    this.plan = compileHealthPlan(config);
    this.explainer = new HealthExplainer(this.plan);
    this.ladder = compileLadder(config);
    this.configVersion = configVersion(config);
    this.daysPerPeriod = history.grain === 'quarter' ? 90 : 30;
  }

  private state(period: number): PeriodState {
    let state = this.states.get(period);
    if (!state) this.states.set(period, (state = {}));
    return state;
  }

  health(period: number): HealthFrame {
    const state = this.state(period);
    state.health ??= computeHealthFrame(this.history.rowsByPeriod[period] ?? [], this.history.periods[period] ?? '', this.plan, this.memory);
    return state.health;
  }

  trend(period: number): Trend {
    const state = this.state(period);
    state.trend ??= computeTrend(this.history, period, this.plan.trendPeriods, (at) => this.health(at));
    return state.trend;
  }

  /** Revenue, target and attainment per row over segments.attainment_window_periods. */
  trailing(period: number): TrailingColumns {
    const state = this.state(period);
    state.trailing ??= trailingWindow(this.history, period, this.config.segments.attainment_window_periods);
    return state.trailing;
  }

  /** Trailing attainment (ratio of sums over segments.attainment_window_periods) per row; NaN without target. */
  attainment(period: number): Float64Array {
    return this.trailing(period).attainment;
  }

  /** Segment rule per row (index into segmentRules) and the facts behind it. */
  segments(period: number): SegmentDecisions {
    const state = this.state(period);
    state.segments ??= decideSegments(this, period);
    return state.segments;
  }

  /** What tier criteria read in a period. */
  measures(period: number): PeriodMeasures {
    const state = this.state(period);
    state.measures ??= { rows: this.history.rowsByPeriod[period] ?? [], score: this.health(period).score, attainment: this.attainment(period) };
    return state.measures;
  }

  tierChecks(period: number): TierChecks {
    const state = this.state(period);
    state.tierChecks ??= checkTiers(this.ladder, this.measures(period));
    return state.tierChecks;
  }

  /** Periods in a row each partner has had its current tier (derived from the tier column). */
  tenure(period: number): Uint16Array {
    const state = this.state(period);
    state.tenure ??= computeTenure(this, period);
    return state.tenure;
  }

  tiers(period: number): TierDecisions {
    const state = this.state(period);
    state.tiers ??= decideTiers(this, period);
    return state.tiers;
  }

  /** Forgets periods before `period`, recycling their memory; they are recomputed if asked again. */
  releaseBefore(period: number): void {
    for (const [at, state] of this.states) {
      if (at >= period) continue;
      if (state.health) this.memory.give(state.health.buffer);
      this.states.delete(at);
    }
  }
}
