// The operator's own plan progress, computed in the panel from the calls on this device (offline):
// today and the month so far, the pace needed per remaining shift, the bonus earned and projected,
// and what one more sale would add. Days and months are local to the time zone the caller passes.
import { type CallRecord, outcomesOf, SALE_KINDS } from '../schema/call';
import type { TariffCatalogue } from '../schema/content';
import type { PlanDocument, PlanMeasure } from '../schema/plan';
import { bonusAmount } from './bonus';

// ---- Local calendar ----

// One formatter per zone: building one costs far more than formatting (every call, every render).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `YYYY-MM-DD` of the instant in `timeZone` (an IANA name; an unknown one throws a RangeError).
 * Intl applies the zone's offset at that instant, so days stay right across DST changes.
 */
export function localDay(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(epochMs)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

// ---- Figures ----

export interface DayFigures {
  calls: number;
  /** Calls that lasted at least the plan's `effectiveCallMs` (a call still going does not count yet). */
  effectiveCalls: number;
  /** Outcomes whose kind is a sale (SALE_KINDS). */
  sales: number;
  /** Σ `monthly` of those outcomes: what they add to subscribers' monthly bills. */
  revenue: number;
}

const emptyFigures = (): DayFigures => ({ calls: 0, effectiveCalls: 0, sales: 0, revenue: 0 });

function addCall(figures: DayFigures, call: CallRecord, effectiveCallMs: number): void {
  figures.calls += 1;
  if (call.durationMs !== null && call.durationMs >= effectiveCallMs) figures.effectiveCalls += 1;
  for (const outcome of outcomesOf(call)) {
    if (!SALE_KINDS.includes(outcome.kind)) continue;
    figures.sales += 1;
    figures.revenue += outcome.monthly;
  }
}

function measured(figures: DayFigures, measure: PlanMeasure): number {
  if (measure === 'revenue') return figures.revenue;
  if (measure === 'sales') return figures.sales;
  return figures.effectiveCalls;
}

function percentOf(done: number, target: number): number {
  return target > 0 ? (done / target) * 100 : 0;
}

export interface PlanProgress {
  /** The plan's `YYYY-MM`. */
  month: string;
  /** What attainment is measured on (the plan's pay rule). */
  measure: PlanMeasure;
  /** The operator's personal target for that measure. */
  target: number;
  /** The measure so far this month. */
  done: number;
  /** done / target × 100, unrounded; 0 when the target is 0. */
  percent: number;
  today: DayFigures;
  monthTotals: DayFigures;
  /** The operator's planned shifts this month. */
  shiftsPlanned: number;
  /** Distinct local days of the month with at least one call, today included. */
  shiftsWorked: number;
  /**
   * Today's shift plus the planned shifts not started yet: shiftsPlanned minus the days worked
   * before today, at least 1 (today) and at most the days left in the month, today included. Today
   * counts whether or not it has a call yet, so the figure is never 0 while the panel shows it.
   */
  remainingShifts: number;
  /**
   * The measure still needed per remaining shift (today included) to reach 100 %, rounded up to a
   * whole unit, so keeping to it reaches the target; 0 once it is met.
   */
  pacePerShift: number;
  /** The fixed part of pay. */
  fixed: number;
  /** The whole bonus, paid at 100 %. */
  bonusMax: number;
  /** The bonus at the current percent. */
  earnedBonus: number;
  /**
   * The percent the month ends at if every planned shift goes like the shifts worked so far:
   * done / shiftsWorked × shiftsPlanned relative to the target (with more shifts worked than planned,
   * the shifts worked). Equals `percent` before the first call.
   */
  projectedPercent: number;
  projectedBonus: number;
}

/**
 * The user's progress on `plan` at `now`, from the calls whose start falls in the plan's month in
 * `timeZone`. Null when the plan has no personal plan for the user or `now` is outside its month.
 */
export function planProgress(input: {
  plan: PlanDocument;
  userId: string;
  calls: readonly CallRecord[];
  now: number;
  timeZone: string;
}): PlanProgress | null {
  const { plan, userId, calls, now, timeZone } = input;
  const own = plan.operators.find((op) => op.userId === userId);
  if (!own) return null;
  const today = localDay(now, timeZone);
  if (today.slice(0, 7) !== plan.month) return null;

  const todayFigures = emptyFigures();
  const monthFigures = emptyFigures();
  const days = new Set<string>();
  for (const call of calls) {
    const day = localDay(call.startedAt, timeZone);
    if (day.slice(0, 7) !== plan.month) continue;
    days.add(day);
    addCall(monthFigures, call, plan.effectiveCallMs);
    if (day === today) addCall(todayFigures, call, plan.effectiveCallMs);
  }

  const measure = plan.pay.measure;
  const target = measure === 'revenue' ? own.revenue : measure === 'sales' ? own.sales : own.effectiveCalls;
  const done = measured(monthFigures, measure);
  const percent = percentOf(done, target);

  const shiftsWorked = days.size;
  const workedBeforeToday = shiftsWorked - (days.has(today) ? 1 : 0);
  const daysLeft = daysInMonth(plan.month) - Number(today.slice(8, 10)) + 1;
  const remainingShifts = Math.min(Math.max(own.shifts - workedBeforeToday, 1), daysLeft);
  const pacePerShift = done >= target ? 0 : Math.ceil((target - done) / remainingShifts);

  const projectedDone = shiftsWorked > 0 ? (done / shiftsWorked) * Math.max(own.shifts, shiftsWorked) : done;
  const projectedPercent = percentOf(projectedDone, target);

  return {
    month: plan.month,
    measure,
    target,
    done,
    percent,
    today: todayFigures,
    monthTotals: monthFigures,
    shiftsPlanned: own.shifts,
    shiftsWorked,
    remainingShifts,
    pacePerShift,
    fixed: plan.pay.fixed,
    bonusMax: plan.pay.bonus,
    earnedBonus: bonusAmount(plan.pay, percent),
    projectedPercent,
    projectedBonus: bonusAmount(plan.pay, projectedPercent),
  };
}

/**
 * How much the earned bonus changes if `extra` were added now ("two more upgrades today → +N").
 * Only the figure the plan is measured on counts; the others are ignored.
 */
export function whatIf(
  plan: PlanDocument,
  progress: PlanProgress,
  extra: { revenue?: number; sales?: number; effectiveCalls?: number },
): number {
  const added =
    (plan.pay.measure === 'revenue'
      ? extra.revenue
      : plan.pay.measure === 'sales'
        ? extra.sales
        : extra.effectiveCalls) ?? 0;
  return bonusAmount(plan.pay, percentOf(progress.done + added, progress.target)) - progress.earnedBonus;
}

/**
 * The typical monthly gain of one upgrade: the rounded mean of (upgrade's fee − tariff's fee) over
 * the active tariffs whose upgrade is active and dearer. Null when the catalogue has none.
 */
export function typicalUpgrade(catalogue: TariffCatalogue): number | null {
  const byId = new Map(catalogue.tariffs.map((t) => [t.id, t]));
  let sum = 0;
  let count = 0;
  for (const tariff of catalogue.tariffs) {
    if (!tariff.active || tariff.upgradeTo === null) continue;
    const upgrade = byId.get(tariff.upgradeTo);
    if (!upgrade?.active || upgrade.monthly <= tariff.monthly) continue;
    sum += upgrade.monthly - tariff.monthly;
    count += 1;
  }
  return count === 0 ? null : Math.round(sum / count);
}
