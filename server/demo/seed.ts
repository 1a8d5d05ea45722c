// The demo organisation for `npm start --demo`: two shifts, one user of every role, the default
// classifier published, and a few days of call history pushed through the real sync path. Runs
// only on a database without any organisation; passwords are random per database and returned
// once, so start-up can print them.
import { ulid } from 'ulid';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { MAX_PUSH_EVENTS, type Role } from '../../lib/schema/api';
import { generatePassword } from '../auth/password';
import type { ServerDeps } from '../deps';
import { publishVersion } from '../documents/publish';
import { applyPush } from '../sync/apply';
import { anyOrganisationExists, createOrganisation } from '../teams/organisations';
import { createTeam } from '../teams/queries';
import { createUser } from '../users/accounts';
import { demoCallHistory } from './call-history';

export const DEMO_ORG_NAME = 'Демо-провайдер';
export const DEMO_TEAMS = ['Смена А', 'Смена Б'] as const;

const DEMO_USERS: { login: string; name: string; role: Role; team: (typeof DEMO_TEAMS)[number] | null }[] = [
  { login: 'operator', name: 'Анна Соколова', role: 'operator', team: 'Смена А' },
  { login: 'operator2', name: 'Игорь Петров', role: 'operator', team: 'Смена Б' },
  { login: 'lead', name: 'Мария Иванова', role: 'lead', team: 'Смена А' },
  { login: 'trainer', name: 'Ольга Кузнецова', role: 'trainer', team: null },
  { login: 'admin', name: 'Администратор', role: 'admin', team: null },
];

const CALLS_PER_OPERATOR = 20;
const HISTORY_DAYS = 3;

export interface DemoUser {
  login: string;
  name: string;
  role: Role;
  password: string;
}

export interface DemoSeed {
  orgId: string;
  users: DemoUser[];
}

/** Creates the demo organisation when the database has none; null when one already exists. */
export async function seedDemo(deps: ServerDeps): Promise<DemoSeed | null> {
  const { db } = deps;
  if (await anyOrganisationExists(db)) return null;
  const now = deps.now();
  const org = await createOrganisation(db, DEMO_ORG_NAME, now);
  const teams = new Map<string, string>();
  for (const name of DEMO_TEAMS) teams.set(name, (await createTeam(db, org.id, name)).id);

  const users: DemoUser[] = [];
  const ids = new Map<string, { id: string; teamIds: string[] }>();
  for (const spec of DEMO_USERS) {
    const password = generatePassword();
    const teamIds = spec.team ? [teams.get(spec.team)!] : [];
    const user = await createUser(db, { orgId: org.id, ...spec, password, teamIds }, now);
    ids.set(spec.login, { id: user.id, teamIds });
    users.push({ login: spec.login, name: spec.name, role: spec.role, password });
  }

  const classifier = await publishVersion(db, {
    orgId: org.id,
    kind: 'classifier',
    teamId: null,
    body: DEFAULT_CLASSIFIER,
    note: 'Классификатор по умолчанию',
    publishedBy: ids.get('admin')!.id,
    now,
  });

  for (const [index, login] of ['operator', 'operator2'].entries()) {
    const operator = ids.get(login)!;
    const deviceId = ulid(now);
    const events = demoCallHistory({
      deviceId,
      seed: index + 1,
      calls: CALLS_PER_OPERATOR,
      days: HISTORY_DAYS,
      classifierVersionId: classifier.versionId,
      now,
    });
    const user = { id: operator.id, orgId: org.id, teamIds: operator.teamIds };
    for (let start = 0; start < events.length; start += MAX_PUSH_EVENTS) {
      await applyPush(db, user, { deviceId, events: events.slice(start, start + MAX_PUSH_EVENTS) }, now);
    }
  }
  return { orgId: org.id, users };
}
