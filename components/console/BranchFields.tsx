// A module's branches: "if the subscriber says X → module Y", edited as rows. The target is chosen
// among the draft's modules; a target that no longer exists stays selectable and is reported.

import { moveItem, removeAt, replaceAt } from '../../lib/console/list-edit';
import type { DraftProblem, IssuePath } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ModuleBranch, ScriptModule } from '../../lib/schema/content';
import { FieldProblems } from './FieldProblems';
import { RowActions } from './RowActions';

const MAX_BRANCHES = 10;

type Props = {
  t: ConsoleTranslate;
  branches: readonly ModuleBranch[];
  /** Every module of the draft (targets), in order. */
  modules: readonly ScriptModule[];
  ownId: string;
  onChange: (branches: ModuleBranch[]) => void;
  problems: readonly DraftProblem[];
  path: IssuePath;
  disabled: boolean;
};

export function BranchFields({ t, branches, modules, ownId, onChange, problems, path, disabled }: Props) {
  const targets = modules.filter((module) => module.id !== ownId);
  return (
    <fieldset class="branches" data-testid="branches" data-path={path.join('.')}>
      <legend>{t('field.branches')}</legend>
      {branches.length === 0 && <small class="hint">{t('branches.none')}</small>}
      {branches.map((branch, index) => {
        const here = [...path, index];
        const known = targets.some((module) => module.id === branch.goto);
        return (
          <div key={index} class="branch-row" data-testid="branch-row">
            <label class="field">
              <span class="field-label">{t('field.branchWhen')}</span>
              <input
                type="text"
                data-path={[...here, 'when'].join('.')}
                maxLength={200}
                value={branch.when}
                onInput={(event) =>
                  onChange(replaceAt(branches, index, { ...branch, when: event.currentTarget.value }))
                }
              />
              <FieldProblems t={t} problems={problems} path={[...here, 'when']} />
            </label>
            <label class="field">
              <span class="field-label">{t('field.goto')}</span>
              <select
                data-path={[...here, 'goto'].join('.')}
                value={branch.goto}
                onChange={(event) =>
                  onChange(replaceAt(branches, index, { ...branch, goto: event.currentTarget.value }))
                }
              >
                {!known && <option value={branch.goto}>{t('branches.missing', { id: branch.goto })}</option>}
                {targets.map((module) => (
                  <option key={module.id} value={module.id}>
                    {module.title || module.id} ({module.id})
                  </option>
                ))}
              </select>
              <FieldProblems t={t} problems={problems} path={[...here, 'goto']} />
            </label>
            <RowActions
              up={{
                label: t('branches.up'),
                disabled: disabled || index === 0,
                onClick: () => onChange(moveItem(branches, index, -1)),
              }}
              down={{
                label: t('branches.down'),
                disabled: disabled || index === branches.length - 1,
                onClick: () => onChange(moveItem(branches, index, 1)),
              }}
              remove={{
                label: t('branches.remove'),
                disabled,
                onClick: () => onChange(removeAt(branches, index)),
              }}
            />
          </div>
        );
      })}
      <button
        type="button"
        data-testid="branch-add"
        disabled={disabled || branches.length >= MAX_BRANCHES || targets.length === 0}
        onClick={() => onChange([...branches, { when: '', goto: targets[0]?.id ?? '' }])}
      >
        {t('branches.add')}
      </button>
      <FieldProblems t={t} problems={problems} path={path} />
    </fieldset>
  );
}
