// Live validation of a plan draft: the `plan` schema (lib/schema/plan.ts) plus checks that point at
// the exact field where the schema's document-wide rules only speak in general (the bonus scale's
// order, an operator listed twice). Problems carry their path in the body so the editor shows each
// next to its field; codes are translated by the console, never shown as zod's English.
import type * as z from 'zod/mini';
import { PlanDocument } from '../schema/plan';
import type { DraftProblem, IssuePath, ProblemCode } from './problems';

export type PlanProblemCode = ProblemCode | 'scaleOrder' | 'duplicateOperator';

export interface PlanProblem {
  path: IssuePath;
  code: PlanProblemCode;
  params: Record<string, string | number>;
}

/** The same reading of zod's issues as the content editors' (lib/console/problems.ts). */
function fromIssue(issue: z.core.$ZodIssue): DraftProblem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const problem = (code: ProblemCode, params: Record<string, string | number> = {}): DraftProblem => ({
    path,
    code,
    params,
  });
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return problem('required');
      if (issue.origin === 'array') return problem('tooFew', { min: Number(issue.minimum) });
      return problem('tooLow', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return problem('tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return problem('tooMany', { max: Number(issue.maximum) });
      return problem('tooHigh', { max: Number(issue.maximum) });
    case 'invalid_format':
      return problem('badValue');
    case 'invalid_type':
      if (issue.expected === 'int') return problem('notInteger');
      if (issue.expected === 'number') return problem('notNumber');
      return problem('badValue');
    case 'invalid_value':
      return problem('badValue');
    default:
      return problem('other', { message: issue.message });
  }
}

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
  const fromSchema: PlanProblem[] = parsed.success ? [] : parsed.error.issues.map(fromIssue);
  const pointed = pointedProblems(plan);
  const orderPointed = pointed.some((problem) => problem.code === 'scaleOrder');
  const kept = fromSchema.filter(
    (problem) => !(orderPointed && problem.code === 'other' && problem.path.join('.') === 'pay.scale'),
  );
  const all = new Map<string, PlanProblem>();
  for (const problem of [...kept, ...pointed]) all.set(`${problem.path.join('.')}|${problem.code}`, problem);
  return [...all.values()];
}

/** The problems of exactly this field (`exact`) or of anything under it. */
export function planProblemsAt(problems: readonly PlanProblem[], path: IssuePath, exact = true): PlanProblem[] {
  return problems.filter(
    (problem) =>
      (exact ? problem.path.length === path.length : problem.path.length >= path.length) &&
      path.every((part, index) => problem.path[index] === part),
  );
}
