// Picks the key that tags a call with one call type: a digit, a letter or none.
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { KeyCode } from '../../lib/schema/hotkeys';
import { keyLabel } from './KeyCapture';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((d) => `Digit${d}`);
const LETTERS = Array.from({ length: 26 }, (_, i) => `Key${String.fromCharCode(65 + i)}`);
const CHOICES: readonly string[] = [...DIGITS, ...LETTERS];
const NONE = '';

type Props = {
  t: OptionsTranslate;
  label: string;
  value: KeyCode | null;
  /** Keys already taken by other rows or by other hotkeys; marked, not hidden. */
  taken: ReadonlySet<string>;
  onChange: (value: KeyCode | null) => void;
};

export function KeySelect({ t, label, value, taken, onChange }: Props) {
  // A key outside the usual set (F1, Space...) may come from a classifier made elsewhere: keep it.
  const choices = value !== null && !CHOICES.includes(value) ? [value, ...CHOICES] : CHOICES;
  return (
    <select
      aria-label={label}
      value={value ?? NONE}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange(next === NONE ? null : next);
      }}
    >
      <option value={NONE}>{t('classifier.noKey')}</option>
      {choices.map((code) => (
        <option key={code} value={code}>
          {code !== value && taken.has(code) ? t('classifier.keyTaken', { key: keyLabel(code, t) }) : keyLabel(code, t)}
        </option>
      ))}
    </select>
  );
}
