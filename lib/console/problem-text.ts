// A draft problem in the author's language: what is wrong and where (e.g. «Модуль 3 › Заголовок:
// заполните поле»). Paths name the lists by their position counted from 1, as the editor shows them.
import type { ConsoleKey, ConsoleTranslate } from '../i18n/console-messages';
import type { DraftProblem, IssuePath, Problem } from './problems';

const LISTS: Record<string, ConsoleKey> = {
  modules: 'path.modules',
  branches: 'path.branches',
  keywords: 'path.keywords',
  callTypes: 'path.callTypes',
  objections: 'path.objections',
  answers: 'path.answers',
  sections: 'path.sections',
  items: 'path.items',
  tariffs: 'path.tariffs',
  aliases: 'path.aliases',
  services: 'path.services',
};

const FIELDS: Record<string, ConsoleKey> = {
  id: 'field.id',
  title: 'field.title',
  stage: 'field.stage',
  offer: 'field.offer',
  when: 'field.when',
  callTypes: 'field.callTypes',
  balance: 'field.balance',
  needsUpgrade: 'field.needsUpgrade',
  text: 'field.text',
  goto: 'field.goto',
  keywords: 'field.keywords',
  hint: 'field.hint',
  weight: 'field.weight',
  critical: 'field.critical',
  naAllowed: 'field.naAllowed',
  currency: 'field.currency',
  name: 'field.name',
  aliases: 'field.aliases',
  kind: 'field.kind',
  monthly: 'field.monthly',
  speedMbps: 'field.speedMbps',
  upgradeTo: 'field.upgradeTo',
  active: 'field.active',
  modules: 'field.modules',
  objections: 'field.objections',
  sections: 'field.sections',
  items: 'field.items',
  answers: 'field.answers',
  branches: 'field.branches',
  tariffs: 'field.tariffs',
  services: 'field.services',
};

/** Field names the version diff reports beyond the editors' own (classifier names, section moves). */
const DIFF_FIELDS: Record<string, ConsoleKey> = {
  'names.ru': 'field.nameRu',
  'names.en': 'field.nameEn',
  'names.pl': 'field.namePl',
  key: 'field.key',
  section: 'field.section',
};

/** A body field's name in the author's language (the raw name when the console has no word for it). */
export function fieldText(field: string, t: ConsoleTranslate): string {
  const key = FIELDS[field] ?? DIFF_FIELDS[field];
  return key ? t(key) : field;
}

/**
 * A path in a body, named part by part: a list and its index as «Модуль 3», a field by `fieldKey`
 * (its raw name when that has no word for it); the whole document when the path is empty.
 */
export function describePath(
  path: IssuePath,
  t: ConsoleTranslate,
  lists: Record<string, ConsoleKey>,
  fieldKey: (field: string, index: number) => ConsoleKey | undefined,
): string {
  if (path.length === 0) return t('path.document');
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'string' && typeof next === 'number' && lists[part]) {
      parts.push(t(lists[part], { n: next + 1 }));
      i += 1;
    } else if (typeof part === 'string') {
      const key = fieldKey(part, i);
      parts.push(key ? t(key) : part);
    } else if (typeof part === 'number') {
      parts.push(String(part + 1));
    }
  }
  return parts.join(' › ');
}

/** «Модуль 3 › Ветка 1 › Переход»; the whole document when the path is empty. */
export function pathText(path: IssuePath, t: ConsoleTranslate): string {
  // A branch's `when` is what the subscriber says, not the module's display conditions.
  return describePath(path, t, LISTS, (field, index) =>
    field === 'when' && path[index - 2] === 'branches' ? 'field.branchWhen' : FIELDS[field],
  );
}

const CODES: Record<DraftProblem['code'], ConsoleKey> = {
  required: 'issue.required',
  tooLong: 'issue.tooLong',
  tooFew: 'issue.tooFew',
  tooMany: 'issue.tooMany',
  notNumber: 'issue.notNumber',
  notInteger: 'issue.notInteger',
  tooLow: 'issue.tooLow',
  tooHigh: 'issue.tooHigh',
  idFormat: 'issue.idFormat',
  badValue: 'issue.badValue',
  duplicateId: 'issue.duplicateId',
  unknownTarget: 'issue.unknownTarget',
  selfTarget: 'issue.selfTarget',
  other: 'issue.other',
};

export function problemMessage(problem: DraftProblem, t: ConsoleTranslate): string {
  return t(CODES[problem.code], problem.params);
}

/** How the problems of one document kind are worded: what is wrong, and where. */
export interface ProblemWords<P extends Problem<string>> {
  message(problem: P, t: ConsoleTranslate): string;
  path(path: IssuePath, t: ConsoleTranslate): string;
}

/** The content kinds' wording. */
export const DRAFT_WORDS: ProblemWords<DraftProblem> = { message: problemMessage, path: pathText };

/** Message and place together, for the list above the publish button. */
export function problemText<P extends Problem<string>>(
  problem: P,
  t: ConsoleTranslate,
  words: ProblemWords<P>,
): string {
  return t('issue.at', { path: words.path(problem.path, t), message: words.message(problem, t) });
}
