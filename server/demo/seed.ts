// The demo organisation for `npm start --demo`: two shifts, one user of every role (three operators
// in the lead's shift, one in the other), the default classifier, scripts, objections, tariffs and
// checklist published, the previous month's and this month's call history so far (with sales, and
// a tech-support outage yesterday) pushed through the real sync path, the lead's plan for this
// month, and two calls scored by the lead, so the console and its reports have something to show.
// Runs only on a database without any organisation; passwords are random per database and
// returned once, so start-up can print them.
import { ulid } from 'ulid';
import { checklistItems } from '../../lib/content/checklist-score';
import { addMonths } from '../../lib/plan/formula';
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
import { dayOf, monthOf, shiftDays } from './calendar';
import { demoCallHistory } from './call-history';
import { type DemoContent, publishDemoContent } from './content';
import { demoPlan, publishDemoPlan } from './plan';

export const DEMO_ORG_NAME = 'Демо-провайдер';
export const DEMO_TEAMS = ['Смена А', 'Смена Б'] as const;

const DEMO_USERS: { login: string; name: string; role: Role; team: (typeof DEMO_TEAMS)[number] | null }[] = [
  { login: 'operator', name: 'Анна Соколова', role: 'operator', team: 'Смена А' },
  { login: 'operator2', name: 'Игорь Петров', role: 'operator', team: 'Смена Б' },
  { login: 'operator3', name: 'Дмитрий Орлов', role: 'operator', team: 'Смена А' },
  { login: 'operator4', name: 'Елена Белова', role: 'operator', team: 'Смена А' },
  { login: 'lead', name: 'Мария Иванова', role: 'lead', team: 'Смена А' },
  { login: 'trainer', name: 'Ольга Кузнецова', role: 'trainer', team: null },
  { login: 'admin', name: 'Администратор', role: 'admin', team: null },
];

/**
 * The operators with call history: how well each sells (1 is usual), calls in a usual shift, and
 * shifts in a month at most (the plan's 20–22).
 */
const DEMO_OPERATORS: { login: string; skill: number; callsPerShift: number; shifts: number }[] = [
  { login: 'operator', skill: 1.2, callsPerShift: 14, shifts: 22 },
  { login: 'operator2', skill: 1, callsPerShift: 13, shifts: 22 },
  { login: 'operator3', skill: 0.95, callsPerShift: 15, shifts: 21 },
  { login: 'operator4', skill: 0.6, callsPerShift: 12, shifts: 20 },
];

/** The team the lead plans for: its operators' shifts count in the plan. */
const PLANNED_TEAM: (typeof DEMO_TEAMS)[number] = 'Смена А';

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

  // This month so far and the whole previous one, in the organisation's time zone (calendar.ts).
  const month = monthOf(now);
  const previousMonth = addMonths(month, -1);
  // Yesterday most lines were down: tech-support calls jump (the mix report's drift alert).
  const outageDay = dayOf(dayOf(now).start - 1).start;
  for (const [index, spec] of DEMO_OPERATORS.entries()) {
    const operator = ids.get(spec.login)!;
    const deviceId = ulid(now);
    const shifts = [...shiftDays(previousMonth, index, spec.shifts), ...shiftDays(month, index, spec.shifts)]
      .map((day) => day.start)
      .filter((start) => start < now);
    const events = demoCallHistory({
      deviceId,
      seed: index + 1,
      shifts,
      callsPerShift: spec.callsPerShift,
      outageDay,
      skill: spec.skill,
      content,
      now,
    });
    const user = { id: operator.id, orgId: org.id, teamIds: operator.teamIds };
    for (let start = 0; start < events.length; start += MAX_PUSH_EVENTS) {
      await applyPush(db, user, { deviceId, events: events.slice(start, start + MAX_PUSH_EVENTS) }, now);
    }
  }

  const lead = ids.get('lead')!;
  // The plan counts each operator's shifts of this month on the roster the history follows.
  const planned = DEMO_OPERATORS.flatMap(({ login, shifts }, index) => {
    const user = DEMO_USERS.find((u) => u.login === login)!;
    if (user.team !== PLANNED_TEAM) return [];
    return [{ userId: ids.get(login)!.id, name: user.name, shifts: shiftDays(month, index, shifts).length }];
  });
  await publishDemoPlan(db, {
    orgId: org.id,
    teamId: teams.get(PLANNED_TEAM)!,
    leadId: lead.id,
    plan: demoPlan(month, content.tariffs, planned),
    now,
  });
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
