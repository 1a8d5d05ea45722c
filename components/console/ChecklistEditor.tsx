// The checklist document (the quality form): its title, sections and items on the left, and the
// form as the operator's panel shows it beside them, where the author can tick items and see the
// score the way the panel and the lead's scoring count it.
import { useState } from 'preact/hooks';
import { freshId, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import type { Checklist, ChecklistMark, ChecklistMarks, ChecklistSection } from '../../lib/schema/content';
import { ChecklistView } from '../script/ChecklistView';
import { ChecklistSectionFields } from './ChecklistSectionFields';
import type { EditorProps } from './editor-props';
import { FieldProblems } from './FieldProblems';
import { PanelPreview } from './PanelPreview';
import { TextField } from './TextField';

const MAX_SECTIONS = 20;

export function ChecklistEditor({ ctx, value, onChange, problems, readOnly }: EditorProps<Checklist>) {
  const { t } = ctx;
  const [marks, setMarks] = useState<ChecklistMarks>({});
  const sections = value.sections;
  const itemIds = sections.flatMap((section) => section.items.map((item) => item.id));
  const setSections = (next: ChecklistSection[]) => onChange({ ...value, sections: next });

  return (
    <div class="doc-editor doc-editor--two" data-testid="checklist-editor">
      <fieldset class="plain doc-editor__fields" disabled={readOnly}>
        <TextField
          t={t}
          label={t('field.checklistTitle')}
          value={value.title}
          maxLength={200}
          onChange={(title) => onChange({ ...value, title })}
          problems={problems}
          path={['title']}
          testId="checklist-title"
        />
        {sections.map((section, index) => (
          <ChecklistSectionFields
            key={index}
            t={t}
            section={section}
            index={index}
            count={sections.length}
            takenItemIds={itemIds}
            onChange={(next) => setSections(replaceAt(sections, index, next))}
            onMove={(delta) => setSections(moveItem(sections, index, delta))}
            onRemove={sections.length > 1 ? () => setSections(removeAt(sections, index)) : null}
            problems={problems}
            path={['sections', index]}
            disabled={readOnly}
          />
        ))}
        <button
          type="button"
          data-testid="section-add"
          disabled={readOnly || sections.length >= MAX_SECTIONS}
          onClick={() =>
            setSections([
              ...sections,
              {
                id: freshId(
                  'section',
                  sections.map((s) => s.id),
                ),
                title: t('checklist.newSection'),
                items: [
                  {
                    id: freshId('item', itemIds),
                    text: t('checklist.newItem'),
                    hint: '',
                    weight: 1,
                    critical: false,
                    naAllowed: false,
                  },
                ],
              },
            ])
          }
        >
          {t('checklist.addSection')}
        </button>
        <FieldProblems t={t} problems={problems} path={['sections']} />
      </fieldset>
      <div class="preview-column">
        <PanelPreview locale={ctx.locale} title={t('preview.checklistTitle')} testId="checklist-preview">
          <ChecklistView
            checklist={value}
            marks={marks}
            onMark={(itemId: string, mark: ChecklistMark | null) =>
              setMarks((current) => {
                const next = { ...current };
                if (mark === null) delete next[itemId];
                else next[itemId] = mark;
                return next;
              })
            }
          />
        </PanelPreview>
        <p class="hint">{t('preview.checklistHint')}</p>
      </div>
    </div>
  );
}
