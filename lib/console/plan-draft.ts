// What the plan editor keeps in step while the lead types: the revenue target is the formula's
// result, and unless the split is by hand every operator's share is recomputed from the targets
// (lib/plan/split.ts). Also merges the team's operators into the plan's list. Pure: each function
// returns a new plan, leaving a field it cannot compute yet (a half-typed number) as it was.
import { planRevenue } from '../plan/formula';
import { splitPlan } from '../plan/split';
import { type OperatorPlan, PlanDocument, PlanFormula } from '../schema/plan';

/** Shifts a newly added operator starts with (a month of five-day weeks, about). */
export const DEFAULT_SHIFTS = 20;

const Targets = PlanDocument.shape.targets;
const Operators = PlanDocument.shape.operators;

/** The formula's result as the revenue target, when every input of the formula is valid. */
export function withFormulaRevenue(plan: PlanDocument): PlanDocument {
  const formula = PlanFormula.safeParse(plan.formula);
  if (!formula.success) return plan;
  const revenue = planRevenue(formula.data);
  return revenue === plan.targets.revenue ? plan : { ...plan, targets: { ...plan.targets, revenue } };
}

/** Every operator's share from the targets (equal or by shifts); a split by hand is left alone. */
export function withSplit(plan: PlanDocument): PlanDocument {
  if (plan.split === 'manual') return plan;
  const targets = Targets.safeParse(plan.targets);
  const operators = Operators.safeParse(plan.operators);
  if (!targets.success || !operators.success) return plan;
  return { ...plan, operators: splitPlan(targets.data, operators.data, plan.split) };
}

/** The derived fields brought up to date after an edit. */
export function derivePlan(plan: PlanDocument): PlanDocument {
  return withSplit(withFormulaRevenue(plan));
}

export interface PlanMember {
  userId: string;
  name: string;
}

/** Members of the team that the plan does not list yet. */
export function missingMembers(plan: PlanDocument, members: readonly PlanMember[]): PlanMember[] {
  const listed = new Set(plan.operators.map((operator) => operator.userId));
  return members.filter((member) => !listed.has(member.userId));
}

/** The plan's operators with `added` appended (no shares yet; the split gives them theirs). */
export function addOperators(plan: PlanDocument, added: readonly PlanMember[]): PlanDocument {
  const fresh: OperatorPlan[] = added.map((member) => ({
    userId: member.userId,
    name: member.name,
    shifts: DEFAULT_SHIFTS,
    revenue: 0,
    sales: 0,
    effectiveCalls: 0,
    connections: plan.targets.connections === null ? null : 0,
    upgrades: plan.targets.upgrades === null ? null : 0,
  }));
  return derivePlan({ ...plan, operators: [...plan.operators, ...fresh] });
}

/** Turns an optional target (connections, upgrades) on (0) or off (null), for the operators too. */
export function toggleTarget(plan: PlanDocument, field: 'connections' | 'upgrades', on: boolean): PlanDocument {
  const value = on ? 0 : null;
  return derivePlan({
    ...plan,
    targets: { ...plan.targets, [field]: value },
    operators: plan.operators.map((operator) => ({ ...operator, [field]: value })),
  });
}
