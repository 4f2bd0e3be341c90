import { round, RoundedValues } from '../format.js';
import type { HealthChange, HealthExplanation, Imputation } from '../types.js';
import { changeOf, driverSentences, rankLifts, Ranking } from './explain.js';
import type { HealthFrame } from './frame.js';
import type { HealthPlan } from './plan.js';
import { PointsScratch, RowPoints } from './points.js';
import { HealthTexts } from './texts.js';

/** Per-metric arrays of a row with missing metrics: what was imputed and the re-weighted shares. */
interface Incomplete {
  readonly imputed: readonly (Imputation | null)[];
  readonly weights: readonly number[];
  readonly coverage: number;
}

/** Which metrics of a row are missing, one bit per component: exact in a double up to this many components. */
const maxPatternBits = 52;

/** Normalized values as explanations show them (4 decimals, 0..1). */
const shownNormalized = new RoundedValues(4, 0, 1);

/**
 * Explains health scores of one plan: built once per run, so every row shares the texts,
 * the scratch space, and the arrays that depend only on which metrics are missing (what was
 * imputed, the re-weighted shares): those of complete rows, and those of each pattern of
 * missing metrics once met.
 */
export class HealthExplainer {
  readonly texts: HealthTexts;
  private readonly points: RowPoints;
  private readonly now: PointsScratch;
  private readonly before: PointsScratch;
  private readonly ranking: Ranking;
  private readonly nominalWeights: readonly number[];
  private readonly nothingImputed: readonly (Imputation | null)[];
  private readonly incompleteByPattern = new Map<number, Incomplete>();

  constructor(private readonly plan: HealthPlan) {
    const count = plan.components.length;
    this.texts = new HealthTexts(plan.components);
    this.points = new RowPoints(plan);
    this.now = new PointsScratch(count);
    this.before = new PointsScratch(count);
    this.ranking = new Ranking(count);
    this.nominalWeights = Object.freeze(plan.components.map((component) => round(plan.categoryWeights[component.categoryIndex]! * component.weight, 4)));
    this.nothingImputed = Object.freeze(plan.components.map(() => null));
  }

  /** The change of row `index` of `frame` since row `back` of the previous period's frame (rows of the same partner). */
  change(frame: HealthFrame, index: number, previous: HealthFrame, back: number): HealthChange {
    this.points.compute(frame, index, this.now);
    return this.changeFromPoints(frame, index, previous, back);
  }

  /** The explanation of row `index` of `frame`; `previous` and `back` locate the partner's row a period earlier (back < 0: none). */
  explain(frame: HealthFrame, index: number, previous: HealthFrame | null, back: number): HealthExplanation {
    const { plan } = this;
    const scratch = this.points.compute(frame, index, this.now);
    const count = plan.components.length;
    const offset = index * count;
    const points = new Array<number>(count);
    const normalized = new Array<number | null>(count);
    let pattern = 0;
    for (let at = 0; at < count; at++) {
      const scaled = frame.normalized[offset + at]!;
      points[at] = scratch.points[at]!;
      normalized[at] = Number.isNaN(scaled) ? null : shownNormalized.of(scaled);
      pattern = pattern * 2 + frame.missing[offset + at]!;
    }
    const partial = pattern === 0 ? null : this.incomplete(frame, offset, pattern);
    const { ranking, texts } = this;
    rankLifts(frame, index, scratch.weights, plan.drivers, ranking);
    const up = driverSentences(texts, ranking.top, ranking.topFound, frame, index);
    const down = driverSentences(texts, ranking.bottom, ranking.bottomFound, frame, index);
    return {
      metrics: plan.metrics,
      points,
      normalized,
      weights: partial?.weights ?? this.nominalWeights,
      imputed: partial?.imputed ?? this.nothingImputed,
      drivers_up: up,
      drivers_down: down,
      change: previous && back >= 0 ? this.changeFromPoints(frame, index, previous, back) : null,
      data_coverage: partial?.coverage ?? 1,
    };
  }

  /** The change against `back` of `previous`, with this row's points already in the `now` scratch. */
  private changeFromPoints(frame: HealthFrame, index: number, previous: HealthFrame, back: number): HealthChange {
    if (previous.pointsReady[back] !== 1) this.points.compute(previous, back, this.before);
    const count = this.plan.components.length;
    return changeOf(this.plan.components, this.texts, this.ranking, this.now.points, previous.points, back * count, frame.score[index]!, previous.score[back]!);
  }

  /** The arrays of a row with missing metrics (`pattern` != 0), built once per pattern; the re-weighted shares are in the `now` scratch. */
  private incomplete(frame: HealthFrame, offset: number, pattern: number): Incomplete {
    if (this.plan.components.length > maxPatternBits) return this.describeMissing(frame, offset);
    let known = this.incompleteByPattern.get(pattern);
    if (!known) this.incompleteByPattern.set(pattern, (known = this.describeMissing(frame, offset)));
    return known;
  }

  private describeMissing(frame: HealthFrame, offset: number): Incomplete {
    const { plan } = this;
    const count = plan.components.length;
    const imputed = new Array<Imputation | null>(count);
    const weights = new Array<number>(count);
    let coverage = 0;
    for (let at = 0; at < count; at++) {
      const component = plan.components[at]!;
      const absent = frame.missing[offset + at] === 1;
      imputed[at] = absent ? (component.missing === 'reweight' ? 'dropped' : component.missing) : null;
      weights[at] = round(this.now.weights[at]!, 4);
      if (!absent) coverage += plan.categoryWeights[component.categoryIndex]! * component.weight;
    }
    return { imputed: Object.freeze(imputed), weights: Object.freeze(weights), coverage: round(coverage, 4) };
  }
}
