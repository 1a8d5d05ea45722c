// The bonus scale (lib/plan/bonus.ts): the default 40 %/100 % scale, accelerators, and the shape of
// any scale a lead can enter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonusAmount, bonusShare } from '@/lib/plan/bonus';
import { DEFAULT_PAY_RULE } from '@/lib/plan/defaults';
import { type BonusPoint, DEFAULT_BONUS_SCALE, type PayRule } from '@/lib/schema/plan';

const ACCELERATED: BonusPoint[] = [...DEFAULT_BONUS_SCALE, { attainment: 150, share: 150 }];
const pay = (scale: BonusPoint[]): PayRule => ({ ...DEFAULT_PAY_RULE, bonus: 30_000, scale });

describe('bonusShare and bonusAmount on the default scale', () => {
  it.each([
    [0, 0, 0],
    [40, 0, 0],
    [40.01, 0.01 / 0.6, 5],
    [70, 50, 15_000],
    [99.99, 100 - 0.01 / 0.6, 29_995],
    [100, 100, 30_000],
    [150, 100, 30_000],
  ])('at %s %% pays %s %% of the bonus (%s of 30 000)', (percent, share, amount) => {
    expect(bonusShare(DEFAULT_BONUS_SCALE, percent)).toBeCloseTo(share, 9);
    expect(bonusAmount(pay(DEFAULT_BONUS_SCALE), percent)).toBe(amount);
  });

  it('pays nothing below zero attainment (a month of refunds)', () => {
    expect(bonusAmount(pay(DEFAULT_BONUS_SCALE), -20)).toBe(0);
  });
});

describe('an accelerator point above 100 %', () => {
  it.each([
    [40, 0],
    [100, 30_000],
    [125, 37_500],
    [150, 45_000],
    [200, 45_000],
  ])('at %s %% pays %s', (percent, amount) => {
    expect(bonusAmount(pay(ACCELERATED), percent)).toBe(amount);
  });

  it('a scale that starts above zero pays its first share below its first point', () => {
    const floor: BonusPoint[] = [
      { attainment: 50, share: 20 },
      { attainment: 100, share: 100 },
    ];
    expect(bonusShare(floor, 10)).toBe(20);
    expect(bonusShare(floor, 75)).toBe(60);
  });
});

describe('rounding at the end of a segment', () => {
  it('never overshoots the next point by a last binary digit', () => {
    // Unclamped, s0 + (s1 − s0) × t gives 440.81608475017526 here, above the point's 440.8160847501752.
    const scale: BonusPoint[] = [
      { attainment: 27.930852387690287, share: 56.930150841438156 },
      { attainment: 122.09737302695672, share: 440.8160847501752 },
    ];
    expect(bonusShare(scale, 122.0973730269567)).toBeLessThanOrEqual(440.8160847501752);
  });
});

describe('bonusShare refuses a malformed scale', () => {
  it('empty, unsorted or NaN attainment', () => {
    expect(() => bonusShare([], 50)).toThrow();
    expect(() =>
      bonusShare(
        [
          { attainment: 100, share: 100 },
          { attainment: 40, share: 0 },
        ],
        50,
      ),
    ).toThrow();
    expect(() => bonusShare(DEFAULT_BONUS_SCALE, Number.NaN)).toThrow();
  });
});

// A scale as a lead can enter it: 1–20 points, attainments strictly increasing.
const scaleOf = (sortedShares: boolean) =>
  fc
    .uniqueArray(fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }), {
      minLength: 1,
      maxLength: 20,
      comparator: (a, b) => a === b,
    })
    .chain((attainments) =>
      fc
        .array(fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }), {
          minLength: attainments.length,
          maxLength: attainments.length,
        })
        .map((shares) => {
          const at = [...attainments].sort((a, b) => a - b);
          const sh = sortedShares ? [...shares].sort((a, b) => a - b) : shares;
          return at.map((attainment, i) => ({ attainment, share: sh[i]! }));
        }),
    );
const attainment = fc.double({ min: -100, max: 2000, noNaN: true, noDefaultInfinity: true });

describe('bonusShare on any scale (properties)', () => {
  it('stays within the smallest and largest share of the scale', () => {
    fc.assert(
      fc.property(scaleOf(false), attainment, (scale, percent) => {
        const share = bonusShare(scale, percent);
        const shares = scale.map((p) => p.share);
        expect(share).toBeGreaterThanOrEqual(Math.min(...shares));
        expect(share).toBeLessThanOrEqual(Math.max(...shares));
      }),
    );
  });

  it('never decreases with attainment when the shares do not', () => {
    fc.assert(
      fc.property(scaleOf(true), attainment, attainment, (scale, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bonusShare(scale, low)).toBeLessThanOrEqual(bonusShare(scale, high));
        // Also just below and at every point, where a segment meets the next.
        for (const point of scale) {
          const below = point.attainment - Math.max(Math.abs(point.attainment) * 1e-15, 1e-12);
          expect(bonusShare(scale, below)).toBeLessThanOrEqual(bonusShare(scale, point.attainment));
        }
      }),
    );
  });

  it('pays exactly the share of a point at that point', () => {
    fc.assert(
      fc.property(scaleOf(false), (scale) => {
        for (const point of scale) expect(bonusShare(scale, point.attainment)).toBe(point.share);
      }),
    );
  });
});
