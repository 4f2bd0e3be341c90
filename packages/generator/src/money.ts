/**
 * Exact money arithmetic. Amounts are integer cents, FX rates integer millionths
 * (micro units); nothing that ends up in the manifest ever passes through a float.
 */
export const rateScale = 1_000_000;

/** Formats an integer count of 10^-scale units as a decimal string, e.g. (-1234, 2) -> "-12.34". */
export function formatScaled(units: number | bigint, scale: number): string {
  const negative = units < 0;
  const digits = (negative ? -BigInt(units) : BigInt(units)).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Fast path of formatScaled for cents held in a safe integer. */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const fraction = abs % 100;
  return `${negative ? '-' : ''}${(abs - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}`;
}

function roundHalfAwayBig(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = (abs + denominator / 2n) / denominator;
  return negative ? -quotient : quotient;
}

/** round(amount * rate, 2), half away from zero, for cents and a rate in micro units. */
export function convertCents(cents: number, rateMicro: number): number {
  const product = cents * rateMicro;
  if (!Number.isSafeInteger(product)) {
    return Number(roundHalfAwayBig(BigInt(cents) * BigInt(rateMicro), BigInt(rateScale)));
  }
  const abs = product < 0 ? -product : product;
  const remainder = abs % rateScale;
  const quotient = (abs - remainder) / rateScale + (remainder * 2 >= rateScale ? 1 : 0);
  return product < 0 ? -quotient : quotient;
}

const flushAbove = 2 ** 50;

/** An exact running sum of integer cents: a fast float accumulator that spills into a BigInt. */
export class ExactSum {
  private small = 0;
  private big = 0n;

  add(cents: number): void {
    if (!Number.isSafeInteger(cents) || Math.abs(cents) > flushAbove) {
      this.big += BigInt(cents);
      return;
    }
    this.small += cents;
    if (this.small > flushAbove || this.small < -flushAbove) this.flush();
  }

  get total(): bigint {
    return this.big + BigInt(this.small);
  }

  toString(): string {
    return formatScaled(this.total, 2);
  }

  private flush(): void {
    this.big += BigInt(this.small);
    this.small = 0;
  }
}
