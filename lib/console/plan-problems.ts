// Live validation of a plan draft: the `plan` schema (lib/schema/plan.ts) plus checks that point at
// the exact field where the schema's document-wide rules only speak in general (the bonus scale's
// order, an operator listed twice). Problems carry their path in the body so the editor shows each
// next to its field; codes are translated by the console, never shown as zod's English.
import { PlanDocument } from '../schema/plan';
import { fromIssue, type Problem, type ProblemCode } from './problems';

export type PlanProblemCode = ProblemCode | 'scaleOrder' | 'duplicateOperator';

export type PlanProblem = Problem<PlanProblemCode>;

function pointedProblems(plan: PlanDocument): PlanProblem[] {
  const found: PlanProblem[] = [];
  const scale = Array.isArray(plan.pay?.scale) ? plan.pay.scale : [];
  scale.forEach((point, index) => {
    const before = scale[index - 1];
    if (before && !(point.attainment > before.attainment)) {
      found.push({
        path: ['pay', 'scale', index, 'attainment'],
        code: 'scaleOrder',
        params: { min: before.attainment },
      });
    }
  });
  const seen = new Set<string>();
  (Array.isArray(plan.operators) ? plan.operators : []).forEach((operator, index) => {
    if (seen.has(operator.userId)) {
      found.push({ path: ['operators', index, 'name'], code: 'duplicateOperator', params: {} });
    }
    seen.add(operator.userId);
  });
  return found;
}

/**
 * Everything wrong with a plan draft, in document order. Empty means the body is exactly what the
 * server accepts. The scale's general order rule is dropped when a pointed check says where it fails.
 */
export function planProblems(plan: PlanDocument): PlanProblem[] {
  const parsed = PlanDocument.safeParse(plan);
  const fromSchema: PlanProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => fromIssue(issue, 'badValue'));
  const pointed = pointedProblems(plan);
  const orderPointed = pointed.some((problem) => problem.code === 'scaleOrder');
  const kept = fromSchema.filter(
    (problem) => !(orderPointed && problem.code === 'other' && problem.path.join('.') === 'pay.scale'),
  );
  const all = new Map<string, PlanProblem>();
  for (const problem of [...kept, ...pointed]) all.set(`${problem.path.join('.')}|${problem.code}`, problem);
  return [...all.values()];
}
