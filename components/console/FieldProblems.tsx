// The problems of one field, right under it: what is wrong and where, as plain text.

import { pathText, problemMessage } from '../../lib/console/problem-text';
import { type DraftProblem, type IssuePath, problemsAt } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

type Props = {
  t: ConsoleTranslate;
  problems: readonly DraftProblem[];
  path: IssuePath;
  /** Also the problems of anything inside the field (a list's entries). */
  exactOrBelow?: boolean;
};

export function FieldProblems({ t, problems, path, exactOrBelow }: Props) {
  const here = problemsAt(problems, path, !exactOrBelow);
  if (here.length === 0) return null;
  return (
    <>
      {here.map((problem) => (
        <small
          key={`${problem.code}:${problem.path.join('.')}`}
          class="field-error"
          role="alert"
          data-testid="field-problem"
          data-path={problem.path.join('.')}
        >
          {problemMessage(problem, t)} <span class="problem-path">({pathText(problem.path, t)})</span>
        </small>
      ))}
    </>
  );
}
