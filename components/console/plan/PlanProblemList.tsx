// Every problem of the plan draft above the publish button: why it cannot be published yet. The
// same problems also stand next to their fields.
import { planProblemText } from '../../../lib/console/plan-problem-text';
import type { PlanProblem } from '../../../lib/console/plan-problems';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';

const SHOWN = 20;

type Props = { t: ConsoleTranslate; problems: readonly PlanProblem[] };

export function PlanProblemList({ t, problems }: Props) {
  if (problems.length === 0) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid="draft-problems">
      <p>{t('draft.problems', { count: problems.length })}</p>
      <ul>
        {problems.slice(0, SHOWN).map((problem) => (
          <li key={`${problem.code}:${problem.path.join('.')}`} data-path={problem.path.join('.')}>
            {planProblemText(problem, t)}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>{t('draft.moreProblems', { count: problems.length - SHOWN })}</p>}
    </div>
  );
}
