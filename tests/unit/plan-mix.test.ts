// The cheap-tariff warning (lib/plan/mix.ts): the share of sales below the catalogue's median fee,
// compared with the team's.
import { describe, expect, it } from 'vitest';
import { cheapShare, MIX_DEFAULTS, mixWarning } from '@/lib/plan/mix';
import type { TariffCatalogue } from '@/lib/schema/content';

const tariff = (id: string, monthly: number, active = true) => ({
  id,
  name: id,
  aliases: [],
  kind: 'internet' as const,
  monthly,
  speedMbps: null,
  upgradeTo: null,
  active,
});
const catalogue = (tariffs: ReturnType<typeof tariff>[]): TariffCatalogue => ({
  currency: 'RUB',
  tariffs,
  services: [{ id: 'tv_box', name: 'TV box', kind: 'equipment', monthly: 50 }],
});

describe('cheapShare', () => {
  // Active fees 300, 500, 700, 900: median 600. The archived 100 is not in the median but is a tariff.
  const c = catalogue([
    tariff('a', 300),
    tariff('b', 500),
    tariff('c', 700),
    tariff('d', 900),
    tariff('old', 100, false),
  ]);

  it('counts connections and upgrades of catalogue tariffs below the median fee', () => {
    const share = cheapShare(
      [
        { kind: 'connection', itemId: 'a' }, // cheap
        { kind: 'upgrade', itemId: 'c' },
        { kind: 'connection', itemId: 'old' }, // cheap, archived
        { kind: 'upgrade', itemId: 'b' }, // cheap
        { kind: 'connection', itemId: 'd' },
        { kind: 'equipment', itemId: 'tv_box' }, // not a tariff sale
        { kind: 'service', itemId: 'a' }, // not a connection or upgrade
        { kind: 'connection', itemId: 'gone' }, // not in the catalogue
        { kind: 'connection', itemId: null },
        { kind: 'callback', itemId: null },
      ],
      c,
    );
    expect(share).toEqual({ share: 0.6, counted: 5 });
  });

  it('a fee equal to the median is not cheap (odd number of active tariffs)', () => {
    const odd = catalogue([tariff('a', 300), tariff('b', 500), tariff('c', 700)]);
    expect(
      cheapShare(
        [
          { kind: 'connection', itemId: 'a' },
          { kind: 'connection', itemId: 'b' },
        ],
        odd,
      ),
    ).toEqual({ share: 0.5, counted: 2 });
  });

  it('is 0 of 0 with nothing to count or no active tariff', () => {
    expect(cheapShare([], c)).toEqual({ share: 0, counted: 0 });
    expect(cheapShare([{ kind: 'connection', itemId: 'old' }], catalogue([tariff('old', 100, false)]))).toEqual({
      share: 0,
      counted: 0,
    });
  });
});

describe('mixWarning', () => {
  const team = { share: 0.45, counted: 40 };

  it('warns at the margin above the team, with enough sales', () => {
    expect(mixWarning({ share: 0.6, counted: 5 }, team)).toBe(true);
    expect(mixWarning({ share: 0.9, counted: 12 }, team)).toBe(true);
    // 0.35 − 0.2 is 0.1499… in binary: still the margin.
    expect(mixWarning({ share: 0.35, counted: 5 }, { share: 0.2, counted: 50 })).toBe(true);
  });

  it('stays quiet below the margin or with too few sales', () => {
    expect(mixWarning({ share: 0.59, counted: 20 }, team)).toBe(false);
    expect(mixWarning({ share: 1, counted: 4 }, team)).toBe(false);
    expect(mixWarning({ share: 0.2, counted: 20 }, team)).toBe(false);
  });

  it('takes other thresholds', () => {
    expect(MIX_DEFAULTS).toEqual({ minSales: 5, margin: 0.15 });
    expect(mixWarning({ share: 1, counted: 4 }, team, { minSales: 3 })).toBe(true);
    expect(mixWarning({ share: 0.6, counted: 5 }, team, { margin: 0.2 })).toBe(false);
    expect(mixWarning({ share: 0.5, counted: 10 }, team, { minSales: 10, margin: 0.05 })).toBe(true);
  });
});
