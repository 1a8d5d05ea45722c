// The split of the department plan across the team's operators: equally, by planned shifts, or by
// hand. Each operator's shifts and shares are in one table (shares editable only by hand); a split
// by hand that does not add up to the targets says by how much. Operators of the team who are not
// in the plan yet can be added in one click.

import { removeAt, replaceAt } from '../../../lib/console/list-edit';
import { addOperators, missingMembers } from '../../../lib/console/plan-draft';
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { formatCount, formatMoney, formatShare, ratio } from '../../../lib/console/report-format';
import { manualMismatch, type PlanField } from '../../../lib/plan/split';
import { type OperatorPlan, PlanDocument, type SplitMethod } from '../../../lib/schema/plan';
import { FieldProblems } from '../FieldProblems';
import { OptionSelect } from '../OptionSelect';
import { PlanCellNumber } from './PlanCellNumber';
import type { PlanPartProps } from './plan-props';

const METHODS: readonly SplitMethod[] = ['equal', 'shifts', 'manual'];

export function SplitFields({ ctx, value, onChange, problems, readOnly }: PlanPartProps) {
  const { t, locale, catalogue, members } = ctx;
  const manual = value.split === 'manual';
  const fields: PlanField[] = ['revenue', 'sales', 'effectiveCalls'];
  if (value.targets.connections !== null) fields.push('connections');
  if (value.targets.upgrades !== null) fields.push('upgrades');
  const missing = members ? missingMembers(value, members) : [];
  const setOperator = (index: number, next: OperatorPlan) =>
    onChange({ ...value, operators: replaceAt(value.operators, index, next) });
  const money = (n: number) => formatMoney(n, locale, catalogue.currency);
  const amount = (field: PlanField, n: number) => (field === 'revenue' ? money(n) : formatCount(n, locale));

  // Only a readable plan can be summed; until then the field problems say what to fix.
  const readable =
    PlanDocument.shape.targets.safeParse(value.targets).success &&
    PlanDocument.shape.operators.safeParse(value.operators).success;
  const mismatches = manual && readable ? manualMismatch(value.targets, value.operators) : [];

  return (
    <div class="plan-part" data-testid="plan-split">
      <h3>{t('plan.splitTitle')}</h3>
      <label class="field">
        <span class="field-label">{t('plan.field.split')}</span>
        <OptionSelect
          testId="plan-split-method"
          path={['split']}
          value={value.split}
          disabled={readOnly}
          options={METHODS.map((method) => ({ value: method, label: t(`plan.split.${method}`) }))}
          onChange={(split) => onChange({ ...value, split })}
        />
      </label>
      {members === null && <p class="hint">{t('plan.team.loading')}</p>}
      {missing.length > 0 && (
        <div class="notice notice-info" data-testid="plan-missing">
          <p>{t('plan.team.missing', { names: missing.map((m) => m.name).join(', '), count: missing.length })}</p>
          {!readOnly && (
            <button
              type="button"
              data-testid="plan-add-operators"
              onClick={() => onChange(addOperators(value, missing))}
            >
              {t('plan.team.add', { count: missing.length })}
            </button>
          )}
        </div>
      )}
      {value.operators.length === 0 ? (
        <p class="hint" data-testid="plan-no-operators">
          {t('plan.team.none')}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="plan-operators" data-testid="plan-operators">
            <thead>
              <tr>
                <th scope="col">{t('plan.field.operator')}</th>
                <th scope="col">{t('plan.field.shifts')}</th>
                {fields.map((field) => (
                  <th key={field} scope="col">
                    {t(`plan.field.${field}`)}
                  </th>
                ))}
                <th scope="col">{t('plan.col.share')}</th>
                {!readOnly && <th scope="col">{t('history.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {value.operators.map((operator, index) => (
                <tr key={operator.userId} data-testid="plan-operator" data-user={operator.userId}>
                  <th scope="row">
                    {operator.name}
                    <FieldProblems t={t} problems={problems} path={['operators', index, 'name']} words={PLAN_WORDS} />
                  </th>
                  <td class="num">
                    <PlanCellNumber
                      t={t}
                      label={t('plan.cell', { field: t('plan.field.shifts'), name: operator.name })}
                      value={operator.shifts}
                      onChange={(shifts) => setOperator(index, { ...operator, shifts })}
                      problems={problems}
                      path={['operators', index, 'shifts']}
                      readOnly={readOnly}
                    />
                  </td>
                  {fields.map((field) => (
                    <td key={field} class="num" data-field={field}>
                      {manual ? (
                        <PlanCellNumber
                          t={t}
                          label={t('plan.cell', { field: t(`plan.field.${field}`), name: operator.name })}
                          value={operator[field]}
                          onChange={(n) => setOperator(index, { ...operator, [field]: n })}
                          problems={problems}
                          path={['operators', index, field]}
                          readOnly={readOnly}
                        />
                      ) : (
                        amount(field, operator[field] ?? 0)
                      )}
                    </td>
                  ))}
                  <td class="num" data-testid="plan-operator-share">
                    {formatShare(ratio(operator.revenue, value.targets.revenue), locale)}
                  </td>
                  {!readOnly && (
                    <td class="row-actions">
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('plan.team.remove', { name: operator.name })}
                        onClick={() => onChange({ ...value, operators: removeAt(value.operators, index) })}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FieldProblems t={t} problems={problems} path={['operators']} words={PLAN_WORDS} />
      {mismatches.length > 0 && (
        <div class="notice notice-error" role="status" data-testid="plan-mismatch">
          <p>{t('plan.mismatch.title')}</p>
          <ul>
            {mismatches.map((m) => (
              <li key={m.field} data-field={m.field}>
                {t('plan.mismatch.line', {
                  field: t(`plan.field.${m.field}`),
                  assigned: amount(m.field, m.assigned),
                  planned: amount(m.field, m.planned),
                  difference: amount(m.field, m.planned - m.assigned),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
