import type { ScoringConfig } from '../config/schema.js';
import { formatPercent, KeyedTexts, roundHalfUp } from '../format.js';

type Segments = ScoringConfig['segments'];

/** Keys at or above this are not cached: values that far out are rare, and the caches stay bounded. */
const maxKey = 100_000;

/** Whole percent of an attainment as formatPercent shows it, or -1 when it is not a small whole number (the text is then formatted, not cached). */
function percentKey(attainment: number): number {
  const percent = roundHalfUp(attainment * 100);
  return percent >= 0 && percent < maxKey ? percent : -1;
}

/** Health scores and rounded engagement scores are 0..100: 101 keys, 102 for "unknown". */
const scoreKeys = 102;

/**
 * The reasons of segment rows, each cached by the numbers it quotes (whole percents of
 * attainment, scores, months, days): a million rows quote a few thousand distinct sentences,
 * and formatting each from its template made most of the cost of segment rows.
 */
export class SegmentReasons {
  private readonly onboarding = new KeyedTexts(maxKey);
  private readonly inactiveDays = new KeyedTexts(maxKey);
  private readonly inactivePeriods = new KeyedTexts(maxKey);
  private readonly grow = new KeyedTexts(maxKey);
  private readonly intervene = new KeyedTexts(maxKey);
  private readonly aboveGrow = new KeyedTexts(maxKey);
  private readonly belowIntervene = new KeyedTexts(maxKey);
  private readonly between = new KeyedTexts(maxKey);
  private readonly noTarget: string;

  constructor(
    private readonly segments: Segments,
    private readonly daysPerPeriod: number,
  ) {
    this.noTarget = `no target in the last ${segments.attainment_window_periods} periods, so attainment cannot be judged`;
  }

  private attainment(value: number | null): string {
    return `${this.segments.attainment_window_periods}-period attainment ${percent(value)}`;
  }

  onboardingGrace(months: number): string {
    const key = Number.isInteger(months) ? months + maxKey / 2 : -1;
    return (
      this.onboarding.get(key) ??
      this.onboarding.keep(key, `onboarded ${months} months ago, within the ${this.segments.onboarding_grace_months}-month grace period`)
    );
  }

  inactive(days: number | null, periodsWithoutActivity: number): string {
    if (days === null)
      return (
        this.inactivePeriods.get(periodsWithoutActivity) ??
        this.inactivePeriods.keep(periodsWithoutActivity, `no revenue and no deal registrations for ${periodsWithoutActivity} periods`)
      );
    const key = Number.isInteger(days) ? days : -1;
    return (
      this.inactiveDays.get(key) ??
      this.inactiveDays.keep(key, `no commercial activity for ${days} days (review at ${this.segments.exit_review.inactive_periods * this.daysPerPeriod})`)
    );
  }

  afterIntervention(attainment: number | null, since: string, then: number | null): string {
    return `in intervene since ${since} and ${this.attainment(attainment)} has not improved on ${percent(then)} by ${formatPercent(this.segments.exit_review.min_improvement)} points`;
  }

  /** `attainment` is known (not NaN). */
  growing(attainment: number, score: number): string {
    const key = keyWith(percentKey(attainment), score);
    const { grow } = this.segments;
    return (
      this.grow.get(key) ??
      this.grow.keep(key, `${this.attainment(attainment)} is at or above ${percent(grow.min_attainment)} and health ${score} is at or above ${grow.min_health_score}`)
    );
  }

  /** `engagement` is the rounded engagement score (known). */
  intervening(attainment: number, engagement: number): string {
    const key = keyWith(percentKey(attainment), engagement);
    const { intervene } = this.segments;
    return (
      this.intervene.get(key) ??
      this.intervene.keep(key, `${this.attainment(attainment)} is below ${percent(intervene.max_attainment)} while engagement ${engagement} is at or above ${intervene.min_engagement_score}`)
    );
  }

  /** Why neither grow nor intervene: `attainment` NaN when unknown, `engagement` the rounded engagement score or null. */
  maintaining(attainment: number, score: number, engagement: number | null): string {
    const { grow, intervene } = this.segments;
    if (Number.isNaN(attainment)) return this.noTarget;
    if (attainment >= grow.min_attainment) {
      const key = keyWith(percentKey(attainment), score);
      return (
        this.aboveGrow.get(key) ??
        this.aboveGrow.keep(key, `${this.attainment(attainment)} is above ${percent(grow.min_attainment)} but health ${score} is below ${grow.min_health_score}`)
      );
    }
    if (attainment < intervene.max_attainment) {
      const key = keyWith(percentKey(attainment), engagement ?? scoreKeys - 1);
      const shown = engagement === null ? 'is unknown' : `${engagement} is below ${intervene.min_engagement_score}`;
      return (
        this.belowIntervene.get(key) ??
        this.belowIntervene.keep(key, `${this.attainment(attainment)} is below ${percent(intervene.max_attainment)} but engagement ${shown}`)
      );
    }
    const key = percentKey(attainment);
    return (
      this.between.get(key) ??
      this.between.keep(key, `${this.attainment(attainment)} is between ${percent(intervene.max_attainment)} and ${percent(grow.min_attainment)}`)
    );
  }
}

function percent(value: number | null): string {
  return value === null ? 'unknown' : formatPercent(value);
}

/** A key of a whole percent (-1: not cached) and a score 0..101 (scoreKeys values). */
function keyWith(percent: number, score: number): number {
  return percent < 0 || !(score >= 0 && score < scoreKeys && Number.isInteger(score)) ? -1 : percent * scoreKeys + score;
}
