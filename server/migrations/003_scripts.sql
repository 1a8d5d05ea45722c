-- Scripts, objections and the call checklist (quality). The call row keeps the script side of the
-- latest call record (modules shown, objections raised, the operator's checklist self-check);
-- call_objections and feedback are derived from events like calls and call_tags (rebuildable, no
-- foreign keys: see 002_sync.sql); call_scores are the leads' scores, written directly by the
-- console (not events), one per call.
-- Statements are separated by lines holding only ";" (see server/db/migrate.ts).
alter table calls add column script jsonb not null default '{"modules":[],"objections":[],"checklist":{}}'::jsonb
;
-- One row per objection raised on a call (calls.script.objections), with the call's owner, so
-- "objections per call type" is one join with calls and a group by.
create table call_objections (
  call_id text not null,
  objection_id text not null,
  org_id text not null,
  user_id text not null,
  team_id text,
  -- The answer the operator used last; null when none was picked.
  answer_id text,
  handled boolean not null,
  -- When it was first raised on the call.
  at bigint not null,
  primary key (call_id, objection_id)
)
;
create index call_objections_org_at on call_objections (org_id, at)
;
-- "No suitable answer" reports from the panel (feedback.no_answer events), for script authors.
create table feedback (
  id text primary key,
  org_id text not null,
  user_id text not null,
  team_id text,
  call_id text,
  call_type_id text,
  module_id text,
  -- The scripts version the open module belonged to: a server version id (text) or a local
  -- version number, kept as JSON so its type survives.
  scripts_version jsonb,
  text text not null,
  at bigint not null
)
;
create index feedback_org_at on feedback (org_id, at)
;
-- A lead's (or trainer's) score of a finished call against the checklist version the call used.
-- No key to calls: calls are derived rows that rebuildProjections deletes and replays.
create table call_scores (
  call_id text primary key,
  org_id text not null references organisations(id),
  checklist_version_id text not null references document_versions(id),
  marks jsonb not null,
  -- Computed by the server from marks and the version's body (lib/content/checklist-score.ts).
  percent numeric not null,
  passed boolean not null,
  failed_critical jsonb not null,
  comment text not null,
  scored_by text not null references users(id),
  scored_at bigint not null
)
;
create index call_scores_org on call_scores (org_id, scored_at)
