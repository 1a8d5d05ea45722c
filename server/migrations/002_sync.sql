-- Sync: devices and their uploaded events (the source of truth), dead letters (events that can
-- never be valid, kept with the reason), the call rows derived from events for reports (rebuildable
-- from events at any time), and published content (documents and their immutable versions).
-- Statements are separated by lines holding only ";" (see server/db/migrate.ts).
create table devices (
  device_id text primary key,
  org_id text not null references organisations(id),
  -- The user who pushed last from this installation (operators may share a computer).
  user_id text not null references users(id),
  -- Highest sequence number stored (applied or dead-lettered); the next push must start after it.
  last_seq bigint not null default 0,
  created_at bigint not null,
  updated_at bigint not null
)
;
create table events (
  id text primary key,
  device_id text not null references devices(device_id),
  seq bigint not null,
  org_id text not null references organisations(id),
  user_id text not null references users(id),
  -- The user's first team at push time; null for users without a team.
  team_id text references teams(id),
  type text not null,
  at bigint not null,
  schema_version int not null,
  payload jsonb not null,
  received_at bigint not null,
  -- Global arrival order: projections are rebuilt by replaying events in this order.
  ingest_seq bigint generated always as identity,
  unique (device_id, seq)
)
;
-- Replay order per organisation (rebuildProjections). The only secondary index on the hottest
-- table: every index here is paid on every uploaded event.
create index events_org_ingest on events (org_id, ingest_seq)
;
-- One row per (device, seq) that was refused for good; the device's last_seq moved past it so
-- later events are not blocked (R05). Kept for inspection and for a future replay tool.
create table dead_letters (
  device_id text not null,
  seq bigint not null,
  event_id text not null,
  org_id text not null references organisations(id),
  user_id text not null references users(id),
  type text not null,
  schema_version int,
  payload jsonb,
  reason text not null,
  received_at bigint not null,
  primary key (device_id, seq)
)
;
create index dead_letters_org on dead_letters (org_id, received_at)
;
-- Derived from call.* events (server/sync/projection.ts); safe to delete and rebuild. No foreign
-- keys on the derived tables: the projection only writes ids it took from checked events, and
-- per-row key checks cost ingest speed (bench: ingest_ratio) on the hottest write path.
create table calls (
  id text primary key,
  org_id text not null,
  user_id text not null,
  team_id text,
  device_id text not null,
  started_at bigint not null,
  ended_at bigint,
  duration_ms bigint,
  direction text not null,
  source text not null,
  caller_number text,
  subscriber jsonb not null,
  versions jsonb not null,
  -- Mirror of call_tags for this call ([{id, typeId, at}] by time), so a call reads in one row.
  tags jsonb not null default '[]'::jsonb,
  updated_at bigint not null
)
;
create index calls_org_started on calls (org_id, started_at)
;
create index calls_user_started on calls (user_id, started_at)
;
create index calls_team_started on calls (team_id, started_at)
;
create table call_tags (
  tag_id text primary key,
  call_id text not null,
  type_id text not null,
  at bigint not null,
  org_id text not null,
  user_id text not null,
  team_id text
)
;
create index call_tags_call on call_tags (call_id)
;
create index call_tags_org_type_at on call_tags (org_id, type_id, at)
;
-- Content documents: one per (organisation, kind, team or org-wide).
create table documents (
  id text primary key,
  org_id text not null references organisations(id),
  kind text not null,
  team_id text references teams(id),
  created_at bigint not null
)
;
create unique index documents_scope on documents (org_id, kind, (coalesce(team_id, '')))
;
-- Published versions never change; a rollback publishes an old body as a new version.
create table document_versions (
  id text primary key,
  document_id text not null references documents(id),
  version int not null,
  body jsonb not null,
  note text not null,
  published_by text not null references users(id),
  published_at bigint not null,
  -- What clients pull after; publishes of one organisation are serialised so cursors commit in order.
  cursor bigint generated always as identity unique,
  unique (document_id, version)
)
;
