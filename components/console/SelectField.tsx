// A choice among fixed values (stage, offer kind, tariff kind…) with its label and problems.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';
import { OptionSelect } from './OptionSelect';

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
      <OptionSelect value={value} options={options} onChange={onChange} path={path} testId={testId} />
      <FieldProblems t={t} problems={problems} path={path} />
    </label>
  );
}
