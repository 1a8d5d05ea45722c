// Every problem of the draft above the publish button: why it cannot be published yet. The same
// problems also stand next to their fields in the editor.
import { DRAFT_WORDS, type ProblemWords, problemText } from '../../lib/console/problem-text';
import type { DraftProblem, Problem } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

const SHOWN = 20;

type Props<P extends Problem<string>> = { t: ConsoleTranslate } & (
  | { problems: readonly DraftProblem[]; words?: undefined }
  | { problems: readonly P[]; words: ProblemWords<P> }
);

export function ProblemList<P extends Problem<string>>({ t, problems, words }: Props<P>) {
  if (problems.length === 0) return null;
  const wording = (words ?? DRAFT_WORDS) as ProblemWords<Problem<string>>;
  return (
    <div class="notice notice-error" role="alert" data-testid="draft-problems">
      <p>{t('draft.problems', { count: problems.length })}</p>
      <ul>
        {problems.slice(0, SHOWN).map((problem) => (
          <li key={`${problem.code}:${problem.path.join('.')}`} data-path={problem.path.join('.')}>
            {problemText(problem, t, wording)}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>{t('draft.moreProblems', { count: problems.length - SHOWN })}</p>}
    </div>
  );
}
