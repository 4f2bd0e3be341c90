import { roundHalfUp } from '../format.js';
import type { TierMeasure } from '../config/schema-rules.js';
import type { CriterionCheck } from '../types.js';

/** Whole values from 0 to below this (health scores, counts: most checks) are shared. */
const sharedValues = 1024;

/**
 * The checks of one criterion, one frozen object per whole value shown, shared by every row
 * quoting it: most checks quote a health score or a count another row quoted already, and a
 * million rows each built several check objects. Other values (amounts, attainments) take
 * tens of thousands of distinct values: looking them up in maps that large cost more than a new check.
 */
export class CriterionChecks {
  private readonly shared = new Array<CriterionCheck | undefined>(sharedValues).fill(undefined);
  private readonly missing: CriterionCheck;

  constructor(
    private readonly tier: string,
    private readonly kind: 'entry' | 'retain',
    private readonly measure: TierMeasure,
    private readonly threshold: number,
  ) {
    this.missing = Object.freeze(this.checkOf(null, false));
  }

  check(value: number | null): CriterionCheck {
    if (value === null) return this.missing;
    // Passed or not by the value itself, which may round (4 decimals) to the threshold.
    const passed = value >= this.threshold;
    if (Number.isInteger(value) && value >= 0 && value < sharedValues) return this.sharedCheck(value, passed);
    return this.checkOf(roundHalfUp(value * 1e4) / 1e4, passed);
  }

  private sharedCheck(value: number, passed: boolean): CriterionCheck {
    let check = this.shared[value];
    if (check === undefined) this.shared[value] = check = Object.freeze(this.checkOf(value, passed));
    return check;
  }

  /** A check showing `value`; not frozen unless shared: freezing a check that one row holds only costs time. */
  private checkOf(value: number | null, passed: boolean): CriterionCheck {
    return { tier: this.tier, kind: this.kind, measure: this.measure, value, threshold: this.threshold, passed };
  }
}
