// A choice among fixed values (stage, offer kind, tariff kind…) with its label and problems.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';

type Props<V extends string> = {
  t: ConsoleTranslate;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  testId?: string;
};

export function SelectField<V extends string>({
  t,
  label,
  value,
  options,
  onChange,
  problems,
  path,
  testId,
}: Props<V>) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <select
        data-testid={testId}
        data-path={path.join('.')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblems t={t} problems={problems} path={path} />
    </label>
  );
}
