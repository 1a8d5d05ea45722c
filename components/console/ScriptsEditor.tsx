// The scripts document: the list of modules (add, remove, reorder) on the left, the selected
// module's fields in the middle and, beside them, the module as the operator's panel shows it.
import { useState } from 'preact/hooks';
import { freshId, insertAt, moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import { problemsAt } from '../../lib/console/problems';
import type { ScriptModule, ScriptSet } from '../../lib/schema/content';
import type { EditorProps } from './editor-props';
import { ItemList } from './ItemList';
import { ModuleFields } from './ModuleFields';
import { ModulePreview } from './ModulePreview';

const MAX_MODULES = 1000;

export function ScriptsEditor({ ctx, value, onChange, problems, readOnly }: EditorProps<ScriptSet>) {
  const { t } = ctx;
  const [selected, setSelected] = useState(0);
  const modules = value.modules;
  const index = Math.min(selected, modules.length - 1);
  const module = modules[index] ?? null;
  const setModules = (next: ScriptModule[]) => onChange({ ...value, modules: next });

  function add() {
    const fresh: ScriptModule = {
      id: freshId(
        'module',
        modules.map((m) => m.id),
      ),
      title: t('scripts.newTitle'),
      stage: 'offer',
      offer: 'none',
      when: { callTypes: [], balance: 'any', needsUpgrade: false },
      text: t('scripts.newText'),
      branches: [],
      keywords: [],
    };
    const at = index + 1;
    setModules(insertAt(modules, at, fresh));
    setSelected(at);
  }

  return (
    <div class="doc-editor" data-testid="scripts-editor">
      <ItemList
        t={t}
        testId="module-list"
        entries={modules.map((m, i) => ({
          key: String(i),
          title: m.title,
          sub: `${m.id} · ${t(`stage.${m.stage}`)}`,
          invalid: problemsAt(problems, ['modules', i], false).length > 0,
        }))}
        selected={index}
        readOnly={readOnly}
        addLabel={t('scripts.add')}
        onSelect={setSelected}
        onAdd={modules.length < MAX_MODULES ? add : () => {}}
        onMove={(i, delta) => {
          setModules(moveItem(modules, i, delta));
          if (i === index) setSelected(i + delta);
        }}
        onRemove={(i) => {
          setModules(removeAt(modules, i));
          if (i <= index) setSelected(Math.max(0, index - 1));
        }}
      />
      <div class="doc-editor__fields">
        {module ? (
          <ModuleFields
            key={index}
            t={t}
            locale={ctx.locale}
            callTypes={ctx.callTypes}
            module={module}
            index={index}
            modules={modules}
            onChange={(next) => setModules(replaceAt(modules, index, next))}
            problems={problems}
            disabled={readOnly}
          />
        ) : (
          <p class="hint">{t('scripts.empty')}</p>
        )}
      </div>
      <ModulePreview
        ctx={ctx}
        module={module}
        onBranch={(id) => {
          const target = modules.findIndex((m) => m.id === id);
          if (target >= 0) setSelected(target);
        }}
      />
    </div>
  );
}
