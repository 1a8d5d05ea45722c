// A number field of the plan draft, shown in the unit people think in (uplift in %, the effective
// call threshold in seconds) while the draft keeps the schema's unit. What cannot be read as a
// number stays in the draft as NaN, so the schema reports it next to the field.

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
  /** Shown value = stored value × factor (100 for a share shown in %, 0.001 for ms shown in s). */
  factor?: number;
  /** Store whole numbers (the schema wants integers, the shown unit allows fractions). */
  integer?: boolean;
  step?: number;
  min?: number;
  max?: number;
  hint?: string;
  testId?: string;
  disabled?: boolean;
};

/** The shown number without binary-fraction noise (0.15 × 100 is 15.000000000000002). */
function shown(value: number | null, factor: number): string {
  if (value === null || Number.isNaN(value)) return '';
  return String(Number((value * factor).toPrecision(12)));
}

export function PlanNumberField({
  t,
  label,
  value,
  onChange,
  problems,
  path,
  factor = 1,
  integer,
  step = 1,
  min,
  max,
  hint,
  testId,
  disabled,
}: Props) {
  return (
    <label class="field field-number">
      <span class="field-label">{label}</span>
      <input
        type="number"
        data-testid={testId}
        data-path={path.join('.')}
        step={step}
        min={min}
        max={max}
        disabled={disabled}
        value={shown(value, factor)}
        onInput={(event) => {
          const text = event.currentTarget.value.trim();
          const number = text === '' ? Number.NaN : Number(text) / factor;
          onChange(integer && Number.isFinite(number) ? Math.round(number) : Number(number.toPrecision(12)));
        }}
      />
      {hint && <small class="hint">{hint}</small>}
      <FieldProblems t={t} problems={problems} path={path} words={PLAN_WORDS} />
    </label>
  );
}
