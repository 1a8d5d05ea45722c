// Live validation of a draft: the kind's zod schema plus checks that point at the exact field the
// schema's document-wide rules (unique ids, existing branch and upgrade targets) only describe in
// general. Each problem carries its path in the body, so the editor shows it next to the field;
// the codes are translated by the console (issue.* messages), never shown as zod's English.
import type * as z from 'zod/mini';
import type { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { type ContentBodies, type ContentKind, contentSchema } from './documents';

export type IssuePath = readonly (string | number)[];

export type ProblemCode =
  | 'required'
  | 'tooLong'
  | 'tooFew'
  | 'tooMany'
  | 'notNumber'
  | 'notInteger'
  | 'tooLow'
  | 'tooHigh'
  | 'idFormat'
  | 'badValue'
  | 'duplicateId'
  | 'unknownTarget'
  | 'selfTarget'
  | 'other';

/** A problem of a draft at a path in its body; each document kind has its own codes. */
export interface Problem<C extends string> {
  path: IssuePath;
  code: C;
  params: Record<string, string | number>;
}

export type DraftProblem = Problem<ProblemCode>;

type Issue = z.core.$ZodIssue;

/**
 * One of zod's issues as a translatable problem. `formatCode` is what a malformed string means in
 * this kind of body (content ids have a format; the plan's strings have values to pick from).
 */
export function fromIssue(issue: Issue, formatCode: ProblemCode = 'idFormat'): DraftProblem {
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
      return problem(formatCode);
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

/** Every index of a list whose id is used more than once (in it, or in `counts` across lists). */
function duplicates<T>(items: readonly T[], idOf: (item: T) => string, counts = countIds(items, idOf)): number[] {
  const found: number[] = [];
  items.forEach((item, index) => {
    if ((counts.get(idOf(item)) ?? 0) > 1) found.push(index);
  });
  return found;
}

function countIds<T>(items: readonly T[], idOf: (item: T) => string, counts = new Map<string, number>()) {
  for (const item of items) counts.set(idOf(item), (counts.get(idOf(item)) ?? 0) + 1);
  return counts;
}

function scriptProblems(body: ScriptSet): DraftProblem[] {
  const found: DraftProblem[] = [];
  for (const index of duplicates(body.modules, (m) => m.id)) {
    found.push({ path: ['modules', index, 'id'], code: 'duplicateId', params: {} });
  }
  const ids = new Set(body.modules.map((m) => m.id));
  body.modules.forEach((module, index) => {
    module.branches.forEach((branch, b) => {
      if (branch.goto && !ids.has(branch.goto)) {
        found.push({ path: ['modules', index, 'branches', b, 'goto'], code: 'unknownTarget', params: {} });
      }
    });
  });
  return found;
}

function objectionProblems(body: ObjectionSet): DraftProblem[] {
  const found: DraftProblem[] = [];
  for (const index of duplicates(body.objections, (o) => o.id)) {
    found.push({ path: ['objections', index, 'id'], code: 'duplicateId', params: {} });
  }
  body.objections.forEach((objection, index) => {
    for (const a of duplicates(objection.answers, (answer) => answer.id)) {
      found.push({ path: ['objections', index, 'answers', a, 'id'], code: 'duplicateId', params: {} });
    }
  });
  return found;
}

function checklistProblems(body: Checklist): DraftProblem[] {
  const found: DraftProblem[] = [];
  for (const index of duplicates(body.sections, (s) => s.id)) {
    found.push({ path: ['sections', index, 'id'], code: 'duplicateId', params: {} });
  }
  // Item ids are unique across the whole checklist: marks are keyed by them.
  const counts = new Map<string, number>();
  for (const section of body.sections) countIds(section.items, (item) => item.id, counts);
  body.sections.forEach((section, index) => {
    for (const i of duplicates(section.items, (item) => item.id, counts)) {
      found.push({ path: ['sections', index, 'items', i, 'id'], code: 'duplicateId', params: {} });
    }
  });
  return found;
}

function tariffProblems(body: TariffCatalogue): DraftProblem[] {
  const found: DraftProblem[] = [];
  for (const index of duplicates(body.tariffs, (t) => t.id)) {
    found.push({ path: ['tariffs', index, 'id'], code: 'duplicateId', params: {} });
  }
  for (const index of duplicates(body.services, (s) => s.id)) {
    found.push({ path: ['services', index, 'id'], code: 'duplicateId', params: {} });
  }
  const ids = new Set(body.tariffs.map((t) => t.id));
  body.tariffs.forEach((tariff, index) => {
    if (tariff.upgradeTo === null) return;
    const path = ['tariffs', index, 'upgradeTo'];
    if (tariff.upgradeTo === tariff.id) found.push({ path, code: 'selfTarget', params: {} });
    else if (!ids.has(tariff.upgradeTo)) found.push({ path, code: 'unknownTarget', params: {} });
  });
  return found;
}

function pointedProblems<K extends ContentKind>(kind: K, body: ContentBodies[K]): DraftProblem[] {
  switch (kind) {
    case 'scripts':
      return scriptProblems(body as ScriptSet);
    case 'objections':
      return objectionProblems(body as ObjectionSet);
    case 'checklist':
      return checklistProblems(body as Checklist);
    default:
      return tariffProblems(body as TariffCatalogue);
  }
}

/**
 * Everything wrong with a draft, in document order. Empty means the body is exactly what the
 * server accepts. The schema's document-wide rules are dropped when a pointed check already says
 * where the problem is.
 */
export function draftProblems<K extends ContentKind>(kind: K, body: ContentBodies[K]): DraftProblem[] {
  const parsed = contentSchema(kind).safeParse(body);
  const fromSchema = parsed.success ? [] : parsed.error.issues.map((issue) => fromIssue(issue));
  const pointed = pointedProblems(kind, body);
  const kept = pointed.length > 0 ? fromSchema.filter((p) => !(p.code === 'other' && p.path.length === 0)) : fromSchema;
  const key = (p: DraftProblem) => `${p.path.join('.')}|${p.code}`;
  const all = new Map<string, DraftProblem>();
  for (const problem of [...kept, ...pointed]) all.set(key(problem), problem);
  return [...all.values()];
}

/** The problems of exactly this field (`exact`) or of anything under it. */
export function problemsAt<P extends Problem<string>>(problems: readonly P[], path: IssuePath, exact = true): P[] {
  return problems.filter(
    (problem) =>
      (exact ? problem.path.length === path.length : problem.path.length >= path.length) &&
      path.every((part, index) => problem.path[index] === part),
  );
}
