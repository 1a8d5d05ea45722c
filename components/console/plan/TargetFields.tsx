// The department's count targets beside the revenue the formula gives: sales and effective calls
// (what outbound pay is tied to, seed 002), connections and upgrades when the lead plans them, and
// how long a call must last to count as effective.
import { toggleTarget } from '../../../lib/console/plan-draft';
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { formatMoney } from '../../../lib/console/report-format';
import type { PlanDocument } from '../../../lib/schema/plan';
import { CheckField } from '../CheckField';
import { FieldProblems } from '../FieldProblems';
import { PlanNumberField } from './PlanNumberField';
import type { PlanPartProps } from './plan-props';

type Targets = PlanDocument['targets'];

export function TargetFields({ ctx, value, onChange, problems, readOnly }: PlanPartProps) {
  const { t, locale, catalogue } = ctx;
  const setTarget = (next: Partial<Targets>) => onChange({ ...value, targets: { ...value.targets, ...next } });
  const optional = (field: 'connections' | 'upgrades') => (
    <div class="plan-optional">
      <CheckField
        label={t(field === 'connections' ? 'plan.planConnections' : 'plan.planUpgrades')}
        checked={value.targets[field] !== null}
        testId={`plan-plan-${field}`}
        onChange={(on) => onChange(toggleTarget(value, field, on))}
      />
      {value.targets[field] !== null && (
        <PlanNumberField
          t={t}
          label={t(`plan.field.${field}`)}
          value={value.targets[field]}
          min={0}
          onChange={(count) => setTarget({ [field]: count })}
          problems={problems}
          path={['targets', field]}
          testId={`plan-target-${field}`}
          disabled={readOnly}
        />
      )}
    </div>
  );
  return (
    <div class="plan-part" data-testid="plan-targets">
      <h3>{t('plan.targetsTitle')}</h3>
      <p data-testid="plan-target-revenue">
        {t('plan.revenueTarget', { amount: formatMoney(value.targets.revenue, locale, catalogue.currency) })}
      </p>
      <FieldProblems t={t} problems={problems} path={['targets', 'revenue']} words={PLAN_WORDS} />
      <div class="row">
        <PlanNumberField
          t={t}
          label={t('plan.field.sales')}
          value={value.targets.sales}
          min={0}
          onChange={(sales) => setTarget({ sales })}
          problems={problems}
          path={['targets', 'sales']}
          testId="plan-target-sales"
          disabled={readOnly}
        />
        <PlanNumberField
          t={t}
          label={t('plan.field.effectiveCalls')}
          value={value.targets.effectiveCalls}
          min={0}
          onChange={(effectiveCalls) => setTarget({ effectiveCalls })}
          problems={problems}
          path={['targets', 'effectiveCalls']}
          testId="plan-target-effective"
          disabled={readOnly}
        />
        <PlanNumberField
          t={t}
          label={t('plan.field.effectiveCallSeconds')}
          value={value.effectiveCallMs}
          factor={0.001}
          integer
          min={0}
          hint={t('plan.effectiveHint')}
          onChange={(effectiveCallMs) => onChange({ ...value, effectiveCallMs })}
          problems={problems}
          path={['effectiveCallMs']}
          testId="plan-effective-seconds"
          disabled={readOnly}
        />
      </div>
      <div class="row">
        {optional('connections')}
        {optional('upgrades')}
      </div>
    </div>
  );
}
