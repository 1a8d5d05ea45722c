// A whole-number field of a draft. What cannot be read as a number stays in the draft as NaN (or
// null where the field allows "none"), so the schema reports it next to the field.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';

type Props = {
  t: ConsoleTranslate;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** An empty field means null (e.g. "speed unknown") instead of an invalid number. */
  nullable?: boolean;
  problems: readonly DraftProblem[];
  path: IssuePath;
  testId?: string;
  min?: number;
  max?: number;
};

export function NumberField({ t, label, value, onChange, nullable, problems, path, testId, min, max }: Props) {
  return (
    <label class="field field-number">
      <span class="field-label">{label}</span>
      <input
        type="number"
        data-testid={testId}
        data-path={path.join('.')}
        step={1}
        min={min}
        max={max}
        value={value === null || Number.isNaN(value) ? '' : String(value)}
        onInput={(event) => {
          const text = event.currentTarget.value.trim();
          onChange(text === '' ? (nullable ? null : Number.NaN) : Number(text));
        }}
      />
      <FieldProblems t={t} problems={problems} path={path} />
    </label>
  );
}
