// Chooses whose document the console works on: the whole organisation or one of the user's teams.
// Locked while the editor holds unpublished changes, so a draft is never lost by switching.
import type { Scope } from '../../lib/console/scopes';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

const ORG = 'org';

type Props = {
  t: ConsoleTranslate;
  scopes: readonly Scope[];
  value: string | null;
  locked: boolean;
  onChange: (teamId: string | null) => void;
};

export function ScopePicker({ t, scopes, value, locked, onChange }: Props) {
  return (
    <label class="field">
      <span class="field-label">{t('scope.label')}</span>
      <select
        data-testid="console-scope"
        value={value ?? ORG}
        disabled={locked || scopes.length < 2}
        onChange={(event) => {
          const next = event.currentTarget.value;
          onChange(next === ORG ? null : next);
        }}
      >
        {scopes.map((scope) => (
          <option key={scope.teamId ?? ORG} value={scope.teamId ?? ORG}>
            {scope.label}
          </option>
        ))}
      </select>
      {locked && <small class="hint">{t('editor.unsaved')}</small>}
    </label>
  );
}
