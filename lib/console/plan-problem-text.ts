// A plan draft's problem in the author's language: what is wrong and where (e.g. «Оплата › Точка
// шкалы 2 › Выполнение плана, %: …»). Lists are named by their position counted from 1.
import type { ConsoleKey, ConsoleTranslate } from '../i18n/console-messages';
import type { PlanProblem } from './plan-problems';
import { problemMessage } from './problem-text';
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

/** «Оплата › Точка шкалы 2 › Выполнение плана, %»; the whole plan when the path is empty. */
export function planPathText(path: IssuePath, t: ConsoleTranslate): string {
  if (path.length === 0) return t('path.document');
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'string' && typeof next === 'number' && LISTS[part]) {
      parts.push(t(LISTS[part], { n: next + 1 }));
      i += 1;
    } else if (typeof part === 'string') {
      const key = FIELDS[part];
      parts.push(key ? t(key) : part);
    } else if (typeof part === 'number') {
      parts.push(String(part + 1));
    }
  }
  return parts.join(' › ');
}

export function planProblemMessage(problem: PlanProblem, t: ConsoleTranslate): string {
  if (problem.code === 'scaleOrder') return t('plan.issue.scaleOrder', problem.params);
  if (problem.code === 'duplicateOperator') return t('plan.issue.duplicateOperator');
  return problemMessage(problem as DraftProblem, t);
}

/** Message and place together, for the list above the publish button. */
export function planProblemText(problem: PlanProblem, t: ConsoleTranslate): string {
  return t('issue.at', { path: planPathText(problem.path, t), message: planProblemMessage(problem, t) });
}
