// Keeps call_days, the daily rollup the lead's reports read instead of a month of call rows (the mix
// and the per-operator days at 1 000 000 calls: bench/reports.ts): per organisation, local day in
// the organisation's time zone, operator, team and call type, the calls, the ended ones, how many
// lasted at least each 5-second step up to 120 s (so short calls, under 10 s, and any plan threshold
// that is a whole number of 5-second steps up to 120 s are exact; another threshold makes the report
// read the calls), and the sale outcomes with their revenue, by the call's day.
//
// Maintained with deltas by projection.ts in the batch that changes a call: the call's stored
// contribution (as loaded: day, type, duration, its call_outcomes sales) is subtracted and the new one
// added, summed per key, set-based, as one more step of the statement that writes the batch's calls
// (no statement of its own: ingest speed is a product goal), and only when some key changes. The
// organisations' time zones ride on the batch's tags read. A key whose calls all moved away keeps a
// row of zeros. rebuildProjections computes the table from calls and call_outcomes instead
// (`rebuildDays`), the same figures. Changing an organisation's time_zone needs that rebuild.
import { SALE_KINDS } from '../../lib/schema/call';
import type { Queryable } from '../db/database';
import { addDays, localDate, startOfDay } from '../reports/period';

/** at_least[k] (1-based, as in SQL) counts calls lasting at least k * DAY_STEP_MS, k = 1…DAY_STEPS. */
export const DAY_STEP_MS = 5000;
export const DAY_STEPS = 24;

/** What the rollup needs of one call, as stored before the batch or as the batch leaves it. */
export interface DayFacts {
  startedAt: number;
  durationMs: number | null;
  typeId: string | null;
  /** Its sale outcomes (call_outcomes rows of SALE_KINDS) and the sum of their `monthly`. */
  sales: number;
  revenue: number;
}

/** A call the batch writes: its owner, what it contributed before (none when new) and now. */
export interface DayChange {
  orgId: string;
  userId: string;
  teamId: string | null;
  before: DayFacts | null;
  after: DayFacts;
}

/** One call_days row's change (or, from rebuildDays, its value). */
export interface DayDelta {
  org_id: string;
  day_start: number;
  user_id: string;
  team_id: string | null;
  type_id: string | null;
  calls: number;
  ended: number;
  at_least: number[];
  sales: number;
  revenue: number;
}

/**
 * The at_least index answering "duration ≥ thresholdMs" exactly: 0 means every ended call (at_least
 * is not needed), 1…DAY_STEPS an element; null when the rollup cannot answer it.
 */
export function atLeastIndex(thresholdMs: number): number | null {
  if (thresholdMs === 0) return 0;
  if (thresholdMs % DAY_STEP_MS !== 0) return null;
  const k = thresholdMs / DAY_STEP_MS;
  return k >= 1 && k <= DAY_STEPS ? k : null;
}

/** The last day looked up per time zone: a batch's calls mostly fall on one day. */
const lastDay = new Map<string, { start: number; end: number }>();

/** The epoch ms of the local midnight starting the day that holds `at` in `tz`. */
export function dayStartOf(at: number, tz: string): number {
  const cached = lastDay.get(tz);
  if (cached && at >= cached.start && at < cached.end) return cached.start;
  const date = localDate(at, tz);
  const day = { start: startOfDay(date, tz), end: startOfDay(addDays(date, 1), tz) };
  lastDay.set(tz, day);
  return day.start;
}

const keyOf = (d: Pick<DayDelta, 'org_id' | 'day_start' | 'user_id' | 'team_id' | 'type_id'>) =>
  JSON.stringify([d.org_id, d.day_start, d.user_id, d.team_id, d.type_id]);

function addFacts(into: Map<string, DayDelta>, change: DayChange, facts: DayFacts, tz: string, sign: 1 | -1): void {
  const key = {
    org_id: change.orgId,
    day_start: dayStartOf(facts.startedAt, tz),
    user_id: change.userId,
    team_id: change.teamId,
    type_id: facts.typeId,
  };
  const id = keyOf(key);
  let delta = into.get(id);
  if (!delta) {
    delta = { ...key, calls: 0, ended: 0, at_least: new Array(DAY_STEPS).fill(0), sales: 0, revenue: 0 };
    into.set(id, delta);
  }
  delta.calls += sign;
  if (facts.durationMs !== null) {
    delta.ended += sign;
    const steps = Math.min(DAY_STEPS, Math.floor(facts.durationMs / DAY_STEP_MS));
    for (let k = 0; k < steps; k++) delta.at_least[k]! += sign;
  }
  delta.sales += sign * facts.sales;
  delta.revenue += sign * facts.revenue;
}

const isZero = (d: DayDelta) =>
  d.calls === 0 && d.ended === 0 && d.sales === 0 && d.revenue === 0 && d.at_least.every((n) => n === 0);

/**
 * The rollup's changes for the calls a batch writes, summed per key, keys that net to nothing left
 * out, in key order (concurrent batches then lock shared keys in one order). `zoneOf` names each
 * organisation's time zone.
 */
export function planDays(changes: Iterable<DayChange>, zoneOf: (orgId: string) => string): DayDelta[] {
  const deltas = new Map<string, DayDelta>();
  for (const change of changes) {
    const tz = zoneOf(change.orgId);
    if (change.before) addFacts(deltas, change, change.before, tz, -1);
    addFacts(deltas, change, change.after, tz, 1);
  }
  return [...deltas.entries()]
    .filter(([, d]) => !isZero(d))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

/** Sale outcome rows summed per call: what each call adds to `sales` and `revenue`. */
export function saleTotals(rows: Iterable<{ call_id: string; kind: string; monthly: number }>) {
  const totals = new Map<string, { sales: number; revenue: number }>();
  for (const row of rows) {
    if (!(SALE_KINDS as readonly string[]).includes(row.kind)) continue;
    const total = totals.get(row.call_id) ?? { sales: 0, revenue: 0 };
    total.sales += 1;
    total.revenue += row.monthly;
    totals.set(row.call_id, total);
  }
  return totals;
}

const DAY_COLUMNS = 'org_id, day_start, user_id, team_id, type_id, calls, ended, at_least, sales, revenue';

/** at_least summed element by element (written out: cheaper than unnesting both arrays). */
const SUMMED_STEPS = Array.from(
  { length: DAY_STEPS },
  (_, i) => `d.at_least[${i + 1}] + excluded.at_least[${i + 1}]`,
).join(', ');

/**
 * The statement step adding the deltas (JSON, parameter `$param`) to call_days: new keys inserted,
 * existing ones summed. A WITH item, for the statement that writes the batch's calls.
 */
export function addDaysSql(param: number): string {
  return `written_days as (
       insert into call_days as d (${DAY_COLUMNS})
       select ${DAY_COLUMNS}
         from jsonb_to_recordset($${param}::jsonb) as x(org_id text, day_start bigint, user_id text, team_id text,
              type_id text, calls bigint, ended bigint, at_least bigint[], sales bigint, revenue bigint)
       on conflict (org_id, day_start, user_id, team_id, type_id) do update set
         calls = d.calls + excluded.calls, ended = d.ended + excluded.ended, at_least = array[${SUMMED_STEPS}],
         sales = d.sales + excluded.sales, revenue = d.revenue + excluded.revenue
     )`;
}

/** The local midnights of the days from the one holding `first` to the one holding `last`. */
export function dayStarts(first: number, last: number, tz: string): number[] {
  const starts: number[] = [];
  let date = localDate(first, tz);
  let start = startOfDay(date, tz);
  while (start <= last) {
    starts.push(start);
    date = addDays(date, 1);
    start = startOfDay(date, tz);
  }
  return starts;
}

/**
 * Replaces the organisation's call_days rows with the figures computed from its calls and
 * call_outcomes in one statement (rebuildProjections; the reports benchmark builds its rollup so).
 * Each call is put on its day with width_bucket over the local midnights cut in JS, as the reports do.
 */
export async function rebuildDays(tx: Queryable, orgId: string): Promise<void> {
  await tx.query('delete from call_days where org_id = $1', [orgId]);
  const [span] = await tx.query<{ first: number | null; last: number | null; time_zone: string }>(
    `select min(c.started_at) as first, max(c.started_at) as last, o.time_zone
       from organisations o left join calls c on c.org_id = o.id
      where o.id = $1 group by o.time_zone`,
    [orgId],
  );
  if (!span || span.first === null || span.last === null) return;
  const starts = dayStarts(span.first, span.last, span.time_zone);
  const steps = Array.from(
    { length: DAY_STEPS },
    (_, i) => `count(*) filter (where c.duration_ms >= ${(i + 1) * DAY_STEP_MS})`,
  ).join(', ');
  await tx.query(
    `insert into call_days (${DAY_COLUMNS})
     select c.org_id, ($2::bigint[])[width_bucket(c.started_at, $2::bigint[])], c.user_id, c.team_id, c.type_id,
            count(*), count(c.duration_ms), array[${steps}]::bigint[],
            coalesce(sum(s.sales), 0), coalesce(sum(s.revenue), 0)
       from calls c
       left join (select o.call_id, count(*) as sales, sum(o.monthly) as revenue from call_outcomes o
                   where o.org_id = $1 and o.kind = any($3::text[]) group by o.call_id) s on s.call_id = c.id
      where c.org_id = $1
      group by 1, 2, 3, 4, 5`,
    [orgId, starts, [...SALE_KINDS]],
  );
}
