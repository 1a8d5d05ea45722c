// `npm run admin -- <command>`: what a server operator does by hand, on the database the
// environment names (DATA_DIR / DATABASE_URL): create organisations, teams and users, reset a
// password, end a user's sessions, list users. Each command is a function (tests call them on a
// test database) returning the lines to print; a failure throws with a readable message.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Role } from '../lib/schema/api';
import { generatePassword } from './auth/password';
import { revokeUserTokens } from './auth/tokens';
import { openDatabaseLocked } from './data-lock';
import type { ServerDeps } from './deps';
import { parseEnv } from './env';
import { createOrganisation, findOrganisation } from './teams/organisations';
import { createTeam, findTeamByName } from './teams/queries';
import { createUser, setPassword } from './users/accounts';
import { findByLogin } from './users/queries';

export const USAGE = `Usage: npm run admin -- <command>
  create-org <name>
  create-team <organisation> <name>
  create-user --org <organisation> --login <login> --name <name> --role <operator|lead|trainer|admin>
              [--team <team name>]... [--password <password>]   (a password is generated when omitted)
  set-password <login> [password]                               (generated when omitted)
  revoke-tokens <login>
  list-users`;

export async function createOrgCommand(deps: ServerDeps, name: string): Promise<string[]> {
  const org = await createOrganisation(deps.db, name, deps.now());
  return [`Organisation "${org.name}" created (id ${org.id}).`];
}

export async function createTeamCommand(deps: ServerDeps, orgName: string, name: string): Promise<string[]> {
  const org = await findOrganisation(deps.db, orgName);
  const team = await createTeam(deps.db, org.id, name);
  return [`Team "${team.name}" created in "${org.name}" (id ${team.id}).`];
}

export interface CreateUserArgs {
  org: string;
  login: string;
  name: string;
  role: string;
  teams?: string[];
  password?: string;
}

export async function createUserCommand(deps: ServerDeps, args: CreateUserArgs): Promise<string[]> {
  const role = Role.safeParse(args.role);
  if (!role.success) throw new Error(`--role must be one of ${Role.options.join(', ')}`);
  const org = await findOrganisation(deps.db, args.org);
  const teamIds: string[] = [];
  for (const name of args.teams ?? []) teamIds.push((await findTeamByName(deps.db, org.id, name)).id);
  const password = args.password ?? generatePassword();
  const user = await createUser(
    deps.db,
    { orgId: org.id, login: args.login, name: args.name, role: role.data, password, teamIds },
    deps.now(),
  );
  const lines = [`User "${user.login}" (${user.role}) created in "${org.name}".`];
  if (!args.password) lines.push(`Password: ${password}`);
  return lines;
}

async function existingUser(deps: ServerDeps, login: string) {
  const user = await findByLogin(deps.db, login);
  if (!user) throw new Error(`no user with the login "${login}"`);
  return user;
}

export async function setPasswordCommand(deps: ServerDeps, login: string, password?: string): Promise<string[]> {
  const user = await existingUser(deps, login);
  const next = password ?? generatePassword();
  await setPassword(deps.db, user.id, next, deps.now());
  const lines = [`Password of "${user.login}" changed; their sessions were ended.`];
  if (!password) lines.push(`Password: ${next}`);
  return lines;
}

export async function revokeTokensCommand(deps: ServerDeps, login: string): Promise<string[]> {
  const user = await existingUser(deps, login);
  await revokeUserTokens(deps.db, user.id, deps.now());
  return [`Every session of "${user.login}" ended; they must log in again.`];
}

export async function listUsersCommand(deps: ServerDeps): Promise<string[]> {
  const rows = await deps.db.query<{
    org: string;
    login: string;
    name: string;
    role: string;
    teams: string | null;
    disabled_at: number | null;
  }>(
    `select o.name as org, u.login, u.name, u.role, u.disabled_at,
            (select string_agg(t.name, ', ' order by t.name) from user_teams ut join teams t on t.id = ut.team_id
              where ut.user_id = u.id) as teams
       from users u join organisations o on o.id = u.org_id order by o.name, u.login`,
  );
  if (rows.length === 0) return ['No users yet.'];
  return rows.map(
    (r) =>
      `${r.org} | ${r.login} | ${r.name} | ${r.role} | ${r.teams ?? '-'}${r.disabled_at !== null ? ' | disabled' : ''}`,
  );
}

/** Runs one command line (without the program name); throws on bad usage or a failed command. */
export async function runAdmin(deps: ServerDeps, argv: readonly string[]): Promise<string[]> {
  const [command, ...rest] = argv;
  const positional = (min: number, max: number) => {
    const { positionals } = parseArgs({ args: [...rest], allowPositionals: true, strict: true });
    if (positionals.length < min || positionals.length > max) throw new Error(USAGE);
    return positionals;
  };
  switch (command) {
    case 'create-org':
      return createOrgCommand(deps, positional(1, 1)[0]!);
    case 'create-team': {
      const [org, name] = positional(2, 2);
      return createTeamCommand(deps, org!, name!);
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: [...rest],
        strict: true,
        options: {
          org: { type: 'string' },
          login: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          team: { type: 'string', multiple: true },
          password: { type: 'string' },
        },
      });
      const { org, login, name, role } = values;
      if (!org || !login || !name || !role)
        throw new Error(`create-user needs --org, --login, --name and --role\n${USAGE}`);
      return createUserCommand(deps, { org, login, name, role, teams: values.team, password: values.password });
    }
    case 'set-password': {
      const [login, password] = positional(1, 2);
      return setPasswordCommand(deps, login!, password);
    }
    case 'revoke-tokens':
      return revokeTokensCommand(deps, positional(1, 1)[0]!);
    case 'list-users':
      positional(0, 0);
      return listUsersCommand(deps);
    default:
      throw new Error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

async function cli() {
  const env = parseEnv(process.env);
  const db = await openDatabaseLocked({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    for (const line of await runAdmin({ db, now: Date.now }, process.argv.slice(2))) console.log(line);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
