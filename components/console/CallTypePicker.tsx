// Which call types a module or objection belongs to: a checkbox per type of the classifier in
// effect; none checked means "any call type". Ids no longer in the classifier stay listed (and can
// be unticked) so an old module's conditions are never silently lost.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallType } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import { FieldProblems } from './FieldProblems';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callTypes: readonly CallType[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
};

export function CallTypePicker({ t, locale, callTypes, value, onChange, problems, path }: Props) {
  const known = new Set(callTypes.map((type) => type.id));
  const unknown = value.filter((id) => !known.has(id));
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset class="call-types" data-testid="call-type-picker" data-path={path.join('.')}>
      <legend>{t('field.callTypes')}</legend>
      <small class="hint">
        {value.length === 0 ? t('callTypes.any') : t('callTypes.some', { count: value.length })}
      </small>
      <div class="checks">
        {callTypes.map((type) => (
          <label key={type.id} class="check">
            <input
              type="checkbox"
              data-type={type.id}
              checked={value.includes(type.id)}
              onChange={(event) => toggle(type.id, event.currentTarget.checked)}
            />
            <span>{type.names[locale]}</span>
          </label>
        ))}
        {unknown.map((id) => (
          <label key={id} class="check check--unknown">
            <input type="checkbox" data-type={id} checked onChange={() => toggle(id, false)} />
            <span>{t('callTypes.unknown', { id })}</span>
          </label>
        ))}
      </div>
      <FieldProblems t={t} problems={problems} path={path} exactOrBelow />
    </fieldset>
  );
}
