// Applying one device's uploaded batch, exactly once (R01, R03): the device row is locked for the
// whole transaction, so concurrent identical pushes run one after the other and the second finds
// every event already stored. Sequence numbers are the device's own and strictly consecutive; a
// gap is refused whole (R04); an event that can never be valid is dead-lettered and the sequence
// moves past it, so it never blocks what follows (R05).
import type { PushAnswer } from '../../lib/schema/api';
import { EVENT_SCHEMA_VERSION, type EventType } from '../../lib/schema/events';
import type { Database, Queryable } from '../db/database';
import { ApiFailure } from '../http/errors';
import { CompiledPayloads, type EnvelopeEvent, isEventType, type PushEnvelope } from './envelope';
import { storable, storableJson, storableText } from './pg-text';
import {
  envelopeKeys,
  keysCover,
  loadBatch,
  type ProjectedEvent,
  planBatch,
  projectBatch,
  writeBatch,
} from './projection';

export interface Pusher {
  id: string;
  orgId: string;
  teamIds: string[];
}

/** A checked event: its parsed payload and that payload's JSON text (what is stored), or why not. */
type Verdict = { ok: true; type: EventType; payload: unknown; json: string } | { ok: false; reason: string };

/** Checks an event against the schema of its type; PushBody events always pass the envelope. */
function checkEvent(event: EnvelopeEvent): Verdict {
  const type = event.type;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type "${type}"` };
  if (event.schemaVersion > EVENT_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `schema version ${event.schemaVersion} is newer than this server's (${EVENT_SCHEMA_VERSION})`,
    };
  }
  const parsed = CompiledPayloads[type].safeParse(event.payload);
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
type Dead = { event: EnvelopeEvent; reason: string };

/**
 * Thrown inside the pipelined transaction when its plan cannot stand: the events insert skipped an
 * id (already stored under another sequence number: a broken client, or an id twice in one batch),
 * or, never expected, a checked event has a key the early read missed. The transaction rolls back
 * and the batch is applied step by step.
 */
class Replan extends Error {}

/**
 * Stores a device's batch and applies it to the derived rows, in one transaction. Accepts a
 * PushBody (or the laxer PushEnvelope, see envelope.ts) and answers with what the server now holds.
 */
export async function applyPush(db: Database, user: Pusher, body: PushEnvelope, now: number): Promise<PushAnswer> {
  checkBatch(body);
  const push: Push = { user, teamId: user.teamIds[0] ?? null, deviceId: body.deviceId, events: body.events, now };
  try {
    return await db.transaction((tx) => applyPipelined(tx, push));
  } catch (error) {
    if (!(error instanceof Replan)) throw error;
    return db.transaction((tx) => applyStepByStep(tx, push));
  }
}

interface Push {
  user: Pusher;
  teamId: string | null;
  deviceId: string;
  events: readonly EnvelopeEvent[];
  now: number;
  /** The events checked against their payload schemas, once (see `checkedOf`). */
  checked?: readonly Checked[];
}

/**
 * The batch's events checked, on first need. Checking is pure and takes a few milliseconds for a
 * full batch: the pipelined path does it while its first round trip is out, and a replan reuses it.
 */
function checkedOf(push: Push): readonly Checked[] {
  push.checked ??= push.events.map((event) => ({ event, verdict: checkEvent(event) }));
  return push.checked;
}

/** The batch's part after what the device already stored, split into valid and dead-lettered. */
interface Fresh {
  lastSeq: number;
  newLastSeq: number;
  duplicates: number;
  valid: Valid[];
  dead: Dead[];
}

/** Refuses a gap (R04); answers null when the server already has the whole batch. */
function freshPart(push: Push, lastSeq: number): Fresh | null {
  const checked = checkedOf(push);
  const fresh = checked.filter((c) => c.event.seq > lastSeq);
  const first = fresh[0]?.event;
  if (first && first.seq !== lastSeq + 1) {
    throw new ApiFailure(
      'sequence_gap',
      `events ${lastSeq + 1}..${first.seq - 1} of this device are missing: send from ${lastSeq + 1}`,
      { expectedSeq: lastSeq + 1 },
    );
  }
  if (fresh.length === 0) return null;
  const valid: Valid[] = [];
  const dead: Dead[] = [];
  for (const { event, verdict } of fresh) {
    if (verdict.ok) valid.push({ event, type: verdict.type, payload: verdict.payload, json: verdict.json });
    else dead.push({ event, reason: verdict.reason });
  }
  const newLastSeq = fresh.at(-1)?.event.seq ?? lastSeq;
  return { lastSeq, newLastSeq, duplicates: checked.length - fresh.length, valid, dead };
}

function projected(push: Push, item: { type: EventType; payload: unknown; event: EnvelopeEvent }): ProjectedEvent {
  return {
    type: item.type,
    payload: item.payload,
    orgId: push.user.orgId,
    userId: push.user.id,
    teamId: push.teamId,
    deviceId: item.event.deviceId,
  };
}

function answer(fresh: Fresh, stored: number, dead: Dead[]): PushAnswer {
  return { lastSeq: fresh.newLastSeq, accepted: stored, duplicates: fresh.duplicates, deadLettered: dead.length };
}

/**
 * The usual path, in three round trips: (1) lock the device and read the batch's calls, sent
 * together, and check the events while they are out; (2) plan the projection in memory, then send
 * the events insert, the projected rows and any dead letters together; (3) commit. Round trips,
 * not rows, are what a push mostly waits for.
 */
async function applyPipelined(tx: Queryable, push: Push): Promise<PushAnswer> {
  // Keys from every event as sent: events the server already has, or invalid ones, only make it
  // read (and lock) a few more rows, and the read need not wait for the device's last sequence
  // number nor for the checks.
  const keys = envelopeKeys(push.user.orgId, push.events);
  const device = lockDevice(tx, push.user, push.deviceId, push.now);
  const reading = loadBatch(tx, keys);
  // Not awaited when the device check throws: the transaction rolls back, nobody reads the result.
  reading.catch(() => {});
  checkedOf(push);
  const lastSeq = await device;
  const fresh = freshPart(push, lastSeq);
  if (!fresh) return { lastSeq, accepted: 0, duplicates: push.events.length, deadLettered: 0 };
  const events = fresh.valid.map((v) => projected(push, v));
  // Never expected (checking keeps ids as they came), but a plan on rows it did not read is wrong.
  if (!keysCover(keys, events)) throw new Replan('a checked event has a key the read did not cover');
  const { reasons, writes } = planBatch(await reading, events);
  // What the projection refuses (a call of another user…) is dead-lettered instead of stored.
  const accepted = fresh.valid.filter((_, index) => reasons[index] === null);
  const dead = [
    ...fresh.dead,
    ...fresh.valid.flatMap((item, index) => {
      const reason = reasons[index];
      return reason ? [{ event: item.event, reason }] : [];
    }),
  ].sort((a, b) => a.event.seq - b.event.seq);
  const [inserted] = await Promise.all([
    insertEvents(tx, push, accepted, fresh.newLastSeq),
    writeBatch(tx, writes),
    dead.length > 0 ? storeDeadLetters(tx, push.user, dead, push.now) : null,
  ]);
  if (inserted !== accepted.length) throw new Replan('an event id of this batch is already stored');
  return answer(fresh, accepted.length, dead);
}

/**
 * The careful path, for the rare batch with an event id the server already holds under another
 * sequence number: stored first, so the insert's own key check finds those ids, then projected
 * without them.
 */
async function applyStepByStep(tx: Queryable, push: Push): Promise<PushAnswer> {
  const lastSeq = await lockDevice(tx, push.user, push.deviceId, push.now);
  const fresh = freshPart(push, lastSeq);
  if (!fresh) return { lastSeq, accepted: 0, duplicates: push.events.length, deadLettered: 0 };
  const { valid } = fresh;
  const dead = [...fresh.dead];
  await insertEvents(tx, push, valid, fresh.newLastSeq);
  const skipped = await skippedSeqs(tx, push.deviceId, valid);
  const stored = valid.filter((item) => !skipped.has(item.event.seq));
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
    stored.map((v) => projected(push, v)),
  );
  // The projection refuses what can never apply (a call of another user…): out of the log again.
  const refused = stored.flatMap((item, index) => {
    const reason = reasons[index];
    return reason ? [{ event: item.event, reason }] : [];
  });
  if (refused.length > 0) {
    await tx.query('delete from events where id = any($1::text[])', [refused.map((r) => r.event.id)]);
    dead.push(...refused);
  }
  dead.sort((a, b) => a.event.seq - b.event.seq);
  if (dead.length > 0) await storeDeadLetters(tx, push.user, dead, push.now);
  return answer(fresh, stored.length - refused.length, dead);
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
 * Inserts the events in sequence order (so ingest_seq, the replay order, follows the device's) and
 * moves the device's last_seq past the whole batch, in one statement. The rows travel as one array
 * per column and the payloads as one JSON array made of the texts checkEvent already serialised,
 * zipped back into rows by ROWS FROM: a 500-event batch is a short statement with a dozen
 * parameters, cheaper to send, parse and plan than 5 500 bind parameters, and no payload is
 * serialised twice or escaped into an array literal. Answers how many rows it inserted: fewer than
 * given when an id is already stored.
 */
async function insertEvents(tx: Queryable, push: Push, valid: readonly Valid[], newLastSeq: number): Promise<number> {
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
      push.deviceId,
      push.user.orgId,
      push.user.id,
      push.teamId,
      valid.map((v) => v.event.id),
      push.now,
      newLastSeq,
      valid.map((v) => v.event.seq),
      valid.map((v) => v.type),
      valid.map((v) => v.event.at),
      valid.map((v) => v.event.schemaVersion),
      `[${valid.map((v) => v.json).join(',')}]`,
    ],
  );
  return result?.inserted ?? 0;
}

/**
 * The sequence numbers of `valid` that are not stored after the insert: their id was already there.
 * This transaction holds the device row, so no one else stores events of the device meanwhile.
 */
async function skippedSeqs(tx: Queryable, deviceId: string, valid: readonly Valid[]): Promise<Set<number>> {
  const rows = await tx.query<{ seq: number }>(
    'select seq from events where device_id = $1 and seq = any($2::int8[])',
    [deviceId, valid.map((v) => v.event.seq)],
  );
  const storedSeqs = new Set(rows.map((r) => r.seq));
  return new Set(valid.map((v) => v.event.seq).filter((seq) => !storedSeqs.has(seq)));
}

async function storeDeadLetters(tx: Queryable, user: Pusher, dead: readonly Dead[], now: number): Promise<void> {
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
