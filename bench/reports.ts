// The lead's reports at scale: one organisation with 1 000 000 calls in one month (100 operators in
// 5 teams, the call-type mix of seed 003, realistic talk times, ~10 % of calls with an outcome),
// generated in SQL, with the daily rollup call_days computed from them as rebuildProjections does,
// then the mix report and the per-operator daily report over that month, timed as the endpoints run
// them (the same functions, the same SQL: a Moscow month in the organisation's zone, so both read
// the rollup; checked once against the same reports read from the calls). Judged against a baseline measured
// in the same run on the same rows: a bare count(*) of the month (`report_scan_1m_ms`), so the
// numbers read as a ratio on a noisy machine. PostgreSQL (a throwaway database) when DATABASE_URL
// is set; PGlite always (`_pglite` keys, no goal).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { openPglite } from '../server/db/pglite';
import { openPostgres } from '../server/db/postgres';
import { mixReport } from '../server/reports/mix';
import { operatorReport } from '../server/reports/operators';
import type { ReportQuery } from '../server/reports/params';
import type { ReportScope } from '../server/reports/scope';
import { rebuildDays } from '../server/sync/projection-days';
import { createThrowawayPostgres } from '../tests/support/server-db';

export const REPORT_CALLS = 1_000_000;
const OPERATORS = 100;
const TEAMS = 5;
const WARMUP = 2;
const RUNS = 7;
const ORG_ID = '01JBENCHREPORTS00000000ORG';
/** March 2025 in Moscow (UTC+3). */
const QUERY: ReportQuery = {
  from: Date.UTC(2025, 2, 1) - 3 * 3600_000,
  to: Date.UTC(2025, 3, 1) - 3 * 3600_000,
  tz: 'Europe/Moscow',
  teamId: null,
};
const SCOPE: ReportScope = { orgId: ORG_ID, teamIds: null };

const log = (message: string) => console.log(`[bench] ${message}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Ids shaped like ULIDs (26 characters): a letter and a zero-padded number. */
const idSql = (prefix: string, expression: string) => `'${prefix}' || lpad((${expression})::text, 25, '0')`;

/** The organisation, its teams and operators, the month's calls and their outcomes; then vacuum analyze. */
export async function loadMonth(db: Database): Promise<void> {
  const started = performance.now();
  await db.query(`insert into organisations (id, name, created_at) values ($1, 'bench', 0)`, [ORG_ID]);
  await db.query(
    `insert into teams (id, org_id, name) select ${idSql('T', 'i')}, $1, 'Смена ' || i from generate_series(1, $2::int) i`,
    [ORG_ID, TEAMS],
  );
  await db.query(
    `insert into users (id, org_id, login, name, role, password_hash, created_at)
     select ${idSql('U', 'i')}, $1, 'bench-operator-' || i, 'Оператор ' || i, 'operator', 'none', 0
       from generate_series(1, $2::int) i`,
    [ORG_ID, OPERATORS],
  );
  await db.query(
    `insert into user_teams (user_id, team_id)
     select ${idSql('U', 'i')}, ${idSql('T', `1 + i % ${TEAMS}`)} from generate_series(1, $1::int) i`,
    [OPERATORS],
  );
  // Calls in time order (as they arrive), spread evenly over the month, operators taking turns.
  // Types follow seed 003 with 5 % untagged; 12 % dial-and-hang-up under 10 s, 8 % of 10–20 s,
  // the rest 20 s to 10 min; 0.1 % never ended.
  await db.query(
    `insert into calls (id, org_id, user_id, team_id, device_id, started_at, ended_at, duration_ms, direction, source,
                        subscriber, versions, tags, updated_at, type_id)
     select ${idSql('C', 'i')}, $1, ${idSql('U', `1 + i % ${OPERATORS}`)}, ${idSql('T', `1 + (i % ${OPERATORS}) % ${TEAMS}`)},
            ${idSql('D', `1 + i % ${OPERATORS}`)}, started, started + duration, duration, 'inbound', 'webrtc',
            jsonb_build_object('contract', 'D-' || i, 'tariff', 'Быстрый 100'),
            jsonb_build_object('classifier', ${idSql('V', '1')}, 'scripts', ${idSql('V', '2')}, 'checklist', ${idSql('V', '3')}),
            case when type_id is null then '[]'::jsonb
                 else jsonb_build_array(jsonb_build_object('id', ${idSql('G', 'i')}, 'typeId', type_id, 'at', started + 5000)) end,
            started + coalesce(duration, 0), type_id
       from (select i, $2::bigint + floor((i - 1) * ($3::float8 / $4::int))::bigint as started,
                    case when t < 0.05 then null when t < 0.53 then 'tech_support' when t < 0.75 then 'billing'
                         when t < 0.85 then 'block_question' when t < 0.90 then 'connection' when t < 0.94 then 'down_balance'
                         when t < 0.97 then 'termination' when t < 0.99 then 'tariff_change' else 'other' end as type_id,
                    case when d < 0.001 then null when d < 0.12 then floor(random() * 10000)::bigint
                         when d < 0.2 then 10000 + floor(random() * 10000)::bigint
                         else 20000 + floor(random() * 580000)::bigint end as duration
               from (select i, random() as t, random() as d from generate_series(1, $4::int) i) g) x`,
    [ORG_ID, QUERY.from, QUERY.to - QUERY.from, REPORT_CALLS],
  );
  const called = performance.now();
  // Every tenth call has one outcome: mostly sales (upgrades first), some callbacks and refusals.
  await db.query(
    `insert into call_outcomes (outcome_id, call_id, org_id, user_id, team_id, kind, item_id, from_item_id, monthly, at,
                                call_started_at)
     select 'O' || substr(c.id, 2), c.id, c.org_id, c.user_id, c.team_id, k.kind,
            case when k.kind in ('connection', 'upgrade') then 'tariff_' || (1 + floor(random() * 4))::int end,
            null, case when k.kind in ('callback', 'nothing') then 0 else 100 + floor(random() * 800)::bigint end,
            c.started_at + coalesce(c.duration_ms, 0), c.started_at
       from calls c
       cross join lateral (select case when r < 0.2 then 'connection' when r < 0.6 then 'upgrade' when r < 0.75 then 'service'
                                       when r < 0.85 then 'equipment' when r < 0.95 then 'callback' else 'nothing' end as kind
                             from (select random() + 0 * length(c.id) as r) x) k
      where c.org_id = $1 and right(c.id, 1) = '0'`,
    [ORG_ID],
  );
  const outcomes = performance.now();
  await rebuildDays(db, ORG_ID);
  const rolled = performance.now();
  // Index-only scans need the visibility map, and the planner the statistics.
  await db.exec('vacuum analyze');
  log(
    `loaded ${REPORT_CALLS} calls in ${round((called - started) / 1000)} s, outcomes in ${round((outcomes - called) / 1000)} s, ` +
      `call_days in ${round((rolled - outcomes) / 1000)} s, vacuum analyze in ${round((performance.now() - rolled) / 1000)} s`,
  );
}

/** Median of RUNS timed runs after WARMUP untimed ones, in ms. */
async function timed(label: string, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  log(`${label}: ${times.map((t) => round(t)).join(' ')} ms`);
  return round(median(times));
}

async function measureOn(db: Database, suffix: string): Promise<Record<string, number>> {
  await migrate(db);
  await loadMonth(db);
  const name = db.kind;
  // The results must be the month's calls, or the timings mean nothing.
  const mix = await mixReport(db, SCOPE, QUERY);
  if (mix.total !== REPORT_CALLS) throw new Error(`the mix counted ${mix.total} calls, expected ${REPORT_CALLS}`);
  const daily = await operatorReport(db, SCOPE, QUERY, 'day');
  const counted = daily.rows.reduce((sum, r) => sum + r.calls, 0);
  if (counted !== REPORT_CALLS || daily.rows.length !== OPERATORS * 31) {
    throw new Error(`the daily report has ${daily.rows.length} rows and ${counted} calls`);
  }
  // The rollup must answer exactly what the calls do.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(mix, await mixReport(db, SCOPE, QUERY, { rollup: false })))
    throw new Error('the mix differs from the calls');
  if (!same(daily, await operatorReport(db, SCOPE, QUERY, 'day', { rollup: false }))) {
    throw new Error('the daily report differs from the calls');
  }
  const scan = await timed(`${name} count(*) of the month`, () =>
    db.query('select count(*) from calls where org_id = $1 and started_at >= $2 and started_at < $3', [
      ORG_ID,
      QUERY.from,
      QUERY.to,
    ]),
  );
  const mixMs = await timed(`${name} mix report`, () => mixReport(db, SCOPE, QUERY));
  const dailyMs = await timed(`${name} operator daily report`, () => operatorReport(db, SCOPE, QUERY, 'day'));
  return {
    [`report_scan_1m_ms${suffix}`]: scan,
    [`report_mix_1m_ms${suffix}`]: mixMs,
    [`report_operator_day_1m_ms${suffix}`]: dailyMs,
  };
}

export async function measureReports(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const url = process.env.DATABASE_URL;
  if (url) {
    const target = await createThrowawayPostgres(url, 'op_bench');
    try {
      const db = await openPostgres(target.url);
      try {
        Object.assign(results, await measureOn(db, ''));
      } finally {
        await db.close();
      }
    } finally {
      await target.drop();
    }
  } else {
    log('reports: DATABASE_URL is not set, PostgreSQL skipped');
  }
  const dir = mkdtempSync(join(tmpdir(), 'op-bench-reports-'));
  try {
    const db = await openPglite(dir);
    try {
      Object.assign(results, await measureOn(db, '_pglite'));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
