// Four checkboxes (Alt, Shift, Ctrl, Meta) editing one modifier set of a hotkey.
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import type { Modifiers } from '../../lib/schema/hotkeys';

const ORDER: readonly { name: keyof Modifiers; label: OptionsKey }[] = [
  { name: 'alt', label: 'keys.alt' },
  { name: 'shift', label: 'keys.shift' },
  { name: 'ctrl', label: 'keys.ctrl' },
  { name: 'meta', label: 'keys.meta' },
];

type Props = {
  t: OptionsTranslate;
  value: Modifiers;
  onChange: (value: Modifiers) => void;
};

export function ModifierChecks({ t, value, onChange }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of checkboxes inside a labelled field, a fieldset would break the grid
    <div class="modifiers" role="group" aria-label={t('keys.modifiers')}>
      {ORDER.map(({ name, label }) => (
        <label key={name} class="check">
          <input
            type="checkbox"
            checked={value[name]}
            onChange={(event) => onChange({ ...value, [name]: event.currentTarget.checked })}
          />
          <span>{t(label)}</span>
        </label>
      ))}
    </div>
  );
}
