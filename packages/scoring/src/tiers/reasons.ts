import type { ScoringConfig } from '../config/schema.js';
import { KeyedTexts } from '../format.js';

/**
 * The reasons of tier recommendations, from parts built once per run: a reason is a fixed
 * part chosen by the tiers and streak it names, the criteria phrases of the row (see
 * CheckPhrases) and a tenure part; a million rows quote the same few hundred parts, and
 * formatting each from its template made most of the garbage of tier rows.
 */
export class TierReasons {
  private readonly needed: number;
  private readonly minTenure: number;
  /** Keys of tier indexes: offset by one so that "not on the ladder" (-1) is a key too. */
  private readonly tierKeys: number;
  private readonly promoteHeads = new KeyedTexts();
  private readonly demoteHeads = new KeyedTexts();
  private readonly exitHeads = new KeyedTexts();
  private readonly retainHeads = new KeyedTexts();
  private readonly meetsHeads = new KeyedTexts();
  private readonly notYetHeads = new KeyedTexts();
  private readonly streakTexts = new KeyedTexts();
  private readonly tenureTexts = new KeyedTexts();

  constructor(
    private readonly names: readonly string[],
    tiers: ScoringConfig['tiers'],
  ) {
    this.needed = tiers.consecutive_periods;
    this.minTenure = tiers.min_tenure_periods;
    this.tierKeys = names.length + 2;
  }

  name(tier: number): string {
    return this.names[tier] ?? 'unknown';
  }

  /** "<tenure> periods in <current> (minimum <min>)". */
  tenure(current: number, tenure: number): string {
    const key = tenure * this.tierKeys + current + 1;
    return this.tenureTexts.get(key) ?? this.tenureTexts.keep(key, `${tenure} periods in ${this.name(current)} (minimum ${this.minTenure})`);
  }

  promote(tier: number, current: number, tenure: number, passed: string): string {
    const key = tier + 1;
    const head = this.promoteHeads.get(key) ?? this.promoteHeads.keep(key, `promote to ${this.name(tier)}: met its entry criteria for ${this.needed} periods in a row (`);
    return head + passed + '); ' + this.tenure(current, tenure);
  }

  demote(tier: number, current: number, tenure: number, failed: string): string {
    const key = this.pairKey(tier, current);
    const head =
      this.demoteHeads.get(key) ??
      this.demoteHeads.keep(key, `demote to ${this.name(tier)}: below ${this.name(current)} retention for ${this.needed} periods in a row (`);
    return head + failed + '); ' + this.tenure(current, tenure);
  }

  exitReview(current: number, failed: string): string {
    const key = current + 1;
    const head = this.exitHeads.get(key) ?? this.exitHeads.keep(key, `exit review: below ${this.name(current)} retention for ${this.needed} periods in a row (`);
    return head + failed + ') and no lower tier is retained';
  }

  /** "retain <current>: qualifies for <tier> but only <tenure>". */
  qualifiesTooSoon(current: number, tier: number, tenure: number): string {
    return this.retainHead(current) + 'qualifies for ' + this.name(tier) + ' but only ' + this.tenure(current, tenure);
  }

  /** "retain <current>: below retention (<failed>) but only <tenure>". */
  belowTooSoon(current: number, tenure: number, failed: string): string {
    return this.retainHead(current) + 'below retention (' + failed + ') but only ' + this.tenure(current, tenure);
  }

  /** "retain <current>: qualifies for <tier> for <streak> of <needed> periods needed". */
  qualifying(current: number, tier: number, streak: number): string {
    const key = streak * this.tierKeys * this.tierKeys + this.pairKey(current, tier);
    return (
      this.streakTexts.get(key) ??
      this.streakTexts.keep(key, `retain ${this.name(current)}: qualifies for ${this.name(tier)} for ${streak} of ${this.needed} periods needed`)
    );
  }

  /** "retain <current>: below retention for <streak> of <needed> periods before a demotion (<failed>)". */
  belowRetention(current: number, streak: number, failed: string): string {
    return this.retainHead(current) + `below retention for ${streak} of ${this.needed} periods before a demotion (` + failed + ')';
  }

  /** "retain <current>: meets its retention criteria", then "; not yet <next> (<missing>)" when entry criteria of the next tier fail. */
  meetsRetention(current: number, missing: string): string {
    const key = current + 1;
    if (!missing) return this.meetsHeads.get(key) ?? this.meetsHeads.keep(key, `retain ${this.name(current)}: meets its retention criteria`);
    const head =
      this.notYetHeads.get(key) ??
      this.notYetHeads.keep(key, `retain ${this.name(current)}: meets its retention criteria; not yet ${this.name(current + 1)} (`);
    return head + missing + ')';
  }

  private pairKey(first: number, second: number): number {
    return (first + 1) * this.tierKeys + second + 1;
  }

  private retainHead(current: number): string {
    const key = current + 1;
    return this.retainHeads.get(key) ?? this.retainHeads.keep(key, `retain ${this.name(current)}: `);
  }
}
