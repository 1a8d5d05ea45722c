-- Sales and the lead's reports. calls.type_id is the call's type for reports: its last tag by time
-- (as the objection stats already count it), null while untagged; written by the projection with
-- the tags. call_outcomes holds one row per outcome recorded at wrap-up (calls.outcomes), with the
-- call's owner, like call_objections: derived, rebuildable, no foreign keys (see 002_sync.sql).
-- call_days is a daily rollup of calls for the reports (server/sync/projection-days.ts).
-- Statements are separated by lines holding only ";" (see server/db/migrate.ts).
alter table calls add column type_id text
;
alter table calls add column outcomes jsonb not null default '[]'::jsonb
;
-- The reports read calls of an organisation over a period, grouped by type or by operator and day.
-- This replaces calls_org_started with the same key and the columns those reports read, so they run
-- as index-only scans over a month of calls (bench: report_mix_1m_ms) without a second index paid
-- on every uploaded call (bench: ingest_ratio).
drop index calls_org_started
;
create index calls_org_started on calls (org_id, started_at) include (type_id, user_id, team_id, duration_ms)
;
create table call_outcomes (
  outcome_id text primary key,
  call_id text not null,
  org_id text not null,
  user_id text not null,
  team_id text,
  -- connection, upgrade, service, equipment, callback, nothing (lib/schema/call.ts OutcomeKind)
  kind text not null,
  item_id text,
  from_item_id text,
  -- What it adds to the subscriber's monthly bill, in whole currency units.
  monthly bigint not null,
  at bigint not null,
  -- The call's started_at (kept equal by the projection when a later record moves the call): sales
  -- count in the period of their call's start, so reports filter on it without joining calls.
  call_started_at bigint not null
)
;
create index call_outcomes_org_started on call_outcomes (org_id, call_started_at)
;
create index call_outcomes_call on call_outcomes (call_id)
;
-- Days are cut in the organisation's time zone (an IANA name): the daily rollup below and the reports
-- that read it. Changing it moves every day boundary, so it needs rebuildProjections afterwards.
alter table organisations add column time_zone text not null default 'Europe/Moscow'
;
-- The daily rollup (server/sync/projection-days.ts): per organisation, local day (day_start: the epoch
-- ms of its local midnight), operator, team and call type (null: untagged) the calls, the ended ones
-- (duration known), at_least[k] = calls lasting at least k * 5 s for k = 1…24 (short calls and the
-- plan's effective-call threshold are read from it), sale outcomes and their monthly revenue, by the
-- call's day. Kept by the projection with deltas (a key whose calls all moved away keeps a row of
-- zeros); rebuilt from calls and call_outcomes by rebuildProjections.
create table call_days (
  org_id text not null,
  day_start bigint not null,
  user_id text not null,
  team_id text,
  type_id text,
  calls bigint not null,
  ended bigint not null,
  at_least bigint[] not null,
  sales bigint not null,
  revenue bigint not null
)
;
create unique index call_days_key on call_days (org_id, day_start, user_id, team_id, type_id) nulls not distinct
