import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScoringConfig } from '../src/index.js';
import { roundHalfUp } from '../src/format.js';
import { compileHealthPlan } from '../src/health/plan.js';
import { HealthTexts } from '../src/health/texts.js';

const components = compileHealthPlan(defaultScoringConfig).components;

/** Values that sit on or next to the halves where rounding to a shown value is decided. */
const nearHalves = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 0.05, 0.005, 0.5), fc.integer({ min: -3, max: 3 }))
  .map(([step, half, ulps]) => {
    let value = step / 10 + half;
    for (let move = 0; move < Math.abs(ulps); move++) value = ulps > 0 ? value + Number.EPSILON * Math.max(1, value) : value - Number.EPSILON * Math.max(1, value);
    return value;
  });

const metricValue = fc.oneof(nearHalves, fc.double({ min: -5, max: 2_000_000, noNaN: true }), fc.integer({ min: 0, max: 500 }), fc.constantFrom(0, 1, -0));

describe('driver sentences', () => {
  it('read the same from the cache as formatted afresh, for every unit of the default components', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: components.length - 1 }), fc.array(fc.tuple(metricValue, fc.constantFrom(0, 0.3, 0.5, 1)), { minLength: 1, maxLength: 60 }), (component, calls) => {
        const cached = new HealthTexts(components);
        for (const [value, normalized] of calls) {
          const fresh = new HealthTexts(components).driver(component, value, normalized);
          expect(cached.driver(component, value, normalized)).toBe(fresh);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('ratio drivers', () => {
  it('quote value.toFixed(1) from the cache also next to the halves where it turns', () => {
    const ratio = components.findIndex((component) => component.unit === 'ratio');
    const cached = new HealthTexts(components);
    for (let step = 0; step < 400; step++)
      for (const value of [step / 10, step / 10 + 0.05, step / 100 + 0.005])
        for (const near of [value - 2 * Number.EPSILON * value, value, value + 2 * Number.EPSILON * value]) {
          const sentence = cached.driver(ratio, near, 0.5);
          expect(sentence).toBe(new HealthTexts(components).driver(ratio, near, 0.5));
          expect(sentence).toContain(`${near.toFixed(1)}x`);
        }
  });
});

describe('roundHalfUp', () => {
  it('equals Math.round for finite values, up to the sign of zero', () => {
    fc.assert(
      fc.property(fc.oneof(nearHalves, fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
        expect(roundHalfUp(value) + 0).toBe(Math.round(value) + 0);
      }),
      { numRuns: 2000 },
    );
  });
});
