// One checklist item: id, what is checked, the hint for operator and scorer, weight, critical,
// N/A allowed; with move and remove.

import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ChecklistItem } from '../../lib/schema/content';
import { CheckField } from './CheckField';
import { NumberField } from './NumberField';
import { RichTextField } from './RichTextField';
import { RowActions } from './RowActions';
import { TextField } from './TextField';

type Props = {
  t: ConsoleTranslate;
  item: ChecklistItem;
  number: string;
  first: boolean;
  last: boolean;
  onChange: (item: ChecklistItem) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | null;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function ChecklistItemFields({
  t,
  item,
  number,
  first,
  last,
  onChange,
  onMove,
  onRemove,
  problems,
  path,
  disabled,
}: Props) {
  return (
    <div class="checklist-item-fields" data-testid="checklist-item" data-path={path.join('.')}>
      <div class="answer__head">
        <strong>{t('checklist.itemNumber', { n: number })}</strong>
        <RowActions
          up={{ label: t('checklist.itemUp', { n: number }), disabled: disabled || first, onClick: () => onMove(-1) }}
          down={{ label: t('checklist.itemDown', { n: number }), disabled: disabled || last, onClick: () => onMove(1) }}
          remove={{
            label: t('checklist.itemRemove', { n: number }),
            disabled: disabled || onRemove === null,
            onClick: () => onRemove?.(),
          }}
        />
      </div>
      <div class="row">
        <TextField
          t={t}
          label={t('field.id')}
          value={item.id}
          maxLength={60}
          onChange={(id) => onChange({ ...item, id })}
          problems={problems}
          path={[...path, 'id']}
        />
        <NumberField
          t={t}
          label={t('field.weight')}
          value={item.weight}
          min={1}
          max={100}
          onChange={(weight) => onChange({ ...item, weight: weight ?? Number.NaN })}
          problems={problems}
          path={[...path, 'weight']}
          testId="item-weight"
        />
      </div>
      <TextField
        t={t}
        label={t('field.itemText')}
        value={item.text}
        maxLength={500}
        onChange={(text) => onChange({ ...item, text })}
        problems={problems}
        path={[...path, 'text']}
        testId="item-text"
      />
      <RichTextField
        t={t}
        label={t('field.hint')}
        value={item.hint}
        rows={2}
        variables={false}
        onChange={(hint) => onChange({ ...item, hint })}
        problems={problems}
        path={[...path, 'hint']}
        disabled={disabled}
      />
      <div class="checks">
        <CheckField
          label={t('field.critical')}
          checked={item.critical}
          onChange={(critical) => onChange({ ...item, critical })}
          testId="item-critical"
        />
        <CheckField
          label={t('field.naAllowed')}
          checked={item.naAllowed}
          onChange={(naAllowed) => onChange({ ...item, naAllowed })}
          testId="item-na"
        />
      </div>
    </div>
  );
}
