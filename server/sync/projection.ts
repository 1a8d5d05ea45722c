// Turns stored events into the rows reports read (calls with their type and outcomes, call_tags;
// call_objections, call_outcomes and feedback in projection-objections.ts, projection-outcomes.ts
// and projection-feedback.ts; the daily rollup call_days in projection-days.ts). The events table is the source of truth; these rows can be dropped
// and rebuilt by replaying events in arrival order, which gives exactly the rows the live
// projection made (same checks, same order).
import {
  type CallOutcome,
  type CallRecord,
  type CallScript,
  type CallTag,
  EMPTY_SCRIPT,
  SALE_KINDS,
} from '../../lib/schema/call';
import type { EventType } from '../../lib/schema/events';
import type { Database, Queryable } from '../db/database';
import { addDaysSql, type DayDelta, type DayFacts, planDays, rebuildDays, saleTotals } from './projection-days';
import { type FeedbackRow, feedbackCallId, planFeedback, writeFeedback } from './projection-feedback';
import { type ObjectionWrites, planObjections, writeObjections } from './projection-objections';
import {
  claimOutcomes,
  type OutcomeOwners,
  type OutcomeWrites,
  planOutcomes,
  writeOutcomes,
} from './projection-outcomes';

/** An event as it is (or is about to be) stored, payload already parsed for its type. */
export interface ProjectedEvent {
  type: EventType;
  payload: unknown;
  orgId: string;
  userId: string;
  teamId: string | null;
  deviceId: string;
}

/** A call row as the batch projector holds it in memory while it works through a batch. */
interface CallState {
  id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  device_id: string;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
  direction: string;
  source: string;
  caller_number: string | null;
  subscriber: unknown;
  versions: unknown;
  /**
   * Set only when a record applied in this batch; the stored script is kept otherwise (written as
   * JSON null, which the upsert reads as "keep": NOT NULL is checked before ON CONFLICT).
   */
  script?: CallScript;
  /**
   * Set only when a record carrying outcomes applied in this batch ([] for a call first stored by
   * it); the stored outcomes are kept otherwise, like the script (projection-outcomes.ts).
   */
  outcomes?: CallOutcome[];
  /** The outcome ids this call holds in call_outcomes, as far as the batch knows. */
  outcomeIds: Set<string>;
  /** Loaded: the stored row had outcomes (so call_outcomes may hold rows of it). */
  had_outcomes?: boolean;
  /** Loaded: the stored calls.type_id. */
  type_id?: string | null;
  /** What the stored row contributed to call_days (undefined: a call this batch stores first). */
  stored?: DayFacts;
  updated_at: number;
  tags: Map<string, { typeId: string; at: number }>;
  /** The tags call_tags held when the batch started: only the difference is written back. */
  storedTags: Map<string, { typeId: string; at: number }>;
  dirty: boolean;
}

function callIdOf(event: ProjectedEvent): string | null {
  switch (event.type) {
    case 'call.started':
    case 'call.updated':
    case 'call.ended':
      return (event.payload as CallRecord).id;
    case 'call.tagged':
    case 'call.untagged':
      return (event.payload as { callId: string }).callId;
    case 'feedback.no_answer':
      return feedbackCallId(event);
    default:
      return null;
  }
}

function outcomeIdsOf(event: ProjectedEvent): string[] {
  switch (event.type) {
    case 'call.started':
    case 'call.updated':
    case 'call.ended':
      return (event.payload as CallRecord).outcomes?.map((o) => o.id) ?? [];
    default:
      return [];
  }
}

function tagIdsOf(event: ProjectedEvent): string[] {
  switch (event.type) {
    case 'call.started':
    case 'call.updated':
    case 'call.ended':
      return (event.payload as CallRecord).tags.map((t) => t.id);
    case 'call.tagged':
      return [(event.payload as { tag: CallTag }).tag.id];
    default:
      return [];
  }
}

/** The rows a batch may touch: its calls, and the tag and outcome ids it mentions. */
export interface BatchKeys {
  orgIds: string[];
  callIds: string[];
  tagIds: string[];
  outcomeIds: string[];
}

export function batchKeys(events: readonly ProjectedEvent[]): BatchKeys {
  return {
    orgIds: [...new Set(events.map((e) => e.orgId))],
    callIds: [...new Set(events.map(callIdOf).filter((id): id is string => id !== null))],
    tagIds: [...new Set(events.flatMap(tagIdsOf))],
    outcomeIds: [...new Set(events.flatMap(outcomeIdsOf))],
  };
}

/** An id worth a lookup: a short string. Anything else in an unchecked payload is no key. */
const isKey = (value: unknown): value is string => typeof value === 'string' && value.length <= 100;

/**
 * The keys of a batch as it was sent, before the payloads are checked (apply.ts reads the rows
 * while it checks). The same lookups as `batchKeys`, made safe for any payload: an invalid event
 * adds at most a key or two, rows read for nothing. Checking changes no id, so the keys of the
 * batch's valid events are among these; `keysCover` confirms it before a plan relies on them.
 */
export function envelopeKeys(orgId: string, events: readonly { type: string; payload: unknown }[]): BatchKeys {
  const callIds = new Set<string>();
  const tagIds = new Set<string>();
  const outcomeIds = new Set<string>();
  for (const { type, payload } of events) {
    const event = { type, payload } as ProjectedEvent;
    try {
      const callId = callIdOf(event);
      if (isKey(callId)) callIds.add(callId);
      for (const id of tagIdsOf(event)) if (isKey(id)) tagIds.add(id);
      for (const id of outcomeIdsOf(event)) if (isKey(id)) outcomeIds.add(id);
    } catch {
      // A payload of the wrong shape: it will be dead-lettered, and has no keys.
    }
  }
  return { orgIds: [orgId], callIds: [...callIds], tagIds: [...tagIds], outcomeIds: [...outcomeIds] };
}

/** Whether `keys` holds every key of `events`: a plan on rows read for `keys` sees all they touch. */
export function keysCover(keys: BatchKeys, events: readonly ProjectedEvent[]): boolean {
  const calls = new Set(keys.callIds);
  const tags = new Set(keys.tagIds);
  const outcomes = new Set(keys.outcomeIds);
  const orgs = new Set(keys.orgIds);
  return events.every((event) => {
    const callId = callIdOf(event);
    return (
      orgs.has(event.orgId) &&
      (callId === null || calls.has(callId)) &&
      tagIdsOf(event).every((id) => tags.has(id)) &&
      outcomeIdsOf(event).every((id) => outcomes.has(id))
    );
  });
}

/** The stored rows of a batch's calls, as the planner works on them. */
export interface LoadedBatch {
  calls: Map<string, CallState>;
  /** Which call each tag id belongs to, so a tag id is never claimed by two calls. */
  tagOwner: Map<string, string>;
  /** Which call each outcome id the batch mentions belongs to, the same way. */
  outcomeOwner: OutcomeOwners;
  /** The organisations' time zones, for call_days; null when the batch leaves call_days alone. */
  timeZones: Map<string, string> | null;
}

/** What a planned batch writes. */
export interface BatchWrites {
  calls: CallState[];
  objections: ObjectionWrites;
  outcomes: OutcomeWrites;
  feedback: FeedbackRow[];
  days: DayDelta[];
}

/** rollup: false leaves call_days alone (rebuildProjections computes it once at the end instead). */
export interface ProjectOptions {
  rollup?: boolean;
}

/**
 * Applies a batch of events, in order, to the derived rows, and answers per event null (applied)
 * or the reason it can never apply (it then changes nothing): a call or tag of another user or
 * organisation, or a tag on a call the server never received.
 *
 * Set-based on purpose, in three steps that apply.ts interleaves with storing the events: the rows
 * the batch touches are read (and locked) with two statements sent together (`loadBatch`), the
 * batch is worked through in memory with exactly the rules an event-at-a-time projection would
 * apply (`planBatch`, pure), and only the changed rows are written back, with statements sent
 * without waiting for each other (`writeBatch`). Ingest speed is a product goal (bench:
 * `ingest_ratio`): a 500-event batch costs a few round trips instead of thousands.
 */
export async function projectBatch(
  tx: Queryable,
  events: readonly ProjectedEvent[],
  options: ProjectOptions = {},
): Promise<(string | null)[]> {
  const loaded = await loadBatch(tx, batchKeys(events), options);
  const { reasons, writes } = planBatch(loaded, events);
  await writeBatch(tx, writes);
  return reasons;
}

/** The loaded calls' tags, and whichever call owns a tag id the batch mentions. */
const TAGS_SQL =
  'select tag_id, call_id, type_id, at from call_tags where call_id = any($1::text[]) or tag_id = any($2::text[])';

/**
 * The same, and whichever call holds an outcome id the batch mentions (type_id null marks those
 * rows): one statement still, and the plain one for the many batches that carry no outcomes.
 */
const TAGS_AND_OUTCOMES_SQL = `${TAGS_SQL}
  union all
  select outcome_id, call_id, null, null from call_outcomes where outcome_id = any($3::text[])`;

/**
 * The organisations' time zones for call_days ride on the same statement (tag_id null marks those
 * rows: call_id holds the organisation, type_id its zone), so the rollup costs the load no round trip.
 */
const zonesSql = (param: number) =>
  `union all select null, id, time_zone, null from organisations where id = any($${param}::text[])`;

/**
 * What a stored call contributes to call_days: its sale outcome rows, read only for calls stored with
 * outcomes (the CASE skips the lookup for the others, most calls).
 */
const STORED_SALES_SQL = `case when outcomes <> '[]'::jsonb then (select count(*) from call_outcomes o
           where o.call_id = calls.id and o.kind = any($2::text[])) else 0 end as stored_sales,
         case when outcomes <> '[]'::jsonb then (select coalesce(sum(o.monthly), 0) from call_outcomes o
           where o.call_id = calls.id and o.kind = any($2::text[])) else 0 end as stored_revenue`;

type LoadedRow = Omit<CallState, 'tags' | 'storedTags' | 'outcomeIds' | 'dirty' | 'stored'> & {
  stored_sales?: number;
  stored_revenue?: number;
};

export async function loadBatch(tx: Queryable, keys: BatchKeys, options: ProjectOptions = {}): Promise<LoadedBatch> {
  const tagOwner = new Map<string, string>();
  const outcomeOwner: OutcomeOwners = new Map();
  const rollup = options.rollup ?? true;
  if (keys.callIds.length === 0) return { calls: new Map(), tagOwner, outcomeOwner, timeZones: null };
  // FOR UPDATE: two devices of one operator may push about the same call at once; the second
  // transaction waits and then sees the first one's rows. Both reads are sent at once: the tags'
  // calls are the calls the first one reads (a tag row never outlives its call row).
  const withOutcomes = keys.outcomeIds.length > 0;
  const tagsSql = withOutcomes ? TAGS_AND_OUTCOMES_SQL : TAGS_SQL;
  const tagsParams: unknown[] = withOutcomes
    ? [keys.callIds, keys.tagIds, keys.outcomeIds]
    : [keys.callIds, keys.tagIds];
  if (rollup) tagsParams.push(keys.orgIds);
  const [rows, tags] = await Promise.all([
    tx.query<LoadedRow>(
      `select id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction, source,
              caller_number, subscriber, versions, updated_at, outcomes <> '[]'::jsonb as had_outcomes, type_id
              ${rollup ? `, ${STORED_SALES_SQL}` : ''}
         from calls where id = any($1::text[]) order by id for update`,
      rollup ? [keys.callIds, [...SALE_KINDS]] : [keys.callIds],
    ),
    tx.query<{ tag_id: string | null; call_id: string; type_id: string | null; at: number | null }>(
      rollup ? `${tagsSql}\n  ${zonesSql(tagsParams.length)}` : tagsSql,
      tagsParams,
    ),
  ]);
  const timeZones = rollup ? new Map<string, string>() : null;
  const calls = new Map<string, CallState>(
    rows.map(({ stored_sales, stored_revenue, ...row }) => [
      row.id,
      {
        ...row,
        stored: {
          startedAt: row.started_at,
          durationMs: row.duration_ms,
          typeId: row.type_id ?? null,
          sales: stored_sales ?? 0,
          revenue: stored_revenue ?? 0,
        },
        tags: new Map(),
        storedTags: new Map(),
        outcomeIds: new Set(),
        dirty: false,
      },
    ]),
  );
  for (const tag of tags) {
    if (tag.tag_id === null) {
      timeZones?.set(tag.call_id, tag.type_id!);
      continue;
    }
    const call = calls.get(tag.call_id);
    if (tag.type_id === null) {
      outcomeOwner.set(tag.tag_id, tag.call_id);
      call?.outcomeIds.add(tag.tag_id);
      continue;
    }
    tagOwner.set(tag.tag_id, tag.call_id);
    if (!call) continue;
    call.tags.set(tag.tag_id, { typeId: tag.type_id, at: tag.at! });
    call.storedTags.set(tag.tag_id, { typeId: tag.type_id, at: tag.at! });
  }
  return { calls, tagOwner, outcomeOwner, timeZones };
}

/**
 * Works the batch through the loaded rows in memory. Pure apart from updating `loaded`, which is
 * used once: apply.ts plans again on freshly loaded rows if it has to.
 */
export function planBatch(
  loaded: LoadedBatch,
  events: readonly ProjectedEvent[],
): { reasons: (string | null)[]; writes: BatchWrites } {
  const { calls } = loaded;
  const preexisting = new Set(calls.keys());
  const reasons = events.map((event) => projectOne(loaded, event));
  const feedback = planFeedback(events, reasons, calls, preexisting);
  const dirty = [...calls.values()].filter((c) => c.dirty);
  const outcomes = planOutcomes(calls.values());
  return {
    reasons,
    writes: {
      calls: dirty,
      objections: planObjections(calls.values(), preexisting),
      outcomes,
      feedback,
      days: loaded.timeZones === null ? [] : planCallDays(dirty, outcomes, loaded.timeZones),
    },
  };
}

/** organisations.time_zone's default (004_plan.sql), for an organisation the batch could not read. */
const DEFAULT_ORG_TIME_ZONE = 'Europe/Moscow';

/** The call_days deltas of the written calls: sales from the rows the batch writes, else as stored. */
function planCallDays(dirty: readonly CallState[], outcomes: OutcomeWrites, zones: Map<string, string>): DayDelta[] {
  const sold = saleTotals(outcomes.rows);
  return planDays(
    dirty.map((call) => {
      const sales = call.outcomes === undefined ? call.stored : sold.get(call.id);
      return {
        orgId: call.org_id,
        userId: call.user_id,
        teamId: call.team_id,
        before: call.stored ?? null,
        after: {
          startedAt: call.started_at,
          durationMs: call.duration_ms,
          typeId: sortedTags(call).at(-1)?.typeId ?? null,
          sales: sales?.sales ?? 0,
          revenue: sales?.revenue ?? 0,
        },
      };
    }),
    (orgId) => zones.get(orgId) ?? DEFAULT_ORG_TIME_ZONE,
  );
}

/** Sends a planned batch's writes in order, without waiting for one before sending the next. */
export async function writeBatch(tx: Queryable, writes: BatchWrites): Promise<void> {
  await Promise.all([
    writeCalls(tx, writes.calls, writes.days),
    writeObjections(tx, writes.objections),
    writeOutcomes(tx, writes.outcomes),
    writeFeedback(tx, writes.feedback),
  ]);
}

function ownedByOther(call: CallState, event: ProjectedEvent): boolean {
  return call.org_id !== event.orgId || call.user_id !== event.userId;
}

function projectOne(loaded: LoadedBatch, event: ProjectedEvent) {
  const { calls, tagOwner } = loaded;
  switch (event.type) {
    case 'call.started':
    case 'call.updated':
    case 'call.ended':
      return upsertCall(loaded, event, event.payload as CallRecord);
    case 'call.tagged': {
      const { callId, tag } = event.payload as { callId: string; tag: CallTag };
      const call = calls.get(callId);
      if (!call) return 'tag for a call the server never received';
      if (ownedByOther(call, event)) return 'the call belongs to another user';
      const owner = tagOwner.get(tag.id);
      if (owner !== undefined && owner !== callId) return 'the tag id is already used by another call';
      call.tags.set(tag.id, { typeId: tag.typeId, at: tag.at });
      tagOwner.set(tag.id, callId);
      call.dirty = true;
      return null;
    }
    case 'call.untagged': {
      const { callId, tagId } = event.payload as { callId: string; tagId: string };
      const call = calls.get(callId);
      if (!call) return 'untag for a call the server never received';
      if (ownedByOther(call, event)) return 'the call belongs to another user';
      // Removing a tag that is already gone is fine: the outcome is the same.
      if (call.tags.delete(tagId)) {
        tagOwner.delete(tagId);
        call.dirty = true;
      }
      return null;
    }
    default:
      // A type stored by a newer server version that this one does not project.
      return null;
  }
}

function upsertCall(loaded: LoadedBatch, event: ProjectedEvent, record: CallRecord): string | null {
  const { calls, tagOwner } = loaded;
  let call = calls.get(record.id);
  if (call && ownedByOther(call, event)) return 'the call belongs to another user';
  // Only a record at least as new as the stored one wins: a late, older upload never rewinds a call.
  if (call && call.updated_at > record.updatedAt) return null;
  if (!call) {
    // team_id and device_id stay those of the first upload (where the call was made).
    call = {
      id: record.id,
      org_id: event.orgId,
      user_id: event.userId,
      team_id: event.teamId,
      device_id: event.deviceId,
      tags: new Map(),
      storedTags: new Map(),
      // The row is new: "keep the stored outcomes" means none.
      outcomes: [] as CallOutcome[],
      outcomeIds: new Set<string>(),
    } as CallState;
    calls.set(record.id, call);
  }
  Object.assign(call, {
    started_at: record.startedAt,
    ended_at: record.endedAt,
    duration_ms: record.durationMs,
    direction: record.direction,
    source: record.source,
    caller_number: record.callerNumber,
    subscriber: record.subscriber,
    versions: record.versions,
    script: record.script ?? EMPTY_SCRIPT,
    updated_at: record.updatedAt,
    dirty: true,
  });
  // The record's tag list is the call's full tag set at updatedAt; a tag id that belongs to
  // another call keeps belonging to that one.
  for (const tagId of call.tags.keys()) tagOwner.delete(tagId);
  call.tags = new Map();
  for (const tag of record.tags) {
    const owner = tagOwner.get(tag.id);
    if (owner !== undefined && owner !== call.id) continue;
    call.tags.set(tag.id, { typeId: tag.typeId, at: tag.at });
    tagOwner.set(tag.id, call.id);
  }
  // A record without outcomes (an older client) keeps what the call has; one with them replaces it.
  if (record.outcomes !== undefined) {
    call.outcomes = record.outcomes;
    claimOutcomes(loaded.outcomeOwner, call, record.outcomes);
  }
  return null;
}

/** calls.tags mirrors call_tags, ordered by time then id; the last one is calls.type_id. */
function sortedTags(call: CallState) {
  return [...call.tags.entries()]
    .map(([id, t]) => ({ id, typeId: t.typeId, at: t.at }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function writeCalls(tx: Queryable, dirty: CallState[], days: DayDelta[]): Promise<void> {
  if (dirty.length === 0) return;
  const rows = dirty.map(
    ({ tags: _t, storedTags: _s, outcomeIds: _o, had_outcomes: _h, stored: _st, dirty: _d, ...row }, i) => {
      const tags = sortedTags(dirty[i]!);
      return { ...row, tags, type_id: tags.at(-1)?.typeId ?? null };
    },
  );
  // call_tags: only the difference against what was stored (most batches only add tags).
  const removed = dirty.flatMap((call) => [...call.storedTags.keys()].filter((id) => !call.tags.has(id)));
  // Sent first: a removed tag id may be written again below for another call. Statements on one
  // connection run in the order they are sent.
  const deleted =
    removed.length > 0 ? tx.query('delete from call_tags where tag_id = any($1::text[])', [removed]) : null;
  // Team and user come from the call row, so a tag always reports where its call does.
  const tagRows = dirty.flatMap((call) =>
    sortedTags(call)
      .filter((t) => {
        const stored = call.storedTags.get(t.id);
        return !stored || stored.typeId !== t.typeId || stored.at !== t.at;
      })
      .map((t) => ({
        tag_id: t.id,
        call_id: call.id,
        type_id: t.typeId,
        at: t.at,
        org_id: call.org_id,
        user_id: call.user_id,
        team_id: call.team_id,
      })),
  );
  // Calls, their tags and the daily rollup's deltas in one statement (one round trip per batch).
  const written = tx.query(
    `with written_calls as (
       insert into calls (id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction,
                          source, caller_number, subscriber, versions, script, outcomes, tags, type_id, updated_at)
       select id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction,
              source, caller_number, subscriber, versions, coalesce(script, 'null'::jsonb),
              coalesce(outcomes, 'null'::jsonb), tags, type_id, updated_at
         from jsonb_to_recordset($1::jsonb) as x(id text, org_id text, user_id text, team_id text, device_id text,
              started_at bigint, ended_at bigint, duration_ms bigint, direction text, source text,
              caller_number text, subscriber jsonb, versions jsonb, script jsonb, outcomes jsonb, tags jsonb,
              type_id text, updated_at bigint)
       on conflict (id) do update set
         started_at = excluded.started_at, ended_at = excluded.ended_at, duration_ms = excluded.duration_ms,
         direction = excluded.direction, source = excluded.source, caller_number = excluded.caller_number,
         subscriber = excluded.subscriber, versions = excluded.versions,
         script = coalesce(nullif(excluded.script, 'null'::jsonb), calls.script),
         outcomes = coalesce(nullif(excluded.outcomes, 'null'::jsonb), calls.outcomes), tags = excluded.tags,
         type_id = excluded.type_id, updated_at = excluded.updated_at
     )${days.length > 0 ? `, ${addDaysSql(3)}` : ''}
     insert into call_tags (tag_id, call_id, type_id, at, org_id, user_id, team_id)
     select tag_id, call_id, type_id, at, org_id, user_id, team_id
       from jsonb_to_recordset($2::jsonb) as x(tag_id text, call_id text, type_id text, at bigint, org_id text,
            user_id text, team_id text)
     on conflict (tag_id) do update set type_id = excluded.type_id, at = excluded.at`,
    days.length > 0
      ? [JSON.stringify(rows), JSON.stringify(tagRows), JSON.stringify(days)]
      : [JSON.stringify(rows), JSON.stringify(tagRows)],
  );
  await Promise.all([deleted, written]);
}

interface StoredEventRow {
  type: EventType;
  payload: unknown;
  org_id: string;
  user_id: string;
  team_id: string | null;
  device_id: string;
  ingest_seq: number;
}

const REPLAY_BATCH = 1000;

/**
 * Deletes the derived rows (of one organisation, or all) and replays the stored events in arrival
 * order, in one transaction: readers see the old rows or the rebuilt ones, never half. Derived rows
 * never cross organisations, so replaying organisation by organisation gives the same rows and
 * needs only the (org_id, ingest_seq) index.
 */
export async function rebuildProjections(db: Database, orgId?: string): Promise<{ events: number }> {
  return db.transaction(async (tx) => {
    const orgIds =
      orgId === undefined
        ? (await tx.query<{ id: string }>('select id from organisations order by id')).map((r) => r.id)
        : [orgId];
    let count = 0;
    for (const org of orgIds) {
      count += await replayOrganisation(tx, org);
      // The rollup once from the rebuilt rows, not call by call while replaying.
      await rebuildDays(tx, org);
    }
    return { events: count };
  });
}

async function replayOrganisation(tx: Queryable, orgId: string): Promise<number> {
  await tx.query('delete from call_tags where org_id = $1', [orgId]);
  await tx.query('delete from call_objections where org_id = $1', [orgId]);
  await tx.query('delete from call_outcomes where org_id = $1', [orgId]);
  await tx.query('delete from feedback where org_id = $1', [orgId]);
  await tx.query('delete from calls where org_id = $1', [orgId]);
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await tx.query<StoredEventRow>(
      `select type, payload, org_id, user_id, team_id, device_id, ingest_seq from events
        where org_id = $1 and ingest_seq > $2 order by ingest_seq limit $3`,
      [orgId, after, REPLAY_BATCH],
    );
    await projectBatch(
      tx,
      rows.map((row) => ({
        type: row.type,
        payload: row.payload,
        orgId: row.org_id,
        userId: row.user_id,
        teamId: row.team_id,
        deviceId: row.device_id,
      })),
      { rollup: false },
    );
    after = rows.at(-1)?.ingest_seq ?? after;
    count += rows.length;
    if (rows.length < REPLAY_BATCH) return count;
  }
}
