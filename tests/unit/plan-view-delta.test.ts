// The panel's optimistic plan view: moved by a new sale, it must show what the background's full
// recomputation will show (same done, percent, bonus, projection, pace) when the sale is on a day
// already worked.
import { afterEach, describe, expect, it } from 'vitest';
import { planViewFor } from '@/lib/background/plan-feed';
import type { PanelDatabase } from '@/lib/db/database';
import { saveSession } from '@/lib/db/session-store';
import { DEFAULT_PAY_RULE, emptyPlan } from '@/lib/plan/defaults';
import { saleFigures, withSale } from '@/lib/plan/view-delta';
import type { CallOutcome } from '@/lib/schema/call';
import { fakeUlid, freshDb, makeCall, pullPlan, TEST_USER } from './helpers';

const TZ = 'Europe/Moscow';
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);
const USER = TEST_USER;

const outcome = (monthly: number, kind: CallOutcome['kind'] = 'upgrade'): CallOutcome => ({
  id: fakeUlid(Math.floor(Math.random() * 1e9)),
  kind,
  at: NOW,
  itemId: null,
  fromItemId: null,
  monthly,
  amountSource: 'catalogue',
});

let db: PanelDatabase;
afterEach(() => db?.close());

async function setUp(measure: 'revenue' | 'sales') {
  db = freshDb();
  await saveSession(db, { server: 'http://s', token: 't', expiresAt: NOW + 86_400_000, user: USER });
  const targets = { revenue: 8000, sales: 12, effectiveCalls: 300, connections: null, upgrades: null };
  const body = {
    ...emptyPlan('2026-11'),
    targets,
    operators: [{ userId: USER.id, name: USER.name, shifts: 18, ...targets }],
    pay: {
      ...DEFAULT_PAY_RULE,
      measure,
      bonus: 15_000,
      scale: [...DEFAULT_PAY_RULE.scale, { attainment: 150, share: 170 }],
    },
  };
  await pullPlan(db, body, NOW);
}

describe('withSale', () => {
  for (const measure of ['revenue', 'sales'] as const) {
    it(`matches the background's recomputation (${measure})`, async () => {
      await setUp(measure);
      const earlier = makeCall({ startedAt: NOW - 86_400_000, durationMs: 60_000, outcomes: [outcome(3500)] });
      const today = makeCall({ startedAt: NOW - 600_000, durationMs: 60_000, outcomes: [outcome(900)] });
      await db.calls.bulkPut([earlier, today]);
      const view = (await planViewFor(db, NOW, null, TZ))!;
      const added = [outcome(1200, 'connection'), outcome(300, 'service'), outcome(0, 'callback')];
      await db.calls.put({ ...today, outcomes: [...today.outcomes!, ...added] });
      const truth = (await planViewFor(db, NOW, null, TZ))!;
      const moved = withSale(view, saleFigures(added));
      for (const key of [
        'done',
        'percent',
        'earnedBonus',
        'projectedPercent',
        'projectedBonus',
        'pacePerShift',
      ] as const) {
        expect(moved[key], key).toBeCloseTo(truth[key], 6);
      }
      expect(moved.today).toEqual(truth.today);
      expect(moved.whatIf?.bonus).toBe(truth.whatIf?.bonus);
      // Removing the sales again gives the view back.
      const back = withSale(moved, { sales: -3 + 1, revenue: -1500 });
      expect(back.done).toBeCloseTo(view.done, 6);
    });
  }
});
