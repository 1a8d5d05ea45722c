-- Organisations, teams, users and their tokens. Times are epoch milliseconds (bigint) everywhere,
-- like the extension's records, so nothing depends on the server's time zone.
-- Statements are separated by lines holding only ";" (see server/db/migrate.ts).
create table organisations (
  id text primary key,
  name text not null,
  created_at bigint not null
)
;
create table teams (
  id text primary key,
  org_id text not null references organisations(id),
  name text not null,
  unique (org_id, name)
)
;
create table users (
  id text primary key,
  org_id text not null references organisations(id),
  -- Stored lower-cased: logins are case-insensitive.
  login text not null unique,
  name text not null,
  role text not null check (role in ('operator', 'lead', 'trainer', 'admin')),
  -- scrypt$N$r$p$salt$hash (server/auth/password.ts)
  password_hash text not null,
  disabled_at bigint,
  created_at bigint not null
)
;
create index users_org on users (org_id)
;
create table user_teams (
  user_id text not null references users(id),
  team_id text not null references teams(id),
  primary key (user_id, team_id)
)
;
create index user_teams_team on user_teams (team_id)
;
-- Opaque bearer tokens; only their SHA-256 is stored, so a leaked table grants nothing.
create table tokens (
  token_hash text primary key,
  user_id text not null references users(id),
  created_at bigint not null,
  expires_at bigint not null,
  revoked_at bigint
)
;
create index tokens_user on tokens (user_id)
;
-- Failed logins, per account and per client address, for the rate limit (R23). Shared by every
-- server process through the database; old rows are pruned on each login.
create table login_failures (
  key text not null,
  at bigint not null
)
;
create index login_failures_key_at on login_failures (key, at)
