// The sales side of the call projection on every test database: calls.type_id follows the call's
// last tag through tags, untags and records; calls.outcomes is the latest record's (kept when a
// record has no such field); call_outcomes follows it row for row; an outcome id stays with the
// first call that holds it, with its call's start (call_started_at) even when a later record moves
// the call; and a batch without outcomes costs no statement for them.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallOutcome, CallRecord, CallTag } from '../../lib/schema/call';
import type { OutboxEvent } from '../../lib/schema/events';
import type { Queryable } from '../../server/db/database';
import { applyPush } from '../../server/sync/apply';
import { type ProjectedEvent, projectBatch } from '../../server/sync/projection';
import { openTestApi, type TestApi } from '../support/api';
import { callRecord as baseCallRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 3, 10, 0, 0);

function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return baseCallRecord(T0, { id: ulid(), ...overrides });
}

function outcome(kind: CallOutcome['kind'], monthly: number, at: number, more: Partial<CallOutcome> = {}): CallOutcome {
  return {
    id: ulid(at),
    kind,
    at,
    itemId: kind === 'callback' || kind === 'nothing' ? null : 'home200',
    fromItemId: kind === 'upgrade' ? 'home100' : null,
    monthly,
    amountSource: monthly === 0 ? 'none' : 'catalogue',
    ...more,
  };
}

describe.each(testDatabases())('sales projection on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  function deviceOf(actor: 'operator' | 'operator2') {
    const deviceId = ulid();
    let seq = 0;
    return async (...events: [string, unknown][]) => {
      const user = api.users[actor];
      const batch = events.map(
        ([type, payload]) =>
          ({ id: ulid(), deviceId, seq: ++seq, type, at: T0 + seq, schemaVersion: 1, payload }) as OutboxEvent,
      );
      const answer = await applyPush(
        api.db,
        { id: user.id, orgId: api.org.id, teamIds: user.teamIds },
        { deviceId, events: batch },
        T0,
      );
      expect(answer.deadLettered).toBe(0);
      return answer;
    };
  }

  const tag = (typeId: string, at: number, id = ulid(at)): CallTag => ({ id, typeId, at });

  async function typeOf(callId: string) {
    const [row] = await api.db.query<{ type_id: string | null }>('select type_id from calls where id = $1', [callId]);
    return row?.type_id;
  }

  async function storedOutcomes(callId: string) {
    const [row] = await api.db.query<{ outcomes: CallOutcome[] }>('select outcomes from calls where id = $1', [callId]);
    return row?.outcomes;
  }

  async function outcomeRows(callId: string) {
    return api.db.query<Record<string, unknown>>(
      `select outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id, monthly, at, call_started_at
         from call_outcomes where call_id = $1 order by at, outcome_id`,
      [callId],
    );
  }

  async function ownerOf(outcomeId: string) {
    const rows = await api.db.query<{ call_id: string }>('select call_id from call_outcomes where outcome_id = $1', [
      outcomeId,
    ]);
    return rows.map((r) => r.call_id);
  }

  test('calls.type_id is the last tag by time (then id), through tags, untags and records', async () => {
    const push = deviceOf('operator');
    const call = callRecord();
    await push(['call.started', call]);
    expect(await typeOf(call.id)).toBeNull();
    const billing = tag('billing', T0 + 1000);
    await push(['call.tagged', { callId: call.id, tag: billing }]);
    expect(await typeOf(call.id)).toBe('billing');
    // A later tag wins; an earlier one (tagged afterwards) does not.
    const upsell = tag('tariff_change', T0 + 5000);
    const early = tag('tech_support', T0 + 500);
    await push(['call.tagged', { callId: call.id, tag: upsell }], ['call.tagged', { callId: call.id, tag: early }]);
    expect(await typeOf(call.id)).toBe('tariff_change');
    // Untagging the last tag falls back to the one before it; untagging all gives null.
    await push(['call.untagged', { callId: call.id, tagId: upsell.id }]);
    expect(await typeOf(call.id)).toBe('billing');
    await push(['call.untagged', { callId: call.id, tagId: billing.id }]);
    expect(await typeOf(call.id)).toBe('tech_support');
    await push(['call.untagged', { callId: call.id, tagId: early.id }]);
    expect(await typeOf(call.id)).toBeNull();
    // A record replaces the tag set; at the same time the larger id is the later tag.
    const [lowId, highId] = [ulid(T0 + 100), ulid(T0 + 200)].sort();
    await push([
      'call.updated',
      {
        ...call,
        tags: [tag('other', T0 + 3000, highId), tag('connection', T0 + 3000, lowId)],
        updatedAt: T0 + 3000,
      },
    ]);
    expect(await typeOf(call.id)).toBe('other');
    await push(['call.ended', { ...call, tags: [], endedAt: T0 + 4000, updatedAt: T0 + 4000 }]);
    expect(await typeOf(call.id)).toBeNull();
    // Retagged in the wrap-up, then a late older record changes nothing.
    await push(['call.tagged', { callId: call.id, tag: tag('termination', T0 + 6000) }]);
    await push(['call.updated', { ...call, tags: [tag('billing', T0 + 10)], updatedAt: T0 + 10 }]);
    expect(await typeOf(call.id)).toBe('termination');
  });

  test('calls.outcomes and call_outcomes follow the latest record; a record without the field keeps them', async () => {
    const push = deviceOf('operator');
    const call = callRecord();
    // An older client's records have no outcomes: the call stores none.
    await push(['call.started', call]);
    expect(await storedOutcomes(call.id)).toEqual([]);
    const upgrade = outcome('upgrade', 100, T0 + 60_000);
    const router = outcome('equipment', 99, T0 + 61_000, { itemId: 'router_rent' });
    await push(['call.ended', { ...call, endedAt: T0 + 50_000, outcomes: [upgrade, router], updatedAt: T0 + 61_000 }]);
    expect(await storedOutcomes(call.id)).toEqual([upgrade, router]);
    expect(await outcomeRows(call.id)).toEqual([
      {
        outcome_id: upgrade.id,
        call_id: call.id,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
        kind: 'upgrade',
        item_id: 'home200',
        from_item_id: 'home100',
        monthly: 100,
        at: T0 + 60_000,
        call_started_at: T0,
      },
      {
        outcome_id: router.id,
        call_id: call.id,
        org_id: api.org.id,
        user_id: api.users.operator.id,
        team_id: api.teams.a.id,
        kind: 'equipment',
        item_id: 'router_rent',
        from_item_id: null,
        monthly: 99,
        at: T0 + 61_000,
        call_started_at: T0,
      },
    ]);
    // A newer record from an older client (no field), a tag, and an older record: nothing changes.
    await push(
      ['call.updated', { ...call, endedAt: T0 + 50_000, callerNumber: '+7 900 1', updatedAt: T0 + 70_000 }],
      ['call.tagged', { callId: call.id, tag: tag('billing', T0 + 71_000) }],
      ['call.updated', { ...call, outcomes: [], updatedAt: T0 + 20_000 }],
    );
    expect(await storedOutcomes(call.id)).toEqual([upgrade, router]);
    expect((await outcomeRows(call.id)).map((r) => r.outcome_id)).toEqual([upgrade.id, router.id]);
    // A newer record without the field that moves the call's start: the rows keep up with it.
    await push(['call.updated', { ...call, startedAt: T0 + 5000, endedAt: T0 + 50_000, updatedAt: T0 + 75_000 }]);
    expect((await outcomeRows(call.id)).map((r) => r.call_started_at)).toEqual([T0 + 5000, T0 + 5000]);
    // A newer record drops the router and changes the upgrade's amount: one row goes, one is rewritten.
    const corrected = { ...upgrade, monthly: 200, itemId: 'home500' };
    await push(['call.updated', { ...call, outcomes: [corrected], updatedAt: T0 + 80_000 }]);
    expect(await storedOutcomes(call.id)).toEqual([corrected]);
    expect(await outcomeRows(call.id)).toEqual([
      expect.objectContaining({ outcome_id: upgrade.id, monthly: 200, item_id: 'home500', call_started_at: T0 }),
    ]);
    // Within one batch the last record that carries outcomes wins, even before a record without them.
    const callback = outcome('callback', 0, T0 + 90_000);
    await push(
      ['call.updated', { ...call, outcomes: [router], updatedAt: T0 + 85_000 }],
      ['call.updated', { ...call, outcomes: [callback], updatedAt: T0 + 90_000 }],
      ['call.updated', { ...call, updatedAt: T0 + 95_000 }],
    );
    expect(await storedOutcomes(call.id)).toEqual([callback]);
    expect(await outcomeRows(call.id)).toEqual([
      expect.objectContaining({ outcome_id: callback.id, kind: 'callback', item_id: null, monthly: 0 }),
    ]);
    await push(['call.updated', { ...call, outcomes: [], updatedAt: T0 + 100_000 }]);
    expect(await storedOutcomes(call.id)).toEqual([]);
    expect(await outcomeRows(call.id)).toEqual([]);
  });

  test('an outcome id another call holds stays with that call, in separate batches and in one', async () => {
    const mine = deviceOf('operator');
    const theirs = deviceOf('operator2');
    const first = callRecord();
    const sale = outcome('connection', 600, T0 + 1000);
    await mine(['call.started', { ...first, outcomes: [sale] }]);
    // Another operator's call (a broken or hostile client) reuses the id: it is skipped there.
    const second = callRecord();
    const own = outcome('service', 150, T0 + 2000, { itemId: 'static_ip' });
    await theirs(['call.started', { ...second, outcomes: [{ ...sale, monthly: 999_999 }, own] }]);
    expect(await ownerOf(sale.id)).toEqual([first.id]);
    expect((await outcomeRows(first.id)).map((r) => [r.outcome_id, r.monthly, r.user_id])).toEqual([
      [sale.id, 600, api.users.operator.id],
    ]);
    expect((await outcomeRows(second.id)).map((r) => r.outcome_id)).toEqual([own.id]);
    // The record itself is stored as sent.
    expect((await storedOutcomes(second.id))?.map((o) => o.id)).toEqual([sale.id, own.id]);
    // Updating the second call does not take the id either, nor does the first call's update lose it.
    await theirs(['call.updated', { ...second, outcomes: [sale], updatedAt: T0 + 5000 }]);
    await mine(['call.updated', { ...first, outcomes: [sale], updatedAt: T0 + 5000 }]);
    expect(await ownerOf(sale.id)).toEqual([first.id]);
    expect(await outcomeRows(second.id)).toEqual([]);

    // In one batch: the call that records the id first keeps it; an id twice in one record is one row.
    const a = callRecord();
    const b = callRecord();
    const shared = outcome('upgrade', 100, T0 + 3000);
    await mine(
      ['call.started', { ...a, outcomes: [shared, shared] }],
      ['call.started', { ...b, outcomes: [shared] }],
      ['call.updated', { ...b, outcomes: [shared], updatedAt: T0 + 4000 }],
    );
    expect(await ownerOf(shared.id)).toEqual([a.id]);
    expect(await outcomeRows(b.id)).toEqual([]);
  });

  test('an id its call dropped is free again, in a later batch and in the same one', async () => {
    const push = deviceOf('operator');
    const holder = callRecord();
    const taker = callRecord();
    const sale = outcome('upgrade', 100, T0 + 1000);
    await push(['call.started', { ...holder, outcomes: [sale] }], ['call.started', { ...taker, outcomes: [] }]);
    // The taker asks before the holder drops it (skipped), then again after (taken): one batch.
    await push(
      ['call.updated', { ...taker, outcomes: [sale], updatedAt: T0 + 2000 }],
      ['call.updated', { ...holder, outcomes: [], updatedAt: T0 + 3000 }],
      ['call.updated', { ...taker, outcomes: [sale], updatedAt: T0 + 4000 }],
    );
    expect(await ownerOf(sale.id)).toEqual([taker.id]);
    expect(await outcomeRows(holder.id)).toEqual([]);
    expect(await outcomeRows(taker.id)).toEqual([
      expect.objectContaining({ outcome_id: sale.id, user_id: api.users.operator.id, monthly: 100 }),
    ]);
    // The other way round, across batches.
    await push(['call.updated', { ...taker, outcomes: [], updatedAt: T0 + 5000 }]);
    await push(['call.updated', { ...holder, outcomes: [sale], updatedAt: T0 + 6000 }]);
    expect(await ownerOf(sale.id)).toEqual([holder.id]);
  });

  test('a batch without outcomes sends no statement for them; one with outcomes sends one write', async () => {
    const statements: string[] = [];
    const project = (events: ProjectedEvent[]) =>
      api.db.transaction(async (tx) => {
        const spy: Queryable = {
          query(sql, params) {
            statements.push(sql);
            return tx.query(sql, params);
          },
        };
        return projectBatch(spy, events);
      });
    const as = {
      orgId: api.org.id,
      userId: api.users.operator.id,
      teamId: api.teams.a.id,
      deviceId: ulid(),
    };
    const plain = callRecord();
    // Writes to call_outcomes; the batch's load reads it only for stored calls that have outcomes.
    const touched = (list: string[]) =>
      list.filter((sql) => /(insert into|delete from|update) call_outcomes/.test(sql)).length;
    await project([
      { ...as, type: 'call.started', payload: plain },
      { ...as, type: 'call.tagged', payload: { callId: plain.id, tag: tag('billing', T0 + 10) } },
      { ...as, type: 'call.ended', payload: { ...plain, endedAt: T0 + 20, updatedAt: T0 + 20 } },
    ]);
    expect(touched(statements)).toBe(0);
    // Records of a new client with no outcome yet: still nothing to write.
    await project([{ ...as, type: 'call.updated', payload: { ...plain, outcomes: [], updatedAt: T0 + 30 } }]);
    expect(touched(statements)).toBe(0);
    statements.length = 0;
    const sale = outcome('connection', 600, T0 + 40);
    await project([{ ...as, type: 'call.updated', payload: { ...plain, outcomes: [sale], updatedAt: T0 + 40 } }]);
    // The owners' read rides on the tags read; the rows take one statement.
    expect(touched(statements)).toBe(1);
    expect(statements.filter((sql) => sql.includes('from call_outcomes where outcome_id'))).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('insert into call_outcomes'))).toHaveLength(1);
    expect(await ownerOf(sale.id)).toEqual([plain.id]);
  });
});
