// The problems of one plan field, right under it: what is wrong and where, as plain text.
import { planPathText, planProblemMessage } from '../../../lib/console/plan-problem-text';
import { type PlanProblem, planProblemsAt } from '../../../lib/console/plan-problems';
import type { IssuePath } from '../../../lib/console/problems';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';

type Props = {
  t: ConsoleTranslate;
  problems: readonly PlanProblem[];
  path: IssuePath;
  /** Also the problems of anything inside the field (a list's entries). */
  exactOrBelow?: boolean;
};

export function PlanFieldProblems({ t, problems, path, exactOrBelow }: Props) {
  const here = planProblemsAt(problems, path, !exactOrBelow);
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
          {planProblemMessage(problem, t)} <span class="problem-path">({planPathText(problem.path, t)})</span>
        </small>
      ))}
    </>
  );
}
