// Keeps call_outcomes equal to the outcomes the calls' records carry (calls.outcomes): one row per
// outcome recorded at wrap-up, with the call's owner, so sales reports sum amounts per operator, day
// or call type with one index range and a group by. Each row carries its call's started_at
// (call_started_at: sales count in the period of their call), kept right when a later record moves
// the call. Planned by projection.ts with the batch, written
// with one statement per batch, and only when the batch has outcome rows to write or remove.
//
// An outcome id is the client's ULID and the table's key. An id that another call already holds
// never moves: the later call is projected without it (its calls.outcomes still lists it, as the
// record said) and the first call keeps its row. An id its call dropped is free again, exactly as an
// event-at-a-time projection would see it, so replaying the log in any batch size gives these rows.
// Like tag ids, outcome ids are assumed never to collide across organisations (clients make them;
// another organisation's ids are never shown to a client): rebuildProjections replays organisation
// by organisation, so only within one organisation is "first" the order events arrived in.
import type { CallOutcome } from '../../lib/schema/call';
import type { Queryable } from '../db/database';

/** Which call holds each outcome id the batch mentions: the stored rows, then this batch's claims. */
export type OutcomeOwners = Map<string, string>;

/** What this file needs of a call row the batch projector holds. */
export interface OutcomeCall {
  id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  started_at: number;
  /** The stored row as loaded (undefined: a call this batch stores first). */
  stored?: { startedAt: number };
  /**
   * The outcomes of the last record that carried them in this batch ([] for a call this batch
   * stores first); undefined when no record set them, and the stored rows stay as they are.
   */
  outcomes?: CallOutcome[];
  /** The outcome ids this call holds, as far as the batch knows (stored rows it mentions, claims). */
  outcomeIds: Set<string>;
  /** The stored row had outcomes when the batch started: only then can call_outcomes hold rows to remove. */
  had_outcomes?: boolean;
}

/**
 * A record carrying `outcomes` applied to `call`: the ids it held are released, then each outcome id
 * is claimed unless another call holds it (then skipped). An id twice in one record counts once.
 */
export function claimOutcomes(owners: OutcomeOwners, call: OutcomeCall, outcomes: readonly CallOutcome[]): void {
  for (const id of call.outcomeIds) if (owners.get(id) === call.id) owners.delete(id);
  const held = new Set<string>();
  for (const outcome of outcomes) {
    const owner = owners.get(outcome.id);
    if (owner !== undefined && owner !== call.id) continue;
    owners.set(outcome.id, call.id);
    held.add(outcome.id);
  }
  call.outcomeIds = held;
}

interface OutcomeRow {
  outcome_id: string;
  call_id: string;
  org_id: string;
  user_id: string;
  team_id: string | null;
  kind: string;
  item_id: string | null;
  from_item_id: string | null;
  monthly: number;
  at: number;
  call_started_at: number;
}

/** The outcome rows a batch writes, and the stored calls whose other rows it removes. */
export interface OutcomeWrites {
  rows: OutcomeRow[];
  replaced: string[];
  /** Stored calls that keep their rows but start at another time now: their rows' call_started_at. */
  moved: { call_id: string; started_at: number }[];
}

/**
 * Plans the outcome rows of the calls whose outcomes a record set in this batch: the outcomes the
 * call holds (first of an id twice in a record). Only a call stored with outcomes before the batch
 * can have rows to remove, so the usual record without a sale (outcomes: []) writes nothing.
 */
export function planOutcomes(calls: Iterable<OutcomeCall>): OutcomeWrites {
  const rows: OutcomeRow[] = [];
  const replaced: string[] = [];
  const moved: OutcomeWrites['moved'] = [];
  for (const call of calls) {
    const { outcomes } = call;
    if (outcomes === undefined) {
      if (call.had_outcomes && call.stored && call.stored.startedAt !== call.started_at) {
        moved.push({ call_id: call.id, started_at: call.started_at });
      }
      continue;
    }
    const written = new Set<string>();
    for (const outcome of outcomes) {
      if (!call.outcomeIds.has(outcome.id) || written.has(outcome.id)) continue;
      written.add(outcome.id);
      rows.push({
        outcome_id: outcome.id,
        call_id: call.id,
        org_id: call.org_id,
        user_id: call.user_id,
        team_id: call.team_id,
        kind: outcome.kind,
        item_id: outcome.itemId,
        from_item_id: outcome.fromItemId,
        monthly: outcome.monthly,
        at: outcome.at,
        call_started_at: call.started_at,
      });
    }
    if (call.had_outcomes) replaced.push(call.id);
  }
  return { rows, replaced, moved };
}

export async function writeOutcomes(tx: Queryable, { rows, replaced, moved }: OutcomeWrites): Promise<void> {
  if (rows.length === 0 && replaced.length === 0 && moved.length === 0) return;
  // Stale rows of the replaced calls go and current ones are upserted in one statement. An id the
  // batch moved from a replaced call to another one is both: the upsert rewrites the row to its new
  // call and the delete, which matches the row as it was, then leaves it alone (PostgreSQL skips a
  // row the same statement already changed), in whichever order the two run. The moved calls' rows
  // are neither (their calls got no outcomes in this batch), so their update touches other rows.
  await tx.query(
    `with moved as (
       update call_outcomes o set call_started_at = m.started_at
         from jsonb_to_recordset($3::jsonb) as m(call_id text, started_at bigint)
        where o.call_id = m.call_id
     ), incoming as (
       select * from jsonb_to_recordset($2::jsonb) as x(outcome_id text, call_id text, org_id text, user_id text,
              team_id text, kind text, item_id text, from_item_id text, monthly bigint, at bigint,
              call_started_at bigint)
     ), gone as (
       delete from call_outcomes o
        where o.call_id = any($1::text[])
          and not exists (select 1 from incoming i where i.call_id = o.call_id and i.outcome_id = o.outcome_id)
     )
     insert into call_outcomes (outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id,
                                monthly, at, call_started_at)
     select outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id, monthly, at, call_started_at
       from incoming
     on conflict (outcome_id) do update set
       call_id = excluded.call_id, org_id = excluded.org_id, user_id = excluded.user_id, team_id = excluded.team_id,
       kind = excluded.kind, item_id = excluded.item_id, from_item_id = excluded.from_item_id,
       monthly = excluded.monthly, at = excluded.at, call_started_at = excluded.call_started_at`,
    [replaced, JSON.stringify(rows), JSON.stringify(moved)],
  );
}
