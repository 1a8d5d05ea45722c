// Upload of outbox events on every test database: exactly once across retries and concurrent
// duplicates (R01, R03), gaps refused whole (R04), events that can never be valid dead-lettered
// without blocking later ones (R05), events of the previous client version accepted (R12), the
// device endpoint that lets a client notice a restored server (R07), and malformed bodies (R21).
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CallRecord } from '../../lib/schema/call';
import type { OutboxEvent } from '../../lib/schema/events';
import { applyPush } from '../../server/sync/apply';
import { type Actor, openTestApi, type TestApi } from '../support/api';
import { callRecord as baseCallRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 3, 9, 5, 0);

/** This file's call record: the shared fixture with the fields these tests rely on. */
function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return baseCallRecord(T0, {
    source: 'webrtc',
    origin: 'https://crm.example.com',
    sourceTabId: 7,
    callerNumber: '+48 600 000 001',
    subscriber: { contract: 'K-1001', name: 'Иван' },
    versions: { classifier: 0 },
    ...overrides,
  });
}

/** A device's outbox: events with consecutive sequence numbers, as lib/db/outbox.ts makes them. */
function device() {
  const deviceId = ulid();
  let seq = 0;
  return {
    deviceId,
    event(type: string, payload: unknown, extra: Partial<OutboxEvent> = {}): OutboxEvent {
      seq++;
      return { id: ulid(), deviceId, seq, type, at: T0 + seq, schemaVersion: 1, payload, ...extra } as OutboxEvent;
    },
  };
}

describe.each(testDatabases())('sync push on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  const push = (as: Actor, deviceId: string, events: unknown[]) =>
    api.request('POST', '/api/v1/sync/push', { as, body: { deviceId, events } });

  async function stored(deviceId: string) {
    const [row] = await api.db.query<{ events: number; dead: number; last: number | null }>(
      `select (select count(*)::int from events where device_id = $1) as events,
              (select count(*)::int from dead_letters where device_id = $1) as dead,
              (select last_seq from devices where device_id = $1) as last`,
      [deviceId],
    );
    return row;
  }

  test('R01: a batch committed but unanswered is retried: stored once, the retry counts duplicates', async () => {
    const d = device();
    const call = callRecord();
    const batch = [d.event('call.started', call), d.event('call.tagged', { callId: call.id, tag: tagOf('billing') })];
    const first = await push('operator', d.deviceId, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ lastSeq: 2, accepted: 2, duplicates: 0, deadLettered: 0 });
    // The answer was lost; the client sends the same batch again.
    const retry = await push('operator', d.deviceId, batch);
    expect(retry.body).toEqual({ lastSeq: 2, accepted: 0, duplicates: 2, deadLettered: 0 });
    expect(await stored(d.deviceId)).toEqual({ events: 2, dead: 0, last: 2 });
    const calls = await api.db.query<{ id: string; tags: unknown[] }>('select id, tags from calls where id = $1', [
      call.id,
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.tags).toHaveLength(1);
    // A retry that overlaps old and new events stores only the new ones.
    const next = d.event('call.ended', { ...call, endedAt: T0 + 60_000, durationMs: 60_000, updatedAt: T0 + 60_000 });
    const overlap = await push('operator', d.deviceId, [...batch, next]);
    expect(overlap.body).toEqual({ lastSeq: 3, accepted: 1, duplicates: 2, deadLettered: 0 });
  });

  test('R03: the same batch sent twice concurrently: no duplicate, both answers agree', async () => {
    for (let round = 0; round < 5; round++) {
      const d = device();
      const calls = Array.from({ length: 20 }, () => callRecord({ id: ulid() }));
      const batch = calls.map((c) => d.event('call.started', c));
      const answers = await Promise.all([
        push('operator', d.deviceId, batch),
        push('operator', d.deviceId, batch),
        push('operator', d.deviceId, batch),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.map((a) => a.body.lastSeq)).toEqual([20, 20, 20]);
      expect(answers.map((a) => a.body.accepted).sort()).toEqual([0, 0, 20]);
      expect(answers.map((a) => a.body.duplicates).sort()).toEqual([0, 20, 20]);
      expect(await stored(d.deviceId)).toEqual({ events: 20, dead: 0, last: 20 });
      const [count] = await api.db.query<{ n: number }>('select count(*)::int as n from calls where id = any($1)', [
        calls.map((c) => c.id),
      ]);
      expect(count?.n).toBe(20);
    }
  });

  test('R03: concurrent pushes through applyPush directly (the database serialises on the device row)', async () => {
    const d = device();
    const batch = [d.event('call.started', callRecord({ id: ulid() }))];
    const user = { id: api.users.operator.id, orgId: api.org.id, teamIds: api.users.operator.teamIds };
    const body = { deviceId: d.deviceId, events: batch };
    const answers = await Promise.all(Array.from({ length: 6 }, () => applyPush(api.db, user, body, T0)));
    expect(new Set(answers.map((a) => a.lastSeq))).toEqual(new Set([1]));
    expect(answers.reduce((sum, a) => sum + a.accepted, 0)).toBe(1);
    expect(await stored(d.deviceId)).toEqual({ events: 1, dead: 0, last: 1 });
  });

  test('R04: a gap is refused with the expected sequence, nothing applied; resending from there recovers', async () => {
    const d = device();
    const events = Array.from({ length: 5 }, () => d.event('call.started', callRecord({ id: ulid() })));
    expect((await push('operator', d.deviceId, events.slice(0, 2))).body.lastSeq).toBe(2);
    const gap = await push('operator', d.deviceId, events.slice(3));
    expect(gap.status).toBe(409);
    expect(gap.body.error.code).toBe('sequence_gap');
    expect(gap.body.expectedSeq).toBe(3);
    expect(await stored(d.deviceId)).toEqual({ events: 2, dead: 0, last: 2 });
    // A brand-new device whose first batch does not start at 1 is not even registered.
    const fresh = device();
    fresh.event('call.started', callRecord());
    const late = await push('operator', fresh.deviceId, [fresh.event('call.started', callRecord({ id: ulid() }))]);
    expect(late.status).toBe(409);
    expect(late.body.expectedSeq).toBe(1);
    expect(await stored(fresh.deviceId)).toEqual({ events: 0, dead: 0, last: null });
    // The client resends from the expected sequence number.
    const recovered = await push('operator', d.deviceId, events.slice(2));
    expect(recovered.body).toEqual({ lastSeq: 5, accepted: 3, duplicates: 0, deadLettered: 0 });
  });

  test('R05: events that can never be valid are dead-lettered with the reason; later events still sync', async () => {
    const d = device();
    const call = callRecord();
    const othersCall = callRecord({ id: ulid() });
    // operator2 owns a call first: the operator may not write to it.
    const d2 = device();
    expect((await push('operator2', d2.deviceId, [d2.event('call.started', othersCall)])).status).toBe(200);
    const batch = [
      d.event('call.started', { ...call, startedAt: 'yesterday' }), // bad payload from an old client
      d.event('call.teleported', { callId: call.id }), // a type this server does not know
      d.event('call.started', call, { schemaVersion: 99 }), // written by a newer client
      d.event('call.tagged', { callId: call.id, tag: tagOf('billing') }), // its call was never received
      d.event('call.updated', { ...othersCall, callerNumber: 'hijack', updatedAt: T0 + 5 }), // someone else's
      d.event('call.started', { ...call, callerNumber: 'nul\u0000byte' }), // text PostgreSQL cannot hold
      d.event('call.started', call), // and a valid one after all of them
    ];
    const answer = await push('operator', d.deviceId, batch);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ lastSeq: 7, accepted: 1, duplicates: 0, deadLettered: 6 });
    const dead = await api.db.query<{ seq: number; type: string; reason: string; user_id: string }>(
      'select seq, type, reason, user_id from dead_letters where device_id = $1 order by seq',
      [d.deviceId],
    );
    expect(dead.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dead[0]?.reason).toMatch(/invalid call.started payload: startedAt/);
    expect(dead[1]).toMatchObject({ type: 'call.teleported', reason: 'unknown event type "call.teleported"' });
    expect(dead[2]?.reason).toMatch(/schema version 99/);
    expect(dead[3]?.reason).toMatch(/never received/);
    expect(dead[4]?.reason).toMatch(/another user/);
    expect(dead[5]?.reason).toMatch(/NUL/);
    expect(dead.every((r) => r.user_id === api.users.operator.id)).toBe(true);
    const [victim] = await api.db.query<{ caller_number: string }>('select caller_number from calls where id = $1', [
      othersCall.id,
    ]);
    expect(victim?.caller_number).toBe(othersCall.callerNumber);
    // Nothing blocks: the next batch continues after the dead letters.
    const more = await push('operator', d.deviceId, [d.event('call.tagged', { callId: call.id, tag: tagOf('other') })]);
    expect(more.body).toEqual({ lastSeq: 8, accepted: 1, duplicates: 0, deadLettered: 0 });
    // Resending dead-lettered events is a duplicate, not a second dead letter.
    expect((await push('operator', d.deviceId, batch)).body).toMatchObject({ duplicates: 7, deadLettered: 0 });
    expect(await stored(d.deviceId)).toEqual({ events: 2, dead: 6, last: 8 });
  });

  test('R12: events written by the previous client version (older schema version) are accepted', async () => {
    const d = device();
    const call = callRecord({ id: ulid() });
    const answer = await push('operator', d.deviceId, [d.event('call.started', call, { schemaVersion: 1 })]);
    expect(answer.body).toMatchObject({ accepted: 1, deadLettered: 0 });
  });

  test('an event id reused under another sequence number is dead-lettered, not a server error', async () => {
    const d = device();
    const first = d.event('call.started', callRecord({ id: ulid() }));
    const reused = { ...d.event('call.started', callRecord({ id: ulid() })), id: first.id };
    const answer = await push('operator', d.deviceId, [first, reused]);
    expect(answer.body).toEqual({ lastSeq: 2, accepted: 1, duplicates: 0, deadLettered: 1 });
    // The projection follows what was stored: only the first event's call exists.
    const reusedCall = (reused.payload as CallRecord).id;
    const firstCall = (first.payload as CallRecord).id;
    const calls = await api.db.query<{ id: string }>('select id from calls where id = any($1::text[])', [
      [firstCall, reusedCall],
    ]);
    expect(calls.map((c) => c.id)).toEqual([firstCall]);
    // An id reused in a later batch, beside a valid event: the valid one is stored and projected.
    const later = d.event('call.started', callRecord({ id: ulid() }));
    const again = { ...d.event('call.started', callRecord({ id: ulid() })), id: first.id };
    const second = await push('operator', d.deviceId, [later, again]);
    expect(second.body).toEqual({ lastSeq: 4, accepted: 1, duplicates: 0, deadLettered: 1 });
    const stored = await api.db.query<{ id: string }>('select id from calls where id = any($1::text[])', [
      [(later.payload as CallRecord).id, (again.payload as CallRecord).id],
    ]);
    expect(stored.map((c) => c.id)).toEqual([(later.payload as CallRecord).id]);
    const [dead] = await api.db.query<{ n: number }>(
      'select count(*)::int4 as n from dead_letters where device_id = $1',
      [d.deviceId],
    );
    expect(dead?.n).toBe(2);
  });

  test('R07: the device endpoint tells where the server stands, 0 for a device it does not know', async () => {
    const d = device();
    await push('operator', d.deviceId, [d.event('call.started', callRecord({ id: ulid() }))]);
    const known = await api.request('GET', `/api/v1/sync/device/${d.deviceId}`, { as: 'operator' });
    expect(known.body).toEqual({ deviceId: d.deviceId, lastSeq: 1 });
    // After a restore from an older backup the server lacks the device: the client sees 0 < its
    // acknowledged sequence and uploads again what it still holds.
    await api.db.query('delete from events where device_id = $1', [d.deviceId]);
    await api.db.query('delete from devices where device_id = $1', [d.deviceId]);
    const restored = await api.request('GET', `/api/v1/sync/device/${d.deviceId}`, { as: 'operator' });
    expect(restored.body).toEqual({ deviceId: d.deviceId, lastSeq: 0 });
    // Another organisation learns nothing about the device.
    await push('operator', d.deviceId, [
      { ...d.event('call.started', callRecord({ id: ulid() })), seq: 1 },
    ] as OutboxEvent[]);
    const outsider = await api.request('GET', `/api/v1/sync/device/${d.deviceId}`, { as: 'outsider' });
    expect(outsider.body).toEqual({ deviceId: d.deviceId, lastSeq: 0 });
  });

  test('a device registered to another organisation is refused (403), nothing stored', async () => {
    const d = device();
    await push('operator', d.deviceId, [d.event('call.started', callRecord({ id: ulid() }))]);
    const answer = await push('outsider', d.deviceId, [d.event('call.started', callRecord({ id: ulid() }))]);
    expect(answer.status).toBe(403);
    expect(await stored(d.deviceId)).toEqual({ events: 1, dead: 0, last: 1 });
  });

  test('a device used by another operator of the organisation goes on with its sequence', async () => {
    const d = device();
    await push('operator', d.deviceId, [d.event('call.started', callRecord({ id: ulid() }))]);
    const answer = await push('operator2', d.deviceId, [d.event('call.started', callRecord({ id: ulid() }))]);
    expect(answer.body).toMatchObject({ lastSeq: 2, accepted: 1 });
    const [row] = await api.db.query<{ user_id: string }>('select user_id from devices where device_id = $1', [
      d.deviceId,
    ]);
    expect(row?.user_id).toBe(api.users.operator2.id);
  });

  test('R21: malformed, oversized and wrongly typed bodies answer 4xx with a message and store nothing', async () => {
    const d = device();
    const good = () => d.event('call.started', callRecord({ id: ulid() }));
    const tooMany = Array.from({ length: 600 }, (_, i) => ({ ...good(), seq: i + 1 }));
    const event = good();
    const cases: { name: string; body?: unknown; rawBody?: string; status: number }[] = [
      { name: 'not JSON', rawBody: '{"deviceId": ', status: 400 },
      { name: 'JSON null', rawBody: 'null', status: 400 },
      { name: 'an array', body: [event], status: 400 },
      { name: 'no events', body: { deviceId: d.deviceId, events: [] }, status: 400 },
      { name: '600 events', body: { deviceId: d.deviceId, events: tooMany }, status: 400 },
      { name: 'bad device id', body: { deviceId: 'device-1', events: [event] }, status: 400 },
      { name: 'events of another device', body: { deviceId: ulid(), events: [event] }, status: 400 },
      { name: 'negative seq', body: { deviceId: d.deviceId, events: [{ ...event, seq: -1 }] }, status: 400 },
      { name: 'seq as a string', body: { deviceId: d.deviceId, events: [{ ...event, seq: '1' }] }, status: 400 },
      { name: 'fractional seq', body: { deviceId: d.deviceId, events: [{ ...event, seq: 1.5 }] }, status: 400 },
      { name: 'at as a string', body: { deviceId: d.deviceId, events: [{ ...event, at: 'now' }] }, status: 400 },
      { name: 'events not an array', body: { deviceId: d.deviceId, events: 'all' }, status: 400 },
      {
        name: 'seq not consecutive',
        body: { deviceId: d.deviceId, events: [event, { ...good(), seq: 5 }] },
        status: 400,
      },
      { name: 'bad event id', body: { deviceId: d.deviceId, events: [{ ...event, id: 'x' }] }, status: 400 },
      { name: 'empty type', body: { deviceId: d.deviceId, events: [{ ...event, type: '' }] }, status: 400 },
      { name: '9 MB', rawBody: `{"deviceId":"${d.deviceId}","x":"${'a'.repeat(9 * 1024 * 1024)}"}`, status: 413 },
    ];
    for (const c of cases) {
      const answer = await api.request('POST', '/api/v1/sync/push', {
        as: 'operator',
        ...(c.rawBody === undefined ? { body: c.body } : { rawBody: c.rawBody }),
      });
      expect({ name: c.name, status: answer.status }).toEqual({ name: c.name, status: c.status });
      expect(typeof answer.body.error.message).toBe('string');
    }
    expect(await stored(d.deviceId)).toEqual({ events: 0, dead: 0, last: null });
    const badIds = await api.request('GET', '/api/v1/sync/device/not-a-ulid', { as: 'operator' });
    expect(badIds.status).toBe(400);
  });
});

function tagOf(typeId: string) {
  return { id: ulid(), typeId, at: T0 + 1000 };
}
