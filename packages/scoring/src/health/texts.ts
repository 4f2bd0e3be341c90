import type { MetricUnit } from '@ppm/core';
import { amountKey, formatPercent, formatValue, roundHalfUp, signed } from '../format.js';
import type { HealthComponent } from './plan.js';

/*
 * The sentences of explanations, assembled from parts built once per run: a million rows
 * quote the same few hundred phrases, and formatting each from scratch made most of the
 * garbage of explaining. The texts are exactly those of the plain templates in the comments.
 */

/** Whole percents of credit whose phrase is cached (0% to 100%); others are formatted on the spot. */
const percentSteps = 101;
/** Whole-point changes whose phrase is cached (-100 to +100). */
const maxPoints = 100;

/** Phrases by a small whole number, built on first use. */
class PhraseCache {
  private readonly phrases: (string | undefined)[];

  constructor(
    private readonly offset: number,
    size: number,
  ) {
    this.phrases = new Array<string | undefined>(size);
  }

  get(key: number): string | undefined {
    return this.phrases[key + this.offset];
  }

  /** Remembers `phrase` when `key` is a whole number in range; returns it either way. */
  keep(key: number, phrase: string): string {
    const at = key + this.offset;
    if (Number.isInteger(at) && at >= 0 && at < this.phrases.length) this.phrases[at] = phrase;
    return phrase;
  }
}

/** How a normalized value compares with peers, best first (see peerLevel). */
const peerLevels = ['well above', 'above', 'in line with', 'below', 'well below'] as const;

function peerLevel(normalized: number): number {
  if (normalized >= 0.8) return 0;
  if (normalized >= 0.55) return 1;
  if (normalized > 0.45) return 2;
  return normalized > 0.2 ? 3 : 4;
}

/**
 * The n of value.toFixed(1) = "n / 10" for values from 0: the float product value x 10 rounds
 * as the exact one does unless it lies within a hair of a half, where the text is formatted.
 */
function tenthsKey(value: number): number | null {
  const tenths = value * 10;
  return value < 0 || Math.abs(tenths - Math.floor(tenths) - 0.5) < 1e-6 ? null : roundHalfUp(tenths);
}

/** A whole number that fixes how `value` reads in `unit` (see formatValue), or null when the text has to be formatted. */
function valueKey(value: number, unit: MetricUnit): number | null {
  switch (unit) {
    case 'percent':
      return roundHalfUp(value * 100);
    case 'days':
      return roundHalfUp(value);
    case 'count':
      return Number.isInteger(value) ? value : null;
    case 'currency':
      return amountKey(value);
    case 'ratio':
      return tenthsKey(value);
    case 'flag':
      return null;
  }
}

/** Sentence keys combine a value key with a suffix key below this (see ComponentTexts.suffixKey). */
const suffixKeys = 128;

/** Sentences about one component; its label, unit and cap are fixed, so only the value varies. */
class ComponentTexts {
  private readonly missing: string;
  private readonly prefix: string;
  private readonly capText: string;
  private readonly peerSuffixes: readonly string[];
  private readonly flagYes: string;
  private readonly flagNo: string;
  private readonly earned = new PhraseCache(0, percentSteps);
  private readonly firstChanges = new PhraseCache(maxPoints, 2 * maxPoints + 1);
  private readonly laterChanges = new PhraseCache(maxPoints, 2 * maxPoints + 1);
  /** Driver sentences by value and suffix key: most rows quote a value another row quoted already. */
  private readonly drivers = new Map<number, string>();

  constructor(private readonly component: HealthComponent) {
    const { label, missing, cap, unit, category } = component;
    this.missing = `${label} missing (${missing === 'zero' ? 'counted as zero' : 'counted as neutral'})`;
    this.prefix = `${label} `;
    this.capText = formatValue(cap, unit);
    this.peerSuffixes = peerLevels.map((level) => ` puts ${category} ${level} peers`);
    this.flagYes = `${label}: ${formatValue(1, 'flag')}`;
    this.flagNo = `${label}: ${formatValue(0, 'flag')}`;
  }

  /**
   * One plain sentence on why the component scored as it did: "<label> <value> puts
   * <category> <level> peers", "<label> <value> earns <n>% of full credit (full at <cap>)", ...
   */
  driver(value: number | null, normalized: number): string {
    const { unit } = this.component;
    if (value === null) return this.missing;
    if (unit === 'flag') return value > 0 ? this.flagYes : this.flagNo;
    const shownKey = valueKey(value, unit);
    const key = shownKey === null ? NaN : shownKey * suffixKeys + this.suffixKey(normalized);
    // Only an exact whole number stands for one sentence.
    if (!Number.isSafeInteger(key)) return this.sentence(value, normalized);
    let sentence = this.drivers.get(key);
    if (sentence === undefined) this.drivers.set(key, (sentence = this.sentence(value, normalized)));
    return sentence;
  }

  /** What picks the end of the sentence: the peer level, or the percent of credit (101: full, 102: none). */
  private suffixKey(normalized: number): number {
    const { method, higherIsBetter } = this.component;
    if (method !== 'target') return peerLevel(normalized);
    if (higherIsBetter ? normalized >= 1 : normalized <= 0) return higherIsBetter ? 101 : 102;
    return roundHalfUp(normalized * 100);
  }

  private sentence(value: number, normalized: number): string {
    const { unit, method, higherIsBetter } = this.component;
    const shown = this.prefix + formatValue(value, unit);
    if (method !== 'target') return shown + this.peerSuffixes[peerLevel(normalized)]!;
    if (!higherIsBetter) return shown + (normalized <= 0 ? ` is past the zero-credit level of ${this.capText}` : this.earnedSuffix(normalized));
    return shown + (normalized >= 1 ? ` reaches the full-credit level of ${this.capText}` : this.earnedSuffix(normalized));
  }

  /** " earns <n>% of full credit (full at <cap>)", "(none at <cap>)" for lower-is-better components. */
  private earnedSuffix(normalized: number): string {
    const percent = roundHalfUp(normalized * 100);
    const bound = this.component.higherIsBetter ? 'full' : 'none';
    return this.earned.get(percent) ?? this.earned.keep(percent, ` earns ${formatPercent(normalized)} of full credit (${bound} at ${this.capText})`);
  }

  /** "<label> <signed points>" after the separator of its place in the list: ": pipeline coverage -8" first, ", active portal days -4" after. */
  change(points: number, first: boolean): string {
    const cache = first ? this.firstChanges : this.laterChanges;
    return cache.get(points) ?? cache.keep(points, `${first ? ': ' : ', '}${this.component.label} ${signed(points)}`);
  }
}

/** Explanation sentences for every component of a plan, by component index. */
export class HealthTexts {
  private readonly components: readonly ComponentTexts[];
  private readonly heads = new PhraseCache(maxPoints, 2 * maxPoints + 1);

  constructor(components: readonly HealthComponent[]) {
    this.components = components.map((component) => new ComponentTexts(component));
  }

  driver(component: number, value: number | null, normalized: number): string {
    return this.components[component]!.driver(value, normalized);
  }

  change(component: number, points: number, first: boolean): string {
    return this.components[component]!.change(points, first);
  }

  /** "score unchanged", "score rose 1 point", "score fell 12 points". */
  changeHead(delta: number): string {
    const size = Math.abs(delta);
    return (
      this.heads.get(delta) ??
      this.heads.keep(delta, delta === 0 ? 'score unchanged' : `score ${delta > 0 ? 'rose' : 'fell'} ${size} point${size === 1 ? '' : 's'}`)
    );
  }
}
