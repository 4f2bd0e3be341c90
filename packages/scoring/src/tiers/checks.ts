import type { TierMeasure } from '../config/schema-rules.js';
import type { CriterionCheck } from '../types.js';

/** Checks are shared for values that round (4 decimals) to a whole number of steps below this: few distinct values, a bounded cache. */
const maxSharedSteps = 1e6;

/**
 * The checks of one criterion, one frozen object per shown value and outcome, shared by every
 * row quoting it: most checks quote a health score, a count or an attainment another row
 * quoted already, and a million rows each built several check objects.
 */
export class CriterionChecks {
  private readonly passed = new Map<number, CriterionCheck>();
  private readonly failed = new Map<number, CriterionCheck>();
  private readonly missing: CriterionCheck;

  constructor(
    private readonly tier: string,
    private readonly kind: 'entry' | 'retain',
    private readonly measure: TierMeasure,
    private readonly threshold: number,
  ) {
    this.missing = this.build(null, false);
  }

  check(value: number | null): CriterionCheck {
    if (value === null) return this.missing;
    const steps = Math.round(value * 1e4);
    const passed = value >= this.threshold;
    // Not shared, so not frozen: freezing a check that one row holds only costs time.
    if (!(Math.abs(steps) < maxSharedSteps)) return this.checkOf(steps / 1e4, passed);
    const cache = passed ? this.passed : this.failed;
    let check = cache.get(steps);
    if (check === undefined) cache.set(steps, (check = this.build(steps / 1e4, passed)));
    return check;
  }

  private build(value: number | null, passed: boolean): CriterionCheck {
    return Object.freeze(this.checkOf(value, passed));
  }

  private checkOf(value: number | null, passed: boolean): CriterionCheck {
    return { tier: this.tier, kind: this.kind, measure: this.measure, value, threshold: this.threshold, passed };
  }
}
