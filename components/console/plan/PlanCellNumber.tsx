// A number inside a plan table (an operator's shifts or share, a point of the bonus scale): the
// column header is its visible label, so the input carries its full name for screen readers.

import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import type { PlanProblem } from '../../../lib/console/plan-problems';
import type { IssuePath } from '../../../lib/console/problems';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import { FieldProblems } from '../FieldProblems';

type Props = {
  t: ConsoleTranslate;
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  problems: readonly PlanProblem[];
  path: IssuePath;
  readOnly: boolean;
  step?: number;
};

export function PlanCellNumber({ t, label, value, onChange, problems, path, readOnly, step = 1 }: Props) {
  return (
    <>
      <input
        type="number"
        class="cell-number"
        aria-label={label}
        data-path={path.join('.')}
        step={step}
        min={0}
        readOnly={readOnly}
        value={value === null || Number.isNaN(value) ? '' : String(value)}
        onInput={(event) => {
          const text = event.currentTarget.value.trim();
          onChange(text === '' ? Number.NaN : Number(text));
        }}
      />
      <FieldProblems t={t} problems={problems} path={path} words={PLAN_WORDS} />
    </>
  );
}
