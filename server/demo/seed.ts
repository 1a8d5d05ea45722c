// The demo organisation for `npm start --demo`: two shifts, one user of every role, the default
// classifier, scripts, objections, tariffs and checklist published, a few days of call history
// pushed through the real sync path, and two of those calls scored by the lead, so the console has
// something to show. Runs only on a database without any organisation; passwords are random per
// database and returned once, so start-up can print them.
import { ulid } from 'ulid';
import { checklistItems } from '../../lib/content/checklist-score';
import { MAX_PUSH_EVENTS, type Role } from '../../lib/schema/api';
import type { ChecklistMarks } from '../../lib/schema/content';
import { generatePassword } from '../auth/password';
import { scoreCall } from '../calls/score-call';
import type { Database } from '../db/database';
import type { ServerDeps } from '../deps';
import { applyPush } from '../sync/apply';
import { anyOrganisationExists, createOrganisation } from '../teams/organisations';
import { createTeam } from '../teams/queries';
import { createUser } from '../users/accounts';
import { demoCallHistory } from './call-history';
import { type DemoContent, publishDemoContent } from './content';

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

  const content = await publishDemoContent(
    db,
    org.id,
    { admin: ids.get('admin')!.id, trainer: ids.get('trainer')!.id },
    now,
  );

  for (const [index, login] of ['operator', 'operator2'].entries()) {
    const operator = ids.get(login)!;
    const deviceId = ulid(now);
    const events = demoCallHistory({
      deviceId,
      seed: index + 1,
      calls: CALLS_PER_OPERATOR,
      days: HISTORY_DAYS,
      content,
      now,
    });
    const user = { id: operator.id, orgId: org.id, teamIds: operator.teamIds };
    for (let start = 0; start < events.length; start += MAX_PUSH_EVENTS) {
      await applyPush(db, user, { deviceId, events: events.slice(start, start + MAX_PUSH_EVENTS) }, now);
    }
  }
  const lead = ids.get('lead')!;
  await scoreLatestCalls(db, { id: lead.id, role: 'lead', orgId: org.id, teamIds: lead.teamIds }, content, now);
  return { orgId: org.id, users };
}

/** Items a lead most often hears differently from the operator's self-check (none of them critical). */
const DISPUTED_ITEMS = ['by_name', 'usage', 'more_questions', 'summary'];

/**
 * The lead scores the two latest calls of their team on the calls' own checklist version: the first
 * with one item the operator ticked but the lead did not hear (calibration), the second as ticked.
 */
async function scoreLatestCalls(
  db: Database,
  lead: { id: string; role: Role; orgId: string; teamIds: string[] },
  content: DemoContent,
  now: number,
): Promise<void> {
  const calls = await db.query<{ id: string; marks: ChecklistMarks }>(
    `select id, script -> 'checklist' as marks from calls
      where org_id = $1 and team_id = any($2::text[]) and ended_at is not null
      order by started_at desc limit 2`,
    [lead.orgId, lead.teamIds],
  );
  for (const [index, call] of calls.entries()) {
    const marks: ChecklistMarks = { ...call.marks };
    let comment = 'Хороший звонок: предложение сделано вовремя, итог подведён.';
    const disputed = checklistItems(content.checklist).find(
      (item) => DISPUTED_ITEMS.includes(item.id) && marks[item.id] === 'yes',
    );
    if (index === 0 && disputed) {
      marks[disputed.id] = 'no';
      comment = `Не согласна с самопроверкой: «${disputed.text}» — на записи этого не слышно. В остальном хорошо.`;
    }
    await scoreCall(db, lead, call.id, { checklistVersionId: content.versions.checklist, marks, comment }, now);
  }
}
