// The left column of a list editor (modules, objections): one row per entry with its title and id,
// a mark on entries that have problems, and add / move / remove. Selecting works read-only too, so
// a trainer can read every module.
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

export interface ListEntry {
  key: string;
  title: string;
  sub: string;
  invalid: boolean;
}

type Props = {
  t: ConsoleTranslate;
  testId: string;
  entries: readonly ListEntry[];
  selected: number;
  readOnly: boolean;
  addLabel: string;
  onSelect: (index: number) => void;
  onAdd: () => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
};

export function ItemList({
  t,
  testId,
  entries,
  selected,
  readOnly,
  addLabel,
  onSelect,
  onAdd,
  onMove,
  onRemove,
}: Props) {
  return (
    <nav class="item-list" data-testid={testId}>
      <ol>
        {entries.map((entry, index) => (
          <li
            key={entry.key}
            class={`item-list__row${index === selected ? ' item-list__row--selected' : ''}${entry.invalid ? ' item-list__row--invalid' : ''}`}
            data-testid="item-row"
            data-index={index}
            data-invalid={entry.invalid ? 'true' : 'false'}
          >
            <button
              type="button"
              class="item-list__pick"
              aria-current={index === selected ? 'true' : undefined}
              onClick={() => onSelect(index)}
            >
              <span class="item-list__title">{entry.title || t('list.untitled')}</span>
              <span class="item-list__sub">{entry.sub}</span>
            </button>
            {!readOnly && (
              <span class="item-list__actions">
                <button
                  type="button"
                  aria-label={t('list.up', { title: entry.title })}
                  disabled={index === 0}
                  onClick={() => onMove(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('list.down', { title: entry.title })}
                  disabled={index === entries.length - 1}
                  onClick={() => onMove(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="danger"
                  data-testid="item-remove"
                  aria-label={t('list.remove', { title: entry.title })}
                  onClick={() => onRemove(index)}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {entries.length === 0 && <p class="hint">{t('list.empty')}</p>}
      {!readOnly && (
        <button type="button" data-testid="item-add" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </nav>
  );
}
