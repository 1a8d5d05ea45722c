// An authored text (module text, objection answer, checklist hint) with its variable picker: the
// text is plain text with `**bold**`, "- " list lines and `{variables}`; the preview beside the
// editor shows how the panel renders it.
import { useRef } from 'preact/hooks';
import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import { insertVariable } from '../../lib/console/template-vars';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { FieldProblems } from './FieldProblems';
import { VariablePicker } from './VariablePicker';

const TEXT_MAX = 4000;

type Props = {
  t: ConsoleTranslate;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
  rows?: number;
  testId?: string;
  /** Checklist hints have no subscriber to fill variables from. */
  variables?: boolean;
};

export function RichTextField({
  t,
  label,
  value,
  onChange,
  problems,
  path,
  disabled,
  rows = 6,
  testId,
  variables = true,
}: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div class="field rich-field">
      <label class="field">
        <span class="field-label">{label}</span>
        <textarea
          ref={area}
          data-testid={testId}
          data-path={path.join('.')}
          rows={rows}
          maxLength={TEXT_MAX}
          value={value}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
      </label>
      <small class="hint">{t('rich.hint')}</small>
      {variables && (
        <VariablePicker
          t={t}
          disabled={disabled}
          onInsert={(name) => {
            const element = area.current;
            const start = element?.selectionStart ?? value.length;
            const end = element?.selectionEnd ?? value.length;
            const next = insertVariable(value, start, end, name);
            onChange(next.text);
            // Put the caret after the inserted variable once the new text is rendered.
            requestAnimationFrame(() => {
              if (!element) return;
              element.focus();
              element.setSelectionRange(next.caret, next.caret);
            });
          }}
        />
      )}
      <FieldProblems t={t} problems={problems} path={path} />
    </div>
  );
}
