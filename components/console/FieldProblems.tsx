// The problems of one field, right under it: what is wrong and where, as plain text. Worded as the
// content kinds' problems unless the editor passes its kind's wording (the plan's).
import { DRAFT_WORDS, type ProblemWords } from '../../lib/console/problem-text';
import { type DraftProblem, type IssuePath, type Problem, problemsAt } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

type Props<P extends Problem<string>> = {
  t: ConsoleTranslate;
  path: IssuePath;
  /** Also the problems of anything inside the field (a list's entries). */
  exactOrBelow?: boolean;
} & ({ problems: readonly DraftProblem[]; words?: undefined } | { problems: readonly P[]; words: ProblemWords<P> });

export function FieldProblems<P extends Problem<string>>({ t, problems, path, exactOrBelow, words }: Props<P>) {
  const here: readonly Problem<string>[] = problemsAt<Problem<string>>(problems, path, !exactOrBelow);
  if (here.length === 0) return null;
  const wording = (words ?? DRAFT_WORDS) as ProblemWords<Problem<string>>;
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
          {wording.message(problem, t)} <span class="problem-path">({wording.path(problem.path, t)})</span>
        </small>
      ))}
    </>
  );
}
