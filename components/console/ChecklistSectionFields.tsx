// One checklist section: its id and title and its items (a section keeps at least one item).

import { freshId, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ChecklistItem, ChecklistSection } from '../../lib/schema/content';
import { ChecklistItemFields } from './ChecklistItemFields';
import { FieldProblems } from './FieldProblems';
import { RowActions } from './RowActions';
import { TextField } from './TextField';

const MAX_ITEMS = 50;

type Props = {
  t: ConsoleTranslate;
  section: ChecklistSection;
  index: number;
  count: number;
  /** Every item id of the checklist: a new item's id must be new across all sections. */
  takenItemIds: readonly string[];
  onChange: (section: ChecklistSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | null;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function ChecklistSectionFields({
  t,
  section,
  index,
  count,
  takenItemIds,
  onChange,
  onMove,
  onRemove,
  problems,
  path,
  disabled,
}: Props) {
  const setItems = (items: ChecklistItem[]) => onChange({ ...section, items });
  return (
    <fieldset class="checklist-section-fields" data-testid="checklist-section" data-index={index}>
      <legend>{t('checklist.sectionNumber', { n: index + 1 })}</legend>
      <div class="row">
        <TextField
          t={t}
          label={t('field.id')}
          value={section.id}
          maxLength={60}
          onChange={(id) => onChange({ ...section, id })}
          problems={problems}
          path={[...path, 'id']}
        />
        <TextField
          t={t}
          label={t('field.title')}
          value={section.title}
          maxLength={200}
          onChange={(title) => onChange({ ...section, title })}
          problems={problems}
          path={[...path, 'title']}
          testId="section-title"
        />
        <RowActions
          up={{
            label: t('checklist.sectionUp', { n: index + 1 }),
            disabled: disabled || index === 0,
            onClick: () => onMove(-1),
          }}
          down={{
            label: t('checklist.sectionDown', { n: index + 1 }),
            disabled: disabled || index === count - 1,
            onClick: () => onMove(1),
          }}
          remove={{
            label: t('checklist.sectionRemove', { n: index + 1 }),
            disabled: disabled || onRemove === null,
            onClick: () => onRemove?.(),
          }}
        />
      </div>
      {section.items.map((item, i) => (
        <ChecklistItemFields
          key={i}
          t={t}
          item={item}
          number={`${index + 1}.${i + 1}`}
          first={i === 0}
          last={i === section.items.length - 1}
          onChange={(next) => setItems(replaceAt(section.items, i, next))}
          onMove={(delta) => setItems(moveItem(section.items, i, delta))}
          onRemove={section.items.length > 1 ? () => setItems(removeAt(section.items, i)) : null}
          problems={problems}
          path={[...path, 'items', i]}
          disabled={disabled}
        />
      ))}
      <button
        type="button"
        data-testid="item-add"
        disabled={disabled || section.items.length >= MAX_ITEMS}
        onClick={() =>
          setItems([
            ...section.items,
            {
              id: freshId('item', takenItemIds),
              text: t('checklist.newItem'),
              hint: '',
              weight: 1,
              critical: false,
              naAllowed: false,
            },
          ])
        }
      >
        {t('checklist.addItem')}
      </button>
      <FieldProblems t={t} problems={problems} path={[...path, 'items']} />
    </fieldset>
  );
}
