import { configVersion } from './config/parse.js';
import type { ScoringConfig } from './config/schema.js';
import { HealthExplainer } from './health/explainer.js';
import { computeHealthFrame, type HealthFrame, type HealthScores } from './health/frame.js';
import { ColumnAllocator, HealthMemory } from './health/memory.js';
import { compileHealthPlan, type HealthPlan } from './health/plan.js';
import { computeTrend, type Trend } from './health/trend.js';
import type { ScoringHistory } from './history.js';
import { trailingWindow, type TrailingColumns } from './measures.js';
import { decideSegments } from './segments/decide.js';
import type { SegmentDecisions } from './segments/facts.js';
import { SegmentReasons } from './segments/reasons.js';
import { computeTenure, decideTiers, type TierDecisions } from './tiers/decide.js';
import { checkTiers, compileLadder, type Ladder, type PeriodMeasures, type TierChecks } from './tiers/ladder.js';

interface PeriodState {
  /** Allocates the period's columns below (not the health scores), recycled when the period is released. */
  readonly allocate: ColumnAllocator;
  readonly buffers: ArrayBuffer[];
  scores?: HealthScores;
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
 * Periods whose frame detail is kept: the period being explained, the one before it (for the
 * change), and the next one, so that moving on to it drops neither (with two, whichever of
 * them was asked for first was dropped and computed again). Keeping the detail of every
 * cached period made each scorer allocate tens of megabytes, which V8 counts against the
 * limit that triggers full collections.
 */
const detailedPeriods = 3;

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
  readonly segmentReasons: SegmentReasons;
  private readonly memory = new HealthMemory();
  private readonly states = new Map<number, PeriodState>();
  /** Periods whose `health` frame is cached with its detail, least recently asked for first. */
  private readonly detailed: number[] = [];

  constructor(
    readonly history: ScoringHistory,
    readonly config: ScoringConfig,
  ) {
    this.plan = compileHealthPlan(config);
    this.explainer = new HealthExplainer(this.plan);
    this.ladder = compileLadder(config);
    this.configVersion = configVersion(config);
    this.daysPerPeriod = history.grain === 'quarter' ? 90 : 30;
    this.segmentReasons = new SegmentReasons(config.segments, this.daysPerPeriod);
  }

  private state(period: number): PeriodState {
    let state = this.states.get(period);
    if (!state) {
      const buffers: ArrayBuffer[] = [];
      this.states.set(period, (state = { allocate: new ColumnAllocator(this.memory.columnBuffers, buffers), buffers }));
    }
    return state;
  }

  /**
   * The health frame of a period with the detail explanations read. Only the last
   * `detailedPeriods` frames asked for keep their detail (others are recomputed if asked for
   * again), so two frames asked for one after the other are both valid, but do not hold a
   * frame across calls that may ask for other periods' frames.
   */
  health(period: number): HealthFrame {
    const state = this.state(period);
    const at = this.detailed.indexOf(period);
    if (at >= 0) this.detailed.splice(at, 1);
    else if (this.detailed.length >= detailedPeriods) this.dropDetail(this.detailed[0]!);
    this.detailed.push(period);
    if (!state.health) {
      state.health = computeHealthFrame(this.history.rowsByPeriod[period] ?? [], this.history.periods[period] ?? '', this.plan, this.memory);
      state.scores ??= state.health;
    }
    return state.health;
  }

  /** The health scores of a period (kept until the period is released). */
  scores(period: number): HealthScores {
    return this.state(period).scores ?? this.health(period);
  }

  private dropDetail(period: number): void {
    const at = this.detailed.indexOf(period);
    if (at >= 0) this.detailed.splice(at, 1);
    const state = this.states.get(period);
    const frame = state?.health;
    if (!state || !frame) return;
    this.memory.detailBuffers.give(frame.detailBuffer);
    // A frame computed again after its detail was dropped has its own copy of the scores; the period keeps the first.
    if (frame !== state.scores) this.memory.scoreBuffers.give(frame.buffer);
    delete state.health;
  }

  trend(period: number): Trend {
    const state = this.state(period);
    state.trend ??= computeTrend(this.history, period, this.plan.trendPeriods, (at) => this.scores(at), state.allocate);
    return state.trend;
  }

  /** Revenue, target and attainment per row over segments.attainment_window_periods. */
  trailing(period: number): TrailingColumns {
    const state = this.state(period);
    state.trailing ??= trailingWindow(this.history, period, this.config.segments.attainment_window_periods, state.allocate);
    return state.trailing;
  }

  /** Trailing attainment (ratio of sums over segments.attainment_window_periods) per row; NaN without target. */
  attainment(period: number): Float64Array {
    return this.trailing(period).attainment;
  }

  /** Segment rule per row (index into segmentRules) and the facts behind it. */
  segments(period: number): SegmentDecisions {
    const state = this.state(period);
    state.segments ??= decideSegments(this, period, state.allocate);
    return state.segments;
  }

  /** What tier criteria read in a period. */
  measures(period: number): PeriodMeasures {
    const state = this.state(period);
    state.measures ??= { rows: this.history.rowsByPeriod[period] ?? [], score: this.scores(period).score, attainment: this.attainment(period) };
    return state.measures;
  }

  tierChecks(period: number): TierChecks {
    const state = this.state(period);
    state.tierChecks ??= checkTiers(this.ladder, this.measures(period), state.allocate);
    return state.tierChecks;
  }

  /** Periods in a row each partner has had its current tier (derived from the tier column). */
  tenure(period: number): Uint16Array {
    const state = this.state(period);
    state.tenure ??= computeTenure(this, period, state.allocate);
    return state.tenure;
  }

  tiers(period: number): TierDecisions {
    const state = this.state(period);
    state.tiers ??= decideTiers(this, period, state.allocate);
    return state.tiers;
  }

  /** Forgets periods before `period`, recycling their memory; they are recomputed if asked again. */
  releaseBefore(period: number): void {
    for (const [at, state] of this.states) {
      if (at >= period) continue;
      if (state.health) this.dropDetail(at);
      if (state.scores) this.memory.scoreBuffers.give(state.scores.buffer);
      for (const buffer of state.buffers) this.memory.columnBuffers.give(buffer);
      this.states.delete(at);
    }
  }
}
