// A list of short words typed as one comma-separated line (keywords, tariff aliases). The typed
// line is kept as typed (a trailing ", " survives) and the list is derived from it.
import { useEffect, useState } from 'preact/hooks';
import { joinList, splitList } from '../../lib/console/list-edit';
import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';

type Props = {
  t: ConsoleTranslate;
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  hint?: string;
  testId?: string;
};

export function ListTextField({ t, label, value, onChange, problems, path, hint, testId }: Props) {
  const [text, setText] = useState(() => joinList(value));
  // A change from outside (discard, another entry selected) replaces what is typed.
  useEffect(() => {
    if (JSON.stringify(splitList(text)) !== JSON.stringify(value)) setText(joinList(value));
  }, [value]);
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        type="text"
        data-testid={testId}
        data-path={path.join('.')}
        value={text}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          onChange(splitList(next));
        }}
      />
      {hint && <small class="hint">{hint}</small>}
      <FieldProblems t={t} problems={problems} path={path} exactOrBelow />
    </label>
  );
}
