// The panel's plan view moved by a sale the operator just recorded, before the background's own
// recomputation arrives: the same arithmetic on the figures the view carries (the plan's measure,
// the bonus scale, the projection factor), so progress and bonus move the moment the write is
// stored, as a tag shows the moment it is saved. The background's view then confirms it.
import { type CallOutcome, SALE_KINDS } from '../schema/call';
import type { BonusPoint, PlanMeasure } from '../schema/plan';
import { bonusAmount } from './bonus';

/** What of a plan view this needs (PlanView in lib/messaging/panel-protocol.ts). */
export interface PlanFigures {
  measure: PlanMeasure;
  target: number;
  done: number;
  percent: number;
  today: { calls: number; effectiveCalls: number; sales: number; revenue: number };
  remainingShifts: number;
  pacePerShift: number;
  bonusMax: number;
  earnedBonus: number;
  projectedPercent: number;
  projectedBonus: number;
  /** Planned shifts over shifts worked: the month's end at the current pace is done × this. */
  projectionFactor: number;
  scale: BonusPoint[];
  whatIf: { upgrades: number; revenue: number; bonus: number } | null;
}

/** Sales and revenue of a list of outcomes (the kinds that count for the plan). */
export function saleFigures(outcomes: readonly CallOutcome[]): { sales: number; revenue: number } {
  let sales = 0;
  let revenue = 0;
  for (const outcome of outcomes) {
    if (!SALE_KINDS.includes(outcome.kind)) continue;
    sales += 1;
    revenue += outcome.monthly;
  }
  return { sales, revenue };
}

/** The view with `delta` more sales and revenue today (negative when an outcome was removed). */
export function withSale<V extends PlanFigures>(view: V, delta: { sales: number; revenue: number }): V {
  if (delta.sales === 0 && delta.revenue === 0) return view;
  const moved = view.measure === 'revenue' ? delta.revenue : view.measure === 'sales' ? delta.sales : 0;
  const done = view.done + moved;
  const percentOf = (value: number) => (view.target > 0 ? (value / view.target) * 100 : 0);
  const bonus = (percent: number) => bonusAmount({ bonus: view.bonusMax, scale: view.scale }, percent);
  const percent = percentOf(done);
  const projectedPercent = percentOf(done * view.projectionFactor);
  const earnedBonus = bonus(percent);
  return {
    ...view,
    done,
    percent,
    today: { ...view.today, sales: view.today.sales + delta.sales, revenue: view.today.revenue + delta.revenue },
    pacePerShift: done >= view.target ? 0 : Math.ceil((view.target - done) / view.remainingShifts),
    earnedBonus,
    projectedPercent,
    projectedBonus: bonus(projectedPercent),
    whatIf: view.whatIf && {
      ...view.whatIf,
      bonus:
        bonus(
          percentOf(
            done +
              (view.measure === 'sales' ? view.whatIf.upgrades : view.measure === 'revenue' ? view.whatIf.revenue : 0),
          ),
        ) - earnedBonus,
    },
  };
}
