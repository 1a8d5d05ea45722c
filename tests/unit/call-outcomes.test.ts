// Pricing a wrap-up outcome from the call's tariff catalogue and the outcome list's rules.
import { describe, expect, test } from 'vitest';
import { priceOutcome, withOutcome, withoutOutcome } from '@/lib/calls/call-outcomes';
import { DEFAULT_TARIFFS } from '@/lib/content/defaults';
import type { CallOutcome } from '@/lib/schema/call';

const catalogue = DEFAULT_TARIFFS;
const withUpgrade = catalogue.tariffs.find(
  (t) => t.active && t.upgradeTo !== null && catalogue.tariffs.find((u) => u.id === t.upgradeTo)?.active,
)!;
const upgrade = catalogue.tariffs.find((t) => t.id === withUpgrade.upgradeTo)!;

function outcome(kind: CallOutcome['kind'], itemId: string | null, id: string): CallOutcome {
  return { id, kind, at: 1, itemId, fromItemId: null, monthly: 0, amountSource: 'none' };
}

describe('priceOutcome', () => {
  test("an upgrade from the page's tariff to its catalogue upgrade is worth the difference", () => {
    expect(priceOutcome({ kind: 'upgrade', itemId: null }, catalogue, withUpgrade.name)).toEqual({
      itemId: upgrade.id,
      fromItemId: withUpgrade.id,
      monthly: upgrade.monthly - withUpgrade.monthly,
      amountSource: 'catalogue',
    });
  });

  test('an upgrade without a known tariff on the page is recorded at 0, not guessed', () => {
    expect(priceOutcome({ kind: 'upgrade', itemId: upgrade.id }, catalogue, 'Неизвестный')).toEqual({
      itemId: upgrade.id,
      fromItemId: null,
      monthly: 0,
      amountSource: 'none',
    });
  });

  test('a connection is worth the tariff fee; a service its fee; an unknown item is refused', () => {
    expect(priceOutcome({ kind: 'connection', itemId: upgrade.id }, catalogue, undefined)?.monthly).toBe(
      upgrade.monthly,
    );
    const service = catalogue.services.find((s) => s.kind === 'service')!;
    expect(priceOutcome({ kind: 'service', itemId: service.id }, catalogue, undefined)?.monthly).toBe(service.monthly);
    expect(priceOutcome({ kind: 'equipment', itemId: service.id }, catalogue, undefined)).toBeNull();
    expect(priceOutcome({ kind: 'connection', itemId: 'nope' }, catalogue, undefined)).toBeNull();
  });

  test('a callback and "nothing" are worth nothing', () => {
    expect(priceOutcome({ kind: 'callback', itemId: null }, catalogue, undefined)?.monthly).toBe(0);
    expect(priceOutcome({ kind: 'nothing', itemId: null }, null, undefined)?.monthly).toBe(0);
  });
});

describe('withOutcome', () => {
  test('"nothing" replaces everything; a sale replaces "nothing"; the same item twice is kept once', () => {
    const sold = withOutcome([], outcome('service', 's1', 'A'));
    expect(withOutcome(sold, outcome('service', 's1', 'B')).map((o) => o.id)).toEqual(['B']);
    const none = withOutcome(sold, outcome('nothing', null, 'C'));
    expect(none.map((o) => o.kind)).toEqual(['nothing']);
    expect(withOutcome(none, outcome('callback', null, 'D')).map((o) => o.kind)).toEqual(['callback']);
  });

  test('a second upgrade replaces the first; other sales stay; removal by id', () => {
    let list = withOutcome([], outcome('upgrade', 't1', 'A'));
    list = withOutcome(list, outcome('equipment', 'e1', 'B'));
    list = withOutcome(list, outcome('upgrade', 't2', 'C'));
    expect(list.map((o) => o.id)).toEqual(['B', 'C']);
    expect(withoutOutcome(list, 'B').map((o) => o.id)).toEqual(['C']);
  });
});
