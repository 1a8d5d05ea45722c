// A plan draft's problem in the author's language: what is wrong and where (e.g. «Оплата › Точка
// шкалы 2 › Выполнение плана, %: …»). Lists are named by their position counted from 1.
import type { ConsoleKey, ConsoleTranslate } from '../i18n/console-messages';
import type { PlanProblem } from './plan-problems';
import { describePath, type ProblemWords, problemMessage } from './problem-text';
import type { DraftProblem, IssuePath } from './problems';

const LISTS: Record<string, ConsoleKey> = {
  operators: 'plan.path.operator',
  scale: 'plan.path.point',
};

const FIELDS: Record<string, ConsoleKey> = {
  month: 'plan.field.month',
  formula: 'plan.field.formula',
  expectedConnections: 'plan.field.expectedConnections',
  connectionsSource: 'plan.field.connectionsSource',
  averageCheck: 'plan.field.averageCheck',
  uplift: 'plan.field.uplift',
  targets: 'plan.field.targets',
  revenue: 'plan.field.revenue',
  sales: 'plan.field.sales',
  effectiveCalls: 'plan.field.effectiveCalls',
  connections: 'plan.field.connections',
  upgrades: 'plan.field.upgrades',
  split: 'plan.field.split',
  operators: 'plan.field.operators',
  name: 'plan.field.operator',
  userId: 'plan.field.operator',
  shifts: 'plan.field.shifts',
  pay: 'plan.field.pay',
  fixed: 'plan.field.fixed',
  bonus: 'plan.field.bonus',
  measure: 'plan.field.measure',
  scale: 'plan.field.scale',
  attainment: 'plan.field.attainment',
  share: 'plan.field.share',
  effectiveCallMs: 'plan.field.effectiveCallSeconds',
};

/** A plan field's (or the version diff's plan part's) name in the author's language; else as is. */
export function planFieldText(field: string, t: ConsoleTranslate): string {
  const key = FIELDS[field];
  return key ? t(key) : field;
}

/** «Оплата › Точка шкалы 2 › Выполнение плана, %»; the whole plan when the path is empty. */
export function planPathText(path: IssuePath, t: ConsoleTranslate): string {
  return describePath(path, t, LISTS, (field) => FIELDS[field]);
}

export function planProblemMessage(problem: PlanProblem, t: ConsoleTranslate): string {
  if (problem.code === 'scaleOrder') return t('plan.issue.scaleOrder', problem.params);
  if (problem.code === 'duplicateOperator') return t('plan.issue.duplicateOperator');
  return problemMessage(problem as DraftProblem, t);
}

/** The plan's wording of its problems. */
export const PLAN_WORDS: ProblemWords<PlanProblem> = { message: planProblemMessage, path: planPathText };
