// The plan a new team starts from, and the demo organisation's: the default pay rule (fixed and
// bonus 50/50, no bonus at ≤ 40 % of plan, all of it at 100 %, DOMAIN.md "Plan, control and pay")
// and a department formula with the seed's numbers.
import { DEFAULT_BONUS_SCALE, type PayRule, type PlanDocument } from '../schema/plan';

export const DEFAULT_PAY_RULE: PayRule = {
  fixed: 30_000,
  bonus: 30_000,
  measure: 'revenue',
  scale: DEFAULT_BONUS_SCALE,
};

/** Talk time under which a call is not "effective" (seed 002's dial-and-hang-up). */
export const DEFAULT_EFFECTIVE_CALL_MS = 20_000;

/** An empty plan for `month`: the formula's inputs at zero, nobody assigned yet. */
export function emptyPlan(month: string): PlanDocument {
  return {
    month,
    formula: { expectedConnections: 0, connectionsSource: 'entered', averageCheck: 0, uplift: 0.15 },
    targets: { revenue: 0, sales: 0, effectiveCalls: 0, connections: null, upgrades: null },
    split: 'equal',
    operators: [],
    pay: DEFAULT_PAY_RULE,
    effectiveCallMs: DEFAULT_EFFECTIVE_CALL_MS,
  };
}
