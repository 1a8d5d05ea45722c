// A one-line text field of a draft with its label and the problems of its path under it.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';

type Props = {
  t: ConsoleTranslate;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  testId?: string;
  maxLength?: number;
  hint?: string;
};

export function TextField({ t, label, value, onChange, problems, path, testId, maxLength, hint }: Props) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        type="text"
        data-testid={testId}
        data-path={path.join('.')}
        value={value}
        maxLength={maxLength}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {hint && <small class="hint">{hint}</small>}
      <FieldProblems t={t} problems={problems} path={path} />
    </label>
  );
}
