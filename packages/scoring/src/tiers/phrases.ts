import { amountKey, formatAmount, KeyedTexts } from '../format.js';
import type { TierMeasure } from '../config/schema-rules.js';

function isRevenue(measure: TierMeasure): boolean {
  return measure.endsWith('revenue');
}

/** A measure's value as a tier reason quotes it: amounts for revenue, whole numbers as they are, two decimals otherwise. */
export function shown(value: number | null, measure: TierMeasure): string {
  if (value === null) return 'missing';
  if (isRevenue(measure)) return formatAmount(value);
  return Number.isInteger(value) ? `${value}` : value.toFixed(2);
}

/**
 * The phrases of one criterion's checks, "certified_people 11 >= 10" when passed and
 * "certified_people 3 < 10" when not. Most checks quote a value quoted before (whole
 * numbers, amounts in thousands), so phrases are cached by what fixes the value's text.
 */
export class CheckPhrases {
  private readonly passedTail: string;
  private readonly failedTail: string;
  private readonly passed = new KeyedTexts();
  private readonly failed = new KeyedTexts();
  private readonly revenue: boolean;

  constructor(
    private readonly measure: TierMeasure,
    threshold: number,
  ) {
    this.passedTail = ` >= ${shown(threshold, measure)}`;
    this.failedTail = ` < ${shown(threshold, measure)}`;
    this.revenue = isRevenue(measure);
  }

  phrase(value: number | null, passed: boolean): string {
    const key = value === null ? null : this.revenue ? amountKey(value) : Number.isInteger(value) ? value : null;
    if (key === null || !Number.isSafeInteger(key)) return this.format(value, passed);
    const cache = passed ? this.passed : this.failed;
    return cache.get(key) ?? cache.keep(key, this.format(value, passed));
  }

  private format(value: number | null, passed: boolean): string {
    return `${this.measure} ${shown(value, this.measure)}${passed ? this.passedTail : this.failedTail}`;
  }
}
