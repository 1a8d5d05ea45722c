// The demo team's plan for the current month (kind `plan`), as its lead would publish it: the
// department formula (expected connections × average check of the catalogue's tariffs × 1.15),
// targets sized to the demo history's volume, split across the team's operators by their shifts
// (whole numbers adding up exactly to the team's), and the default pay rule.
import { DEFAULT_EFFECTIVE_CALL_MS, DEFAULT_PAY_RULE } from '../../lib/plan/defaults';
import { averageCheck, planRevenue } from '../../lib/plan/formula';
import { splitPlan } from '../../lib/plan/split';
import type { TariffCatalogue } from '../../lib/schema/content';
import type { PlanDocument, PlanFormula } from '../../lib/schema/plan';
import type { Database } from '../db/database';
import { publishVersion } from '../documents/publish';

/**
 * Per planned shift, what the team is expected to make: at the demo history's volume the usual
 * operator runs close to plan and the weakest well behind it, so the reports have both to show.
 */
const PER_SHIFT = { effectiveCalls: 14, sales: 3, upgrades: 2.2 };
/** Expected new connections in the month, as the lead took them from the recent months. */
const EXPECTED_CONNECTIONS = 64;
const UPLIFT = 0.15;

export interface PlannedOperator {
  userId: string;
  name: string;
  /** The operator's shifts in the plan's month. */
  shifts: number;
}

/** The plan body for `month` (pure). */
export function demoPlan(
  month: string,
  catalogue: TariffCatalogue,
  operators: readonly PlannedOperator[],
): PlanDocument {
  const formula: PlanFormula = {
    expectedConnections: EXPECTED_CONNECTIONS,
    connectionsSource: 'recent_average',
    // A connection's amount is the new tariff's monthly fee.
    averageCheck: averageCheck(catalogue.tariffs.filter((t) => t.active).map((t) => t.monthly)),
    uplift: UPLIFT,
  };
  const shifts = operators.reduce((sum, op) => sum + op.shifts, 0);
  const targets = {
    revenue: planRevenue(formula),
    sales: Math.round(PER_SHIFT.sales * shifts),
    effectiveCalls: Math.round(PER_SHIFT.effectiveCalls * shifts),
    connections: EXPECTED_CONNECTIONS,
    upgrades: Math.round(PER_SHIFT.upgrades * shifts),
  };
  return {
    month,
    formula,
    targets,
    split: 'shifts',
    operators: splitPlan(targets, operators, 'shifts'),
    pay: DEFAULT_PAY_RULE,
    effectiveCallMs: DEFAULT_EFFECTIVE_CALL_MS,
  };
}

/** Publishes the plan for the team as its lead; answers the version id. */
export async function publishDemoPlan(
  db: Database,
  input: { orgId: string; teamId: string; leadId: string; plan: PlanDocument; now: number },
): Promise<string> {
  const version = await publishVersion(db, {
    orgId: input.orgId,
    kind: 'plan',
    teamId: input.teamId,
    body: input.plan,
    note: 'План смены на месяц',
    publishedBy: input.leadId,
    now: input.now,
  });
  return version.versionId;
}
