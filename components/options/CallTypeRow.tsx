// One editable call type in the classifier table: id, names in the three UI languages, tag key,
// reordering and removal.
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import type { CallType } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import { KeySelect } from './KeySelect';

const NAME_LANGUAGES: readonly { locale: Locale; label: OptionsKey }[] = [
  { locale: 'ru', label: 'classifier.nameRu' },
  { locale: 'en', label: 'classifier.nameEn' },
  { locale: 'pl', label: 'classifier.namePl' },
];

type Props = {
  t: OptionsTranslate;
  index: number;
  count: number;
  type: CallType;
  /** Ids of saved types are fixed: calls already tagged with them refer to the id. */
  idEditable: boolean;
  takenKeys: ReadonlySet<string>;
  /** Receives an update function, so quick successive edits never work on a stale row. */
  onChange: (update: (type: CallType) => CallType) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

export function CallTypeRow({ t, index, count, type, idEditable, takenKeys, onChange, onMove, onRemove }: Props) {
  const position = index + 1;
  return (
    <tr>
      <td class="num">{position}</td>
      <td>
        <input
          class="type-id"
          type="text"
          value={type.id}
          maxLength={40}
          readOnly={!idEditable}
          title={idEditable ? undefined : t('classifier.idFixed')}
          aria-label={t('classifier.idOf', { n: position })}
          onInput={(event) => {
            const id = event.currentTarget.value;
            onChange((current) => ({ ...current, id }));
          }}
        />
      </td>
      {NAME_LANGUAGES.map(({ locale, label }) => (
        <td key={locale}>
          <input
            type="text"
            value={type.names[locale]}
            maxLength={120}
            aria-label={t('classifier.nameOf', { n: position, language: t(label) })}
            onInput={(event) => {
              const name = event.currentTarget.value;
              onChange((current) => ({ ...current, names: { ...current.names, [locale]: name } }));
            }}
          />
        </td>
      ))}
      <td>
        <KeySelect
          t={t}
          label={t('classifier.keyOf', { n: position })}
          value={type.key}
          taken={takenKeys}
          onChange={(key) => onChange((current) => ({ ...current, key }))}
        />
      </td>
      <td class="row-actions">
        <button
          type="button"
          disabled={index === 0}
          title={t('classifier.moveUp')}
          aria-label={t('classifier.moveUpOf', { n: position })}
          onClick={() => onMove(-1)}
        >
          {'\u2191'}
        </button>
        <button
          type="button"
          disabled={index === count - 1}
          title={t('classifier.moveDown')}
          aria-label={t('classifier.moveDownOf', { n: position })}
          onClick={() => onMove(1)}
        >
          {'\u2193'}
        </button>
        <button
          type="button"
          class="danger"
          disabled={count <= 1}
          aria-label={t('classifier.removeOf', { n: position })}
          onClick={onRemove}
        >
          {t('classifier.remove')}
        </button>
      </td>
    </tr>
  );
}
