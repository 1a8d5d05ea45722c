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
import { storable, storableJson, storableText } from './pg-text';
import { projectBatch } from './projection';

export interface Pusher {
  id: string;
  orgId: string;
  teamIds: string[];
}

/** A checked event: its parsed payload and that payload's JSON text (what is stored), or why not. */
type Verdict = { ok: true; type: EventType; payload: unknown; json: string } | { ok: false; reason: string };

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
  // Serialised once here: the same text is what the insert sends.
  const json = storableJson(parsed.data);
  if (json === null) return { ok: false, reason: 'the payload holds a NUL character or broken text' };
  return { ok: true, type, payload: parsed.data, json };
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

type Checked = { event: EnvelopeEvent; verdict: Verdict };
type Valid = { event: EnvelopeEvent; type: EventType; payload: unknown; json: string };

/**
 * Stores a device's batch and applies it to the derived rows, in one transaction. Accepts a
 * PushBody (or the laxer PushEnvelope, see envelope.ts) and answers with what the server now holds.
 */
export async function applyPush(db: Database, user: Pusher, body: PushEnvelope, now: number): Promise<PushAnswer> {
  checkBatch(body);
  // Checking is pure: done before the transaction, so the device row is locked only for the writes.
  const checked: Checked[] = body.events.map((event) => ({ event, verdict: checkEvent(event) }));
  return db.transaction(async (tx) => {
    const lastSeq = await lockDevice(tx, user, body.deviceId, now);
    const fresh = checked.filter((c) => c.event.seq > lastSeq);
    const duplicates = body.events.length - fresh.length;
    const first = fresh[0]?.event;
    if (first && first.seq !== lastSeq + 1) {
      throw new ApiFailure(
        'sequence_gap',
        `events ${lastSeq + 1}..${first.seq - 1} of this device are missing: send from ${lastSeq + 1}`,
        { expectedSeq: lastSeq + 1 },
      );
    }
    const newLastSeq = fresh.at(-1)?.event.seq ?? lastSeq;
    if (fresh.length === 0) return { lastSeq, accepted: 0, duplicates, deadLettered: 0 };
    const teamId = user.teamIds[0] ?? null;
    const { stored, dead } = await storeEvents(tx, user, teamId, body.deviceId, fresh, newLastSeq, now);
    if (dead.length > 0) await storeDeadLetters(tx, user, dead, now);
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
 * Stores and projects the new events of a batch with a handful of statements (not a few per
 * event): ingest speed is a product goal. Answers how many were stored and which have to be
 * dead-lettered instead, with the reason.
 */
async function storeEvents(
  tx: Queryable,
  user: Pusher,
  teamId: string | null,
  deviceId: string,
  fresh: readonly Checked[],
  newLastSeq: number,
  now: number,
): Promise<{ stored: number; dead: { event: EnvelopeEvent; reason: string }[] }> {
  const dead: { event: EnvelopeEvent; reason: string }[] = [];
  const valid: Valid[] = [];
  for (const { event, verdict } of fresh) {
    if (verdict.ok) valid.push({ event, type: verdict.type, payload: verdict.payload, json: verdict.json });
    else dead.push({ event, reason: verdict.reason });
  }
  // Stored first, so the insert's own key check finds ids the server already has (under another
  // sequence number: a broken client) without a separate lookup.
  const skipped = await insertEvents(tx, user, teamId, deviceId, valid, newLastSeq, now);
  // An id the insert skipped (already stored, or twice in this batch) goes to the dead letters.
  const fresher = skipped.size === 0 ? valid : valid.filter((item) => !skipped.has(item.event.seq));
  for (const item of valid) {
    if (skipped.has(item.event.seq)) {
      dead.push({
        event: item.event,
        reason: `event id ${item.event.id} is already stored under another sequence number`,
      });
    }
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

/**
 * Inserts the valid events in sequence order (so ingest_seq, the replay order, follows the
 * device's) and moves the device's last_seq past the whole batch, in one statement. The rows travel
 * as one array per column and the payloads as one JSON array made of the texts checkEvent already
 * serialised, zipped back into rows by ROWS FROM: a 500-event batch is a short statement with six
 * parameters, cheaper to send, parse and plan than 5 500 bind parameters, and no payload is
 * serialised twice or escaped into an array literal. Answers the sequence numbers the insert
 * skipped because their id is already stored; normally none, so the statement returns only a count
 * and the rare skip is looked up afterwards.
 */
async function insertEvents(
  tx: Queryable,
  user: Pusher,
  teamId: string | null,
  deviceId: string,
  valid: readonly Valid[],
  newLastSeq: number,
  now: number,
): Promise<Set<number>> {
  const [result] = await tx.query<{ inserted: number }>(
    `with moved as (
       update devices set last_seq = $7, user_id = $3, updated_at = $6 where device_id = $1
     ), stored as (
       insert into events (id, device_id, seq, org_id, user_id, team_id, type, at, schema_version, payload,
                           received_at)
       select id, $1::text, seq, $2::text, $3::text, $4::text, type, at, schema_version, payload, $6::int8
         from rows from (unnest($5::text[]), unnest($8::int8[]), unnest($9::text[]), unnest($10::int8[]),
                         unnest($11::int4[]), jsonb_array_elements($12::jsonb))
              as x(id, seq, type, at, schema_version, payload)
       on conflict (id) do nothing
       returning 1
     )
     select count(*)::int4 as inserted from stored`,
    [
      deviceId,
      user.orgId,
      user.id,
      teamId,
      valid.map((v) => v.event.id),
      now,
      newLastSeq,
      valid.map((v) => v.event.seq),
      valid.map((v) => v.type),
      valid.map((v) => v.event.at),
      valid.map((v) => v.event.schemaVersion),
      `[${valid.map((v) => v.json).join(',')}]`,
    ],
  );
  if ((result?.inserted ?? 0) === valid.length) return new Set();
  // Which of this batch's sequence numbers are now stored: this transaction holds the device row, so
  // no one else stores events of the device meanwhile.
  const rows = await tx.query<{ seq: number }>(
    'select seq from events where device_id = $1 and seq = any($2::int8[])',
    [deviceId, valid.map((v) => v.event.seq)],
  );
  const storedSeqs = new Set(rows.map((r) => r.seq));
  return new Set(valid.map((v) => v.event.seq).filter((seq) => !storedSeqs.has(seq)));
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
