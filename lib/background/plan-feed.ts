// The operator's plan view for the panel, worked out in the background from the plan document in
// effect (team's over the organisation's, lib/db/document-choice.ts) and the operator's own calls
// on this device, so it works offline and the content script only renders numbers.
//
// The feed asks after every state it posts, so the month's calls before today are read once and
// kept (per month and day, refreshed every few minutes); only today's calls are read each time.
// A sale recorded a moment ago is therefore in the very next view (plan_view_ms_p95).
import { currentContent } from '../content/effective';
import { documentsGeneration } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { chooseDocument } from '../db/document-choice';
import { loadSession } from '../db/session-store';
import type { PlanView } from '../messaging/panel-protocol';
import { cheapShare, type MixShare, mixWarning } from '../plan/mix';
import { localDay, planProgress, typicalUpgrade, whatIf } from '../plan/progress';
import type { SessionUser } from '../schema/api';
import { type CallRecord, outcomesOf, SALE_KINDS } from '../schema/call';
import type { TariffCatalogue } from '../schema/content';
import { PlanDocument } from '../schema/plan';

/** "Two more upgrades today → +N". */
const WHAT_IF_UPGRADES = 2;
/** How long the month's earlier calls are kept before they are read again. */
const BASE_TTL_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

interface BaseCache {
  key: string;
  readAt: number;
  /** The local midnight starting today: earlier calls are `calls`, later ones are read each time. */
  todayStart: number;
  calls: CallRecord[];
}

const bases = new WeakMap<PanelDatabase, BaseCache>();

/** The operator's browser time zone: the panel's "today" is the operator's working day. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The first instant of the local day `day` containing `now`, found by binary search over the two
 * days before `now` (DST-safe: a local day is 23–25 hours). Once per day: the result is cached.
 */
function localStart(now: number, timeZone: string, day: string): number {
  let low = now - 2 * DAY_MS;
  let high = now;
  // The earliest instant whose local day is `day`: binary search to the millisecond.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDay(mid, timeZone) < day) low = mid;
    else high = mid;
  }
  return high;
}

async function monthCalls(db: PanelDatabase, month: string, now: number, timeZone: string): Promise<CallRecord[]> {
  const today = localDay(now, timeZone);
  const key = `${month}|${timeZone}|${today}`;
  let base = bases.get(db);
  if (!base || base.key !== key || now - base.readAt > BASE_TTL_MS) {
    const todayStart = base?.key === key ? base.todayStart : localStart(now, timeZone, today);
    // Every month starts within 31 days before today's start; planProgress drops other months' calls.
    const monthStart = todayStart - (Number(today.slice(8, 10)) - 1) * DAY_MS - DAY_MS;
    base = {
      key,
      readAt: now,
      todayStart,
      calls: await db.calls.where('startedAt').between(monthStart, todayStart, true, false).toArray(),
    };
    bases.set(db, base);
  }
  const todays = await db.calls.where('startedAt').aboveOrEqual(base.todayStart).toArray();
  return [...base.calls, ...todays];
}

interface PlanChoice {
  generation: number;
  user: SessionUser | null;
  plan: PlanDocument | null;
}

const choices = new WeakMap<PanelDatabase, PlanChoice>();

/**
 * The user and the plan document in effect for them, read again only when the documents or the
 * session change (config-store's documents generation: every pull, login and logout), so the tag
 * path reads neither.
 */
async function planInEffect(db: PanelDatabase): Promise<PlanChoice> {
  const generation = documentsGeneration(db);
  const cached = choices.get(db);
  if (cached && cached.generation === generation) return cached;
  const [session, documents] = await db.transaction('r', [db.meta, db.documents], () =>
    Promise.all([loadSession(db), db.documents.where('kind').equals('plan').toArray()]),
  );
  const chosen = chooseDocument(session.user, documents, (doc) => {
    const parsed = PlanDocument.safeParse(doc.body);
    return parsed.success ? parsed.data : null;
  });
  const choice = { generation, user: session.user, plan: chosen?.value ?? null };
  // A read that overlapped a change is used once but not kept.
  if (documentsGeneration(db) === generation) choices.set(db, choice);
  return choice;
}

function salesOf(calls: readonly CallRecord[]) {
  return calls.flatMap((call) => outcomesOf(call).filter((o) => SALE_KINDS.includes(o.kind)));
}

/**
 * The plan view for the logged-in operator now, or null (no session, no plan for them this month).
 * `teamMix` is the team's cheap-tariff share from the server when known (the mix warning needs it).
 */
export async function planViewFor(
  db: PanelDatabase,
  now: number,
  teamMix: MixShare | null | ((catalogue: TariffCatalogue) => MixShare | null),
  timeZone = browserTimeZone(),
): Promise<PlanView | null> {
  const [{ user, plan }, content] = await Promise.all([planInEffect(db), currentContent(db)]);
  if (!user || !plan) return null;
  const calls = await monthCalls(db, plan.month, now, timeZone);
  const progress = planProgress({ plan, userId: user.id, calls, now, timeZone });
  if (!progress) return null;
  const catalogue = content.tariffs;
  const upgrade = typicalUpgrade(catalogue);
  const own = cheapShare(salesOf(calls), catalogue);
  const team = typeof teamMix === 'function' ? teamMix(catalogue) : teamMix;
  return {
    month: progress.month,
    measure: progress.measure,
    currency: catalogue.currency,
    target: progress.target,
    done: progress.done,
    percent: progress.percent,
    today: progress.today,
    remainingShifts: progress.remainingShifts,
    pacePerShift: progress.pacePerShift,
    bonusMax: progress.bonusMax,
    earnedBonus: progress.earnedBonus,
    projectedPercent: progress.projectedPercent,
    projectedBonus: progress.projectedBonus,
    projectionFactor:
      progress.shiftsWorked > 0 ? Math.max(progress.shiftsPlanned, progress.shiftsWorked) / progress.shiftsWorked : 1,
    scale: plan.pay.scale,
    whatIf:
      upgrade === null
        ? null
        : {
            upgrades: WHAT_IF_UPGRADES,
            revenue: upgrade * WHAT_IF_UPGRADES,
            bonus: whatIf(plan, progress, { revenue: upgrade * WHAT_IF_UPGRADES, sales: WHAT_IF_UPGRADES }),
          },
    mixWarning: team !== null && mixWarning(own, team),
  };
}
