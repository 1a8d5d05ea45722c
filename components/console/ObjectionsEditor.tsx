// The objections document: the list of objections on the left, the selected one's fields (what
// the subscriber says, call types, answers) in the middle, and the panel's card beside them.
import { useState } from 'preact/hooks';
import { freshId, insertAt, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import { problemsAt } from '../../lib/console/problems';
import type { Objection, ObjectionSet } from '../../lib/schema/content';
import type { EditorProps } from './editor-props';
import { ItemList } from './ItemList';
import { ObjectionFields } from './ObjectionFields';
import { ObjectionPreview } from './ObjectionPreview';

const MAX_OBJECTIONS = 200;

export function ObjectionsEditor({ ctx, value, onChange, problems, readOnly }: EditorProps<ObjectionSet>) {
  const { t } = ctx;
  const [selected, setSelected] = useState(0);
  const objections = value.objections;
  const index = Math.min(selected, objections.length - 1);
  const objection = objections[index] ?? null;
  const setObjections = (next: Objection[]) => onChange({ ...value, objections: next });

  function add() {
    const fresh: Objection = {
      id: freshId(
        'objection',
        objections.map((o) => o.id),
      ),
      title: t('objections.newTitle'),
      callTypes: [],
      answers: [{ id: 'answer-1', text: t('answers.newText') }],
    };
    const at = index + 1;
    setObjections(insertAt(objections, at, fresh));
    setSelected(at);
  }

  return (
    <div class="doc-editor" data-testid="objections-editor">
      <ItemList
        t={t}
        testId="objection-list"
        entries={objections.map((o, i) => ({
          key: String(i),
          title: o.title,
          sub: `${o.id} · ${t('objections.answerCount', { count: o.answers.length })}`,
          invalid: problemsAt(problems, ['objections', i], false).length > 0,
        }))}
        selected={index}
        readOnly={readOnly}
        addLabel={t('objections.add')}
        onSelect={setSelected}
        onAdd={objections.length < MAX_OBJECTIONS ? add : () => {}}
        onMove={(i, delta) => {
          setObjections(moveItem(objections, i, delta));
          if (i === index) setSelected(i + delta);
        }}
        onRemove={(i) => {
          setObjections(removeAt(objections, i));
          if (i <= index) setSelected(Math.max(0, index - 1));
        }}
      />
      <div class="doc-editor__fields">
        {objection ? (
          <ObjectionFields
            key={index}
            t={t}
            locale={ctx.locale}
            callTypes={ctx.callTypes}
            objection={objection}
            index={index}
            onChange={(next) => setObjections(replaceAt(objections, index, next))}
            problems={problems}
            disabled={readOnly}
          />
        ) : (
          <p class="hint">{t('objections.empty')}</p>
        )}
      </div>
      <ObjectionPreview ctx={ctx} objection={objection} />
    </div>
  );
}
