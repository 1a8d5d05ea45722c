// The derived call rows on every test database: call records upsert only when newer, tags and
// untags keep call_tags and calls.tags in step, calls.script and call_objections follow the latest
// record, feedback reports become rows (refused for another user's call), and rebuilding from the
// event log gives exactly the rows the live projection made (calls.type_id, calls.outcomes and
// call_outcomes too; their own rules are in projection-outcomes.test.ts), and the daily rollup
// call_days the live projection kept with deltas equals the one the rebuild computes from the rows.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CallOutcome, type CallRecord, type CallScript, type CallTag, EMPTY_SCRIPT } from '../../lib/schema/call';
import type { OutboxEvent } from '../../lib/schema/events';
import { applyPush } from '../../server/sync/apply';
import { rebuildProjections } from '../../server/sync/projection';
import { openTestApi, type TestApi } from '../support/api';
import { callRecord as baseCallRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 3, 10, 0, 0);

/** This file's call record: the shared fixture with the fields these tests rely on. */
function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return baseCallRecord(T0, { source: 'adapter', versions: { classifier: 0 }, ...overrides });
}

describe.each(testDatabases())('call projection on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  /** Pushes events of one device as a user, straight through applyPush. */
  function deviceOf(actor: 'operator' | 'operator2' | 'outsider') {
    const deviceId = ulid();
    let seq = 0;
    return async (...events: [string, unknown][]) => {
      const user = api.users[actor];
      const orgId = actor === 'outsider' ? api.otherOrg.id : api.org.id;
      const batch = events.map(
        ([type, payload]) =>
          ({ id: ulid(), deviceId, seq: ++seq, type, at: T0 + seq, schemaVersion: 1, payload }) as OutboxEvent,
      );
      return applyPush(api.db, { id: user.id, orgId, teamIds: user.teamIds }, { deviceId, events: batch }, T0);
    };
  }

  const tag = (typeId: string, at: number): CallTag => ({ id: ulid(at), typeId, at });

  async function callRow(id: string) {
    const [row] = await api.db.query<Record<string, unknown>>('select * from calls where id = $1', [id]);
    return row;
  }

  test('a call record upserts the row, a newer record wins, an older one never rewinds it', async () => {
    const push = deviceOf('operator');
    const call = callRecord({ id: ulid(), callerNumber: '+7 900 000 00 01', subscriber: { contract: 'A-1' } });
    await push(['call.started', call]);
    expect(await callRow(call.id)).toMatchObject({
      org_id: api.org.id,
      user_id: api.users.operator.id,
      team_id: api.teams.a.id,
      started_at: T0,
      ended_at: null,
      caller_number: '+7 900 000 00 01',
      subscriber: { contract: 'A-1' },
      versions: { classifier: 0 },
      tags: [],
    });
    const ended = { ...call, endedAt: T0 + 90_000, durationMs: 90_000, updatedAt: T0 + 90_000 };
    await push(['call.ended', ended]);
    expect(await callRow(call.id)).toMatchObject({ ended_at: T0 + 90_000, duration_ms: 90_000 });
    // A late, older record (e.g. from a second device's backlog) changes nothing.
    await push(['call.updated', { ...call, callerNumber: 'stale', updatedAt: T0 + 10 }]);
    expect(await callRow(call.id)).toMatchObject({ caller_number: '+7 900 000 00 01', ended_at: T0 + 90_000 });
  });

  test('tags and untags keep call_tags and calls.tags in step; a full record sets the tag set', async () => {
    const push = deviceOf('operator');
    const call = callRecord({ id: ulid() });
    const billing = tag('billing', T0 + 1000);
    const other = tag('other', T0 + 2000);
    await push(
      ['call.started', call],
      ['call.tagged', { callId: call.id, tag: billing }],
      ['call.tagged', { callId: call.id, tag: other }],
    );
    expect((await callRow(call.id))?.tags).toEqual([billing, other]);
    const tags = await api.db.query(
      'select tag_id, type_id, at, org_id, user_id, team_id from call_tags where call_id = $1 order by at',
      [call.id],
    );
    expect(tags).toEqual([
      {
        tag_id: billing.id,
        type_id: 'billing',
        at: billing.at,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
      },
      {
        tag_id: other.id,
        type_id: 'other',
        at: other.at,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
      },
    ]);
    await push(['call.untagged', { callId: call.id, tagId: other.id }]);
    expect((await callRow(call.id))?.tags).toEqual([billing]);
    // Untagging twice is harmless; tagging twice stores one tag.
    await push(
      ['call.untagged', { callId: call.id, tagId: other.id }],
      ['call.tagged', { callId: call.id, tag: billing }],
    );
    expect((await callRow(call.id))?.tags).toEqual([billing]);
    // The ended record carries the call's full tag list, which becomes the stored set.
    const third = tag('tariff_change', T0 + 3000);
    await push(['call.ended', { ...call, tags: [billing, third], endedAt: T0 + 5000, updatedAt: T0 + 5000 }]);
    expect((await callRow(call.id))?.tags).toEqual([billing, third]);
    const [count] = await api.db.query<{ n: number }>('select count(*)::int as n from call_tags where call_id = $1', [
      call.id,
    ]);
    expect(count?.n).toBe(2);
  });

  const scriptOf = (objectionIds: string[], at: number): CallScript => ({
    modules: [{ moduleId: 'greeting', shownAt: at, openMs: 4000, outcome: null }],
    objections: objectionIds.map((objectionId, i) => ({
      objectionId,
      at: at + i,
      answerId: i % 2 ? null : 'a1',
      handled: i % 2 === 0,
    })),
    checklist: { introduced: 'yes', verified: 'na' },
  });

  async function objectionRows(callId: string) {
    return api.db.query<Record<string, unknown>>(
      'select objection_id, answer_id, handled, at, org_id, user_id, team_id from call_objections where call_id = $1 order by objection_id',
      [callId],
    );
  }

  test('calls.script is the latest record’s script and call_objections follow it; tags leave both alone', async () => {
    const push = deviceOf('operator');
    const bare = callRecord({ id: ulid() });
    await push(['call.started', bare]);
    // A record without a script (an older client) stores the empty script.
    expect((await callRow(bare.id))?.script).toEqual(EMPTY_SCRIPT);
    const first = scriptOf(['expensive', 'think'], T0 + 100);
    await push(['call.updated', { ...bare, script: first, updatedAt: T0 + 100 }]);
    expect((await callRow(bare.id))?.script).toEqual(first);
    expect(await objectionRows(bare.id)).toEqual([
      {
        objection_id: 'expensive',
        answer_id: 'a1',
        handled: true,
        at: T0 + 100,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
      },
      expect.objectContaining({ objection_id: 'think', answer_id: null, handled: false, at: T0 + 101 }),
    ]);
    // A tag alone (its own batch) keeps the script; an older record never rewinds it.
    await push(['call.tagged', { callId: bare.id, tag: tag('billing', T0 + 150) }]);
    await push(['call.updated', { ...bare, script: scriptOf([], T0), updatedAt: T0 + 50 }]);
    expect((await callRow(bare.id))?.script).toEqual(first);
    expect(await objectionRows(bare.id)).toHaveLength(2);
    // The newer record drops «think» and adds «no_time»; a record without a script clears all.
    const second = scriptOf(['expensive', 'no_time'], T0 + 200);
    await push(['call.ended', { ...bare, script: second, endedAt: T0 + 300, updatedAt: T0 + 300 }]);
    expect((await objectionRows(bare.id)).map((r) => [r.objection_id, r.at])).toEqual([
      ['expensive', T0 + 200],
      ['no_time', T0 + 201],
    ]);
    await push(['call.updated', { ...bare, endedAt: T0 + 300, updatedAt: T0 + 400 }]);
    expect((await callRow(bare.id))?.script).toEqual(EMPTY_SCRIPT);
    expect(await objectionRows(bare.id)).toEqual([]);
  });

  test('feedback reports become rows; one about another user’s call is refused with the reason', async () => {
    const mine = deviceOf('operator');
    const theirs = deviceOf('operator2');
    const call = callRecord({ id: ulid() });
    const report = (callId: string | null, text: string) => ({
      id: ulid(),
      callId,
      callTypeId: 'billing',
      moduleId: null,
      scriptsVersion: 2,
      text,
      at: T0 + 500,
    });
    const ok = report(call.id, 'нет ответа про рассрочку');
    const answer = await mine(['call.started', call], ['feedback.no_answer', ok]);
    expect(answer).toMatchObject({ accepted: 2, deadLettered: 0 });
    const refused = await theirs(['feedback.no_answer', report(call.id, 'чужой звонок')]);
    expect(refused).toMatchObject({ accepted: 0, deadLettered: 1 });
    const [dead] = await api.db.query<{ reason: string }>(
      `select reason from dead_letters where user_id = $1 and type = 'feedback.no_answer'`,
      [api.users.operator2.id],
    );
    expect(dead?.reason).toBe('the call belongs to another user');
    const rows = await api.db.query('select * from feedback where call_id = $1', [call.id]);
    expect(rows).toEqual([
      {
        id: ok.id,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
        call_id: call.id,
        call_type_id: 'billing',
        module_id: null,
        scripts_version: 2,
        text: 'нет ответа про рассрочку',
        at: T0 + 500,
      },
    ]);
  });

  test('rebuilding from the event log gives exactly the same rows (for all, and for one organisation)', async () => {
    const a = deviceOf('operator');
    const b = deviceOf('operator2');
    const outside = deviceOf('outsider');
    const sale = (i: number, at: number): CallOutcome => ({
      id: ulid(at),
      kind: i % 2 ? 'upgrade' : 'connection',
      at,
      itemId: 'home200',
      fromItemId: i % 2 ? 'home100' : null,
      monthly: 100 * i,
      amountSource: 'catalogue',
    });
    // operator2's calls also list the sale of operator's call just before (a reused id of the same
    // organisation: it stays with the first call while that call holds it).
    let previousSale: CallOutcome | null = null;
    const made: string[] = [];
    for (let i = 0; i < 15; i++) {
      const call = callRecord({
        id: ulid(),
        startedAt: T0 + i * 60_000,
        updatedAt: T0 + i * 60_000,
        ...(i % 3 === 1 ? { script: scriptOf(['expensive'], T0 + i * 60_000) } : {}),
      });
      const t1 = tag('billing', T0 + i * 60_000 + 100);
      const t2 = tag('other', T0 + i * 60_000 + 200);
      const push = [a, b, outside][i % 3] ?? a;
      const own = sale(i, call.startedAt + 40_000);
      const outcomes = i % 3 === 1 && previousSale ? [previousSale, own] : [own];
      previousSale = own;
      made.push(call.id);
      // Durations across the rollup's 5-second steps (one never ended); every fourth call is moved
      // by its last record to 01:00 Moscow time the next day (its sales with it).
      const durationMs = i === 7 ? null : 4_000 * i;
      const ended: CallRecord = {
        ...call,
        tags: i % 2 ? [t2] : [t1, t2],
        durationMs,
        endedAt: durationMs === null ? null : call.startedAt + durationMs,
        updatedAt: call.updatedAt + 30_000,
        ...(i % 3 ? { script: scriptOf(i % 2 ? ['think', 'no_time'] : ['expensive'], call.startedAt + 10) } : {}),
      };
      // After the end: the wrap-up's outcomes; every fifth call's sale taken back; then an older
      // client's record (no outcomes field, so they stay) retagging the call.
      const later: [string, unknown][] = [
        ['call.updated', { ...ended, outcomes, updatedAt: call.updatedAt + 40_000 }],
        ...(i % 5 === 2
          ? ([['call.updated', { ...ended, outcomes: [], updatedAt: call.updatedAt + 50_000 }]] as [string, unknown][])
          : []),
        [
          'call.updated',
          {
            ...ended,
            tags: [t1],
            ...(i % 4 === 3 ? { startedAt: call.startedAt + 12 * 3600_000 } : {}),
            updatedAt: call.updatedAt + 60_000,
          },
        ],
      ];
      await push(
        ['call.started', call],
        ['call.tagged', { callId: call.id, tag: t1 }],
        ['call.tagged', { callId: call.id, tag: t2 }],
        ...(i % 2 ? ([['call.untagged', { callId: call.id, tagId: t1.id }]] as [string, unknown][]) : []),
        ['call.ended', ended],
        ['call.updated', { ...call, callerNumber: 'older', updatedAt: call.updatedAt + 1 }],
        [
          'feedback.no_answer',
          {
            id: ulid(),
            callId: i % 4 ? call.id : null,
            callTypeId: null,
            moduleId: 'greeting',
            scriptsVersion: i % 2 ? ulid() : i,
            text: `отзыв ${i}`,
            at: call.startedAt + 20,
          },
        ],
      );
      // One batch each: the rollup moves each call's stored contribution (sales, type, day) along.
      for (const event of later) await push(event);
    }
    const snapshot = async () => ({
      calls: await api.db.query('select * from calls order by id'),
      tags: await api.db.query('select * from call_tags order by tag_id'),
      objections: await api.db.query('select * from call_objections order by call_id, objection_id'),
      feedback: await api.db.query('select * from feedback order by id'),
      outcomes: await api.db.query('select * from call_outcomes order by outcome_id'),
      // A key whose calls all moved away keeps a row of zeros live; the rebuild has none.
      days: await api.db.query(
        `select * from call_days where calls <> 0 or ended <> 0 or sales <> 0 or revenue <> 0
          order by org_id, day_start, user_id, team_id nulls first, type_id nulls first`,
      ),
    });
    const before = await snapshot();
    expect(before.calls.length).toBeGreaterThanOrEqual(15);
    expect(before.objections.length).toBeGreaterThanOrEqual(10);
    expect(before.feedback.length).toBeGreaterThanOrEqual(15);
    // The rollup holds every call and every sale outcome, on more than one day.
    const totals = await api.db.query<{ calls: number; sales: number; days: number }>(
      `select (select sum(calls) from call_days) as calls, (select count(distinct day_start) from call_days) as days,
              (select sum(sales) from call_days) as sales`,
    );
    const sold = await api.db.query<{ n: number }>(
      `select count(*) as n from call_outcomes where kind in ('connection', 'upgrade', 'service', 'equipment')`,
    );
    expect(totals[0]).toMatchObject({ calls: before.calls.length, sales: sold[0]!.n });
    expect(totals[0]!.days).toBeGreaterThanOrEqual(2);
    // Every outcome row carries its call's start, also for the calls moved without outcomes.
    const started = await api.db.query<{ n: number }>(
      'select count(*) as n from call_outcomes o join calls c on c.id = o.call_id where o.call_started_at <> c.started_at',
    );
    expect(started[0]!.n).toBe(0);
    const ours = before.calls.filter((c) => made.includes(c.id as string));
    expect(new Set(ours.map((c) => c.type_id))).toEqual(new Set(['billing']));
    // A reused id stays with its first call, though the later call's record lists it too.
    const rows = before.outcomes.filter((o) => made.includes(o.call_id as string));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const listers = new Map<string, string[]>();
    for (const id of made) {
      const row = ours.find((c) => c.id === id);
      for (const o of (row?.outcomes ?? []) as CallOutcome[]) listers.set(o.id, [...(listers.get(o.id) ?? []), id]);
    }
    const reused = [...listers].filter(([, calls]) => calls.length > 1);
    expect(reused.length).toBeGreaterThan(0);
    for (const [outcomeId, calls] of reused) {
      expect(rows.filter((r) => r.outcome_id === outcomeId).map((r) => r.call_id)).toEqual([calls[0]]);
    }
    await api.db.query('update calls set caller_number = $1, script = $2, type_id = null, outcomes = $3', [
      'damaged',
      '{}',
      '[{"id":"x"}]',
    ]);
    await api.db.query('delete from call_outcomes where org_id = $1', [api.org.id]);
    await api.db.query('update call_outcomes set monthly = monthly + 1');
    await api.db.query('update call_days set calls = calls + 1, at_least[2] = 0');
    // A row no event made (of a call that has outcomes, and of one that has none) must go.
    const stray = (outcomeId: string, callId: string, orgId: string) =>
      api.db.query(
        `insert into call_outcomes (outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id,
                                    monthly, at, call_started_at)
         values ($1, $2, $3, 'u', null, 'service', null, null, 1, 0, 0)`,
        [outcomeId, callId, orgId],
      );
    await stray(ulid(), made[0]!, api.org.id);
    await stray(ulid(), made[2]!, api.otherOrg.id);
    await api.db.query('delete from call_tags where org_id = $1', [api.org.id]);
    await api.db.query('update call_objections set handled = not handled');
    await api.db.query('delete from feedback where org_id = $1', [api.org.id]);
    const all = await rebuildProjections(api.db);
    expect(all.events).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    await api.db.query('delete from calls where org_id = $1', [api.otherOrg.id]);
    await api.db.query('delete from call_objections where org_id = $1', [api.otherOrg.id]);
    await api.db.query('delete from feedback where org_id = $1', [api.otherOrg.id]);
    await stray(ulid(), made[5]!, api.otherOrg.id);
    await rebuildProjections(api.db, api.otherOrg.id);
    expect(await snapshot()).toEqual(before);
  });
});
