// The panel's plan view from the background's data: the team's plan document for the logged-in
// operator, the operator's calls on this device (earlier days and today), the what-if from the
// tariff catalogue; nothing without a session or without a personal plan; a sale recorded now is in
// the very next view (the month's earlier calls are cached, today's are not).
import { afterEach, describe, expect, it } from 'vitest';
import { planViewFor } from '@/lib/background/plan-feed';
import { DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { invalidateConfig } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { saveSession } from '@/lib/db/session-store';
import { DEFAULT_PAY_RULE, emptyPlan } from '@/lib/plan/defaults';
import type { CallOutcome, CallRecord } from '@/lib/schema/call';
import type { PlanDocument } from '@/lib/schema/plan';
import { fakeUlid, freshDb, makeCall, pullPlan, TEST_USER } from './helpers';

const TZ = 'Europe/Moscow';
const USER = TEST_USER;
/** 20 November 2026, 12:00 in Moscow (UTC+3); the month has 30 days, 11 left including today. */
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);
const DAY = 86_400_000;

function plan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return {
    ...emptyPlan('2026-11'),
    targets: { revenue: 10_000, sales: 20, effectiveCalls: 400, connections: null, upgrades: null },
    split: 'manual',
    operators: [
      {
        userId: USER.id,
        name: USER.name,
        shifts: 20,
        revenue: 10_000,
        sales: 20,
        effectiveCalls: 400,
        connections: null,
        upgrades: null,
      },
    ],
    pay: { ...DEFAULT_PAY_RULE, bonus: 20_000 },
    ...overrides,
  };
}

const publish = (db: PanelDatabase, body: PlanDocument) => pullPlan(db, body, NOW);

function sale(monthly: number, kind: CallOutcome['kind'] = 'upgrade'): CallOutcome {
  return {
    id: fakeUlid(Math.floor(Math.random() * 1e9)),
    kind,
    at: NOW,
    itemId: null,
    fromItemId: null,
    monthly,
    amountSource: 'catalogue',
  };
}

function call(startedAt: number, outcomes: CallOutcome[] = []): CallRecord {
  return makeCall({ startedAt, endedAt: startedAt + 60_000, durationMs: 60_000, outcomes, updatedAt: startedAt });
}

let db: PanelDatabase;
afterEach(async () => {
  db?.close();
});

describe('planViewFor', () => {
  it('sums the month from the calls on this device, today apart, with pace, bonus and what-if', async () => {
    db = freshDb();
    await saveSession(db, { server: 'http://server', token: 't', expiresAt: NOW + DAY, user: USER });
    await publish(db, plan());
    // Two earlier days of the month, one call in October (not counted), and today.
    await db.calls.bulkPut([
      call(NOW - 2 * DAY, [sale(2000)]),
      call(NOW - DAY, [sale(1000), sale(0, 'callback')]),
      call(NOW - 30 * DAY, [sale(5000)]),
      call(NOW - 3600_000, [sale(1000, 'connection')]),
    ]);
    const view = await planViewFor(db, NOW, null, TZ);
    expect(view).toMatchObject({
      month: '2026-11',
      measure: 'revenue',
      currency: DEFAULT_TARIFFS.currency,
      target: 10_000,
      done: 4000,
      percent: 40,
      today: { calls: 1, sales: 1, revenue: 1000 },
      // 20 planned shifts, 2 worked before today: 18 left, but only 11 days left in the month.
      remainingShifts: 11,
      pacePerShift: Math.ceil(6000 / 11),
      bonusMax: 20_000,
      earnedBonus: 0,
      mixWarning: false,
    });
    // 4 000 over 3 shifts worked, 20 planned: 26 667 projected, over 100 %: the whole bonus.
    expect(view?.projectedBonus).toBe(20_000);
    // Two upgrades more today move the earned bonus off zero (40 % is the scale's start).
    expect(view?.whatIf?.upgrades).toBe(2);
    expect(view?.whatIf?.bonus).toBeGreaterThan(0);
  });

  it("a sale recorded today is in the next view; earlier days' calls are read once", async () => {
    db = freshDb();
    await saveSession(db, { server: 'http://server', token: 't', expiresAt: NOW + DAY, user: USER });
    await publish(db, plan());
    await db.calls.put(call(NOW - DAY, [sale(3000)]));
    expect((await planViewFor(db, NOW, null, TZ))?.done).toBe(3000);
    const today = call(NOW - 60_000);
    await db.calls.put(today);
    await db.calls.put({ ...today, outcomes: [sale(500)], updatedAt: NOW });
    expect((await planViewFor(db, NOW + 1000, null, TZ))?.done).toBe(3500);
  });

  it('warns when the sales lean to cheap tariffs compared with the team', async () => {
    db = freshDb();
    await saveSession(db, { server: 'http://server', token: 't', expiresAt: NOW + DAY, user: USER });
    await publish(db, plan());
    const cheapest = [...DEFAULT_TARIFFS.tariffs].filter((t) => t.active).sort((a, b) => a.monthly - b.monthly)[0]!;
    const sold = Array.from({ length: 6 }, (_, i) =>
      call(NOW - (i + 1) * 3600_000, [{ ...sale(cheapest.monthly, 'connection'), itemId: cheapest.id }]),
    );
    await db.calls.bulkPut(sold);
    expect((await planViewFor(db, NOW, { share: 0.1, counted: 40 }, TZ))?.mixWarning).toBe(true);
    expect((await planViewFor(db, NOW, { share: 0.95, counted: 40 }, TZ))?.mixWarning).toBe(false);
    expect((await planViewFor(db, NOW, null, TZ))?.mixWarning).toBe(false);
  });

  it('nothing without a session, without a personal plan, or for another month', async () => {
    db = freshDb();
    await publish(db, plan());
    expect(await planViewFor(db, NOW, null, TZ)).toBeNull();
    await saveSession(db, { server: 'http://server', token: 't', expiresAt: NOW + DAY, user: USER });
    invalidateConfig(db, 'classifier');
    expect(await planViewFor(db, NOW, null, TZ)).not.toBeNull();
    await publish(db, plan({ operators: [] }));
    expect(await planViewFor(db, NOW, null, TZ)).toBeNull();
    await publish(db, plan({ month: '2026-10' }));
    expect(await planViewFor(db, NOW, null, TZ)).toBeNull();
  });
});
