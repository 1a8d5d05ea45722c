// Splitting the department plan across operators (DOMAIN.md: the lead answers for the total, each
// operator for a personal plan). Shares are whole units that add up exactly to the department
// target, so the console never shows a plan whose parts miss the total by a rouble.
import * as z from 'zod/mini';
import type { OperatorPlan, PlanDocument } from '../schema/plan';

const SplitInput = z.object({
  total: z.number().check(z.int(), z.nonnegative()),
  weights: z.array(z.number().check(z.nonnegative())),
});

/**
 * `total` split in proportion to `weights` by the largest-remainder method: every part is the
 * floor of its exact quota, and the units left go one each to the largest remainders, a tie to the
 * earlier index. Parts are non-negative integers adding up exactly to `total`, each within 1 of
 * its quota. All weights zero: an equal split. No weights: no parts.
 */
export function splitTarget(total: number, weights: readonly number[]): number[] {
  SplitInput.parse({ total, weights });
  if (weights.length === 0) return [];
  let sum = 0;
  for (const weight of weights) sum += weight;
  const used = sum > 0 ? weights : weights.map(() => 1);
  const denominator = sum > 0 ? sum : weights.length;
  // Remainders are kept as numerators over the common denominator: exact for whole weights.
  const parts: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const weight of used) {
    const numerator = total * weight;
    const part = Math.floor(numerator / denominator);
    parts.push(part);
    remainders.push(numerator - part * denominator);
    given += part;
  }
  // By index, largest remainder first, ties to the earlier index.
  const order = parts.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (let k = 0; given < total; k = (k + 1) % order.length, given++) parts[order[k]!]! += 1;
  // Fractional weights can round a quota up past the total: take the excess back from the smallest
  // remainders (never below zero).
  for (let k = order.length - 1; given > total; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!;
    if (parts[i]! > 0) {
      parts[i]! -= 1;
      given -= 1;
    }
  }
  return parts;
}

type Targets = PlanDocument['targets'];

/** The targets a personal plan has a share of; connections and upgrades may be unplanned (null). */
const FIELDS = ['revenue', 'sales', 'effectiveCalls', 'connections', 'upgrades'] as const;

/**
 * Personal plans from the department targets: every target split equally (weight 1 each) or in
 * proportion to each operator's planned shifts (nobody with shifts yet: equally). Connections and
 * upgrades stay null when the department target is null.
 */
export function splitPlan(
  targets: Targets,
  operators: readonly { userId: string; name: string; shifts: number }[],
  method: 'equal' | 'shifts',
): OperatorPlan[] {
  const weights = operators.map((op) => (method === 'shifts' ? op.shifts : 1));
  const revenue = splitTarget(targets.revenue, weights);
  const sales = splitTarget(targets.sales, weights);
  const effectiveCalls = splitTarget(targets.effectiveCalls, weights);
  const connections = targets.connections === null ? null : splitTarget(targets.connections, weights);
  const upgrades = targets.upgrades === null ? null : splitTarget(targets.upgrades, weights);
  return operators.map((op, i) => ({
    userId: op.userId,
    name: op.name,
    shifts: op.shifts,
    revenue: revenue[i]!,
    sales: sales[i]!,
    effectiveCalls: effectiveCalls[i]!,
    connections: connections === null ? null : connections[i]!,
    upgrades: upgrades === null ? null : upgrades[i]!,
  }));
}

export type PlanField = (typeof FIELDS)[number];

export interface Mismatch {
  field: PlanField;
  planned: number;
  assigned: number;
}

/**
 * For a plan split by hand: the targets the operators' shares do not add up to. A null department
 * target (connections, upgrades) is not planned and never mismatches; an operator's null share of a
 * planned target counts as 0.
 */
export function manualMismatch(targets: Targets, operators: readonly OperatorPlan[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const field of FIELDS) {
    const planned = targets[field];
    if (planned === null) continue;
    let assigned = 0;
    for (const op of operators) assigned += op[field] ?? 0;
    if (assigned !== planned) out.push({ field, planned, assigned });
  }
  return out;
}
