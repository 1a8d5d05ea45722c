// Applying one device's uploaded batch, exactly once (R01, R03): the device row is locked for the
// whole transaction, so concurrent identical pushes run one after the other and the second finds
// every event already stored. Sequence numbers are the device's own and strictly consecutive; a
// gap is refused whole (R04); an event that can never be valid is dead-lettered and the sequence
// moves past it, so it never blocks what follows (R05).
import type { PushAnswer } from '../../lib/schema/api';
import { EVENT_SCHEMA_VERSION, EventPayloads, type EventType } from '../../lib/schema/events';
import type { Database, Queryable } from '../db/database';
import { ApiFailure } from '../http/errors';
import type { EnvelopeEvent, PushEnvelope } from './envelope';
import { isStorable, storable, storableText } from './pg-text';
import { projectBatch } from './projection';

export interface Pusher {
  id: string;
  orgId: string;
  teamIds: string[];
}

type Verdict = { ok: true; type: EventType; payload: unknown } | { ok: false; reason: string };

/** Checks an event against the schema of its type; PushBody events always pass the envelope. */
function checkEvent(event: EnvelopeEvent): Verdict {
  if (!Object.hasOwn(EventPayloads, event.type)) return { ok: false, reason: `unknown event type "${event.type}"` };
  const type = event.type as EventType;
  if (event.schemaVersion > EVENT_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `schema version ${event.schemaVersion} is newer than this server's (${EVENT_SCHEMA_VERSION})`,
    };
  }
  const parsed = EventPayloads[type].safeParse(event.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    return { ok: false, reason: `invalid ${type} payload: ${problems}` };
  }
  if (!isStorable(parsed.data)) return { ok: false, reason: 'the payload holds a NUL character or broken text' };
  return { ok: true, type, payload: parsed.data };
}

/** Refuses batches that are malformed as a whole (400): nothing in them is looked at further. */
function checkBatch(body: PushEnvelope): void {
  const first = body.events[0];
  if (!first) throw new ApiFailure('bad_request', 'invalid body: events: the batch is empty');
  body.events.forEach((event, index) => {
    if (event.deviceId !== body.deviceId) {
      throw new ApiFailure('bad_request', `invalid body: events.${index}.deviceId: differs from the batch's deviceId`);
    }
    if (event.seq !== first.seq + index) {
      throw new ApiFailure('bad_request', `invalid body: events.${index}.seq: sequence numbers must be consecutive`);
    }
  });
}

/**
 * Stores a device's batch and applies it to the derived rows, in one transaction. Accepts a
 * PushBody (or the laxer PushEnvelope, see envelope.ts) and answers with what the server now holds.
 */
export async function applyPush(db: Database, user: Pusher, body: PushEnvelope, now: number): Promise<PushAnswer> {
  checkBatch(body);
  return db.transaction(async (tx) => {
    const lastSeq = await lockDevice(tx, user, body.deviceId, now);
    const fresh = body.events.filter((e) => e.seq > lastSeq);
    const duplicates = body.events.length - fresh.length;
    const [first] = fresh;
    if (first && first.seq !== lastSeq + 1) {
      throw new ApiFailure(
        'sequence_gap',
        `events ${lastSeq + 1}..${first.seq - 1} of this device are missing: send from ${lastSeq + 1}`,
        { expectedSeq: lastSeq + 1 },
      );
    }
    const teamId = user.teamIds[0] ?? null;
    const { stored, dead } = await storeEvents(tx, user, teamId, fresh, now);
    if (dead.length > 0) await storeDeadLetters(tx, user, dead, now);
    const newLastSeq = fresh.at(-1)?.seq ?? lastSeq;
    if (fresh.length > 0) {
      await tx.query('update devices set last_seq = $2, user_id = $3, updated_at = $4 where device_id = $1', [
        body.deviceId,
        newLastSeq,
        user.id,
        now,
      ]);
    }
    return { lastSeq: newLastSeq, accepted: stored, duplicates, deadLettered: dead.length };
  });
}

/** Registers the device on first sight and locks its row; answers its last stored sequence number. */
async function lockDevice(tx: Queryable, user: Pusher, deviceId: string, now: number): Promise<number> {
  // One statement registers a new device or locks the existing row (ON CONFLICT DO UPDATE takes the
  // row lock and, under concurrency, returns the row as the other transaction committed it).
  const [device] = await tx.query<{ org_id: string; last_seq: number }>(
    `insert into devices (device_id, org_id, user_id, last_seq, created_at, updated_at)
     values ($1, $2, $3, 0, $4, $4)
     on conflict (device_id) do update set updated_at = devices.updated_at
     returning org_id, last_seq`,
    [deviceId, user.orgId, user.id, now],
  );
  if (!device || device.org_id !== user.orgId) {
    throw new ApiFailure('forbidden', 'this device is registered to another organisation');
  }
  return device.last_seq;
}

/**
 * Checks, projects and stores the new events of a batch with a handful of statements (not a few
 * per event): ingest speed is a product goal. Answers how many were stored and which have to be
 * dead-lettered instead, with the reason.
 */
async function storeEvents(
  tx: Queryable,
  user: Pusher,
  teamId: string | null,
  fresh: readonly EnvelopeEvent[],
  now: number,
): Promise<{ stored: number; dead: { event: EnvelopeEvent; reason: string }[] }> {
  const dead: { event: EnvelopeEvent; reason: string }[] = [];
  const valid: { event: EnvelopeEvent; type: EventType; payload: unknown }[] = [];
  for (const event of fresh) {
    const verdict = checkEvent(event);
    if (verdict.ok) valid.push({ event, type: verdict.type, payload: verdict.payload });
    else dead.push({ event, reason: verdict.reason });
  }
  // Stored first, so the insert's own key check finds ids the server already has (under another
  // sequence number: a broken client) without a separate lookup.
  const inserted = await insertEvents(tx, user, teamId, valid, now);
  // An id the insert skipped (already stored, or twice in this batch) goes to the dead letters.
  const fresher: typeof valid = [];
  for (const item of valid) {
    if (inserted.delete(item.event.id)) fresher.push(item);
    else
      dead.push({
        event: item.event,
        reason: `event id ${item.event.id} is already stored under another sequence number`,
      });
  }
  const reasons = await projectBatch(
    tx,
    fresher.map((v) => ({
      type: v.type,
      payload: v.payload,
      orgId: user.orgId,
      userId: user.id,
      teamId,
      deviceId: v.event.deviceId,
    })),
  );
  // The projection refuses what can never apply (a call of another user…): out of the log again.
  const refused = fresher.flatMap((item, index) => {
    const reason = reasons[index];
    return reason ? [{ event: item.event, reason }] : [];
  });
  if (refused.length > 0) {
    await tx.query('delete from events where id = any($1::text[])', [refused.map((r) => r.event.id)]);
    dead.push(...refused);
  }
  dead.sort((a, b) => a.event.seq - b.event.seq);
  return { stored: fresher.length - refused.length, dead };
}

/** One multi-row INSERT in sequence order (so ingest_seq, the replay order, follows the device's). */
async function insertEvents(
  tx: Queryable,
  user: Pusher,
  teamId: string | null,
  valid: readonly { event: EnvelopeEvent; type: EventType; payload: unknown }[],
  now: number,
): Promise<Set<string>> {
  if (valid.length === 0) return new Set();
  const params: unknown[] = [];
  const values = valid.map(({ event, type, payload }) => {
    const n = params.length;
    params.push(
      event.id,
      event.deviceId,
      event.seq,
      user.orgId,
      user.id,
      teamId,
      type,
      event.at,
      event.schemaVersion,
      JSON.stringify(payload),
      now,
    );
    return `($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5},$${n + 6},$${n + 7},$${n + 8},$${n + 9},$${n + 10}::jsonb,$${n + 11})`;
  });
  const rows = await tx.query<{ id: string }>(
    `insert into events (id, device_id, seq, org_id, user_id, team_id, type, at, schema_version, payload, received_at)
     values ${values.join(',')} on conflict (id) do nothing returning id`,
    params,
  );
  return new Set(rows.map((r) => r.id));
}

async function storeDeadLetters(
  tx: Queryable,
  user: Pusher,
  dead: readonly { event: EnvelopeEvent; reason: string }[],
  now: number,
): Promise<void> {
  const rows = dead.map(({ event, reason }) => ({
    device_id: event.deviceId,
    seq: event.seq,
    event_id: event.id,
    org_id: user.orgId,
    user_id: user.id,
    type: storableText(event.type),
    schema_version: event.schemaVersion,
    payload: event.payload === undefined ? null : storable(event.payload),
    reason: storableText(reason.slice(0, 2000)),
    received_at: now,
  }));
  await tx.query(
    `insert into dead_letters (device_id, seq, event_id, org_id, user_id, type, schema_version, payload, reason,
                               received_at)
     select device_id, seq, event_id, org_id, user_id, type, schema_version, payload, reason, received_at
       from jsonb_to_recordset($1::jsonb) as x(device_id text, seq bigint, event_id text, org_id text, user_id text,
            type text, schema_version int, payload jsonb, reason text, received_at bigint)`,
    [JSON.stringify(rows)],
  );
}
