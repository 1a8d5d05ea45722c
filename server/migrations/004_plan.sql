-- Sales and the lead's reports. calls.type_id is the call's type for reports: its last tag by time
-- (as the objection stats already count it), null while untagged; written by the projection with
-- the tags. call_outcomes holds one row per outcome recorded at wrap-up (calls.outcomes), with the
-- call's owner, like call_objections: derived, rebuildable, no foreign keys (see 002_sync.sql).
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
  at bigint not null
)
;
create index call_outcomes_org_at on call_outcomes (org_id, at)
;
create index call_outcomes_call on call_outcomes (call_id)
