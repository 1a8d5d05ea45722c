// The pay rule: the fixed part, the bonus part and the figure attainment is measured on, the bonus
// scale as an editable table of points with its chart, and what an operator earns at a few
// attainments — the numbers a lead checks before publishing (DOMAIN.md: none at ≤ 40 %, all at 100 %).
import { removeAt, replaceAt } from '../../../lib/console/list-edit';
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { formatDecimal, formatMoney } from '../../../lib/console/report-format';
import { bonusAmount, bonusShare } from '../../../lib/plan/bonus';
import { type BonusPoint, PayRule, type PlanMeasure } from '../../../lib/schema/plan';
import { FieldProblems } from '../FieldProblems';
import { OptionSelect } from '../OptionSelect';
import { PlanCellNumber } from './PlanCellNumber';
import { PlanNumberField } from './PlanNumberField';
import type { PlanPartProps } from './plan-props';
import { ScaleChart } from './ScaleChart';

const MEASURES: readonly PlanMeasure[] = ['revenue', 'sales', 'effective_calls'];
const MAX_POINTS = 20;
/** The attainments the "what it pays" table shows. */
export const SAMPLE_ATTAINMENTS = [40, 60, 80, 100, 120] as const;

export function PayFields({ ctx, value, onChange, problems, readOnly }: PlanPartProps) {
  const { t, locale, catalogue } = ctx;
  const pay = value.pay;
  const setPay = (next: Partial<PayRule>) => onChange({ ...value, pay: { ...pay, ...next } });
  const setScale = (scale: BonusPoint[]) => setPay({ scale });
  const money = (n: number) => formatMoney(n, locale, catalogue.currency);
  const parsed = PayRule.safeParse(pay);

  return (
    <div class="plan-part" data-testid="plan-pay">
      <h3>{t('plan.payTitle')}</h3>
      <div class="row">
        <PlanNumberField
          t={t}
          label={t('plan.field.fixedIn', { currency: catalogue.currency })}
          value={pay.fixed}
          min={0}
          onChange={(fixed) => setPay({ fixed })}
          problems={problems}
          path={['pay', 'fixed']}
          testId="plan-fixed"
          disabled={readOnly}
        />
        <PlanNumberField
          t={t}
          label={t('plan.field.bonusIn', { currency: catalogue.currency })}
          value={pay.bonus}
          min={0}
          onChange={(bonus) => setPay({ bonus })}
          problems={problems}
          path={['pay', 'bonus']}
          testId="plan-bonus"
          disabled={readOnly}
        />
        <label class="field">
          <span class="field-label">{t('plan.field.measure')}</span>
          <OptionSelect
            testId="plan-measure"
            path={['pay', 'measure']}
            value={pay.measure}
            disabled={readOnly}
            options={MEASURES.map((measure) => ({ value: measure, label: t(`plan.measure.${measure}`) }))}
            onChange={(measure) => setPay({ measure })}
          />
        </label>
      </div>
      <p class="hint">{t('plan.payHint')}</p>

      <h4>{t('plan.field.scale')}</h4>
      <div class="plan-scale">
        <div class="table-wrap">
          <table class="plan-scale__points" data-testid="plan-scale">
            <thead>
              <tr>
                <th scope="col">{t('plan.field.attainment')}</th>
                <th scope="col">{t('plan.field.share')}</th>
                {!readOnly && <th scope="col">{t('history.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {pay.scale.map((point, index) => (
                <tr key={index} data-testid="plan-scale-point">
                  <td>
                    <PlanCellNumber
                      t={t}
                      label={t('plan.cell', {
                        field: t('plan.field.attainment'),
                        name: t('plan.path.point', { n: index + 1 }),
                      })}
                      value={point.attainment}
                      onChange={(attainment) => setScale(replaceAt(pay.scale, index, { ...point, attainment }))}
                      problems={problems}
                      path={['pay', 'scale', index, 'attainment']}
                      readOnly={readOnly}
                    />
                  </td>
                  <td>
                    <PlanCellNumber
                      t={t}
                      label={t('plan.cell', {
                        field: t('plan.field.share'),
                        name: t('plan.path.point', { n: index + 1 }),
                      })}
                      value={point.share}
                      onChange={(share) => setScale(replaceAt(pay.scale, index, { ...point, share }))}
                      problems={problems}
                      path={['pay', 'scale', index, 'share']}
                      readOnly={readOnly}
                    />
                  </td>
                  {!readOnly && (
                    <td class="row-actions">
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('plan.scale.remove', { n: index + 1 })}
                        disabled={pay.scale.length <= 2}
                        onClick={() => setScale(removeAt(pay.scale, index))}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {!readOnly && (
            <button
              type="button"
              data-testid="plan-scale-add"
              disabled={pay.scale.length >= MAX_POINTS}
              onClick={() => {
                const last = pay.scale[pay.scale.length - 1];
                const attainment = Number.isFinite(last?.attainment) ? (last?.attainment ?? 0) + 20 : 120;
                setScale([...pay.scale, { attainment, share: last?.share ?? 100 }]);
              }}
            >
              {t('plan.scale.add')}
            </button>
          )}
          <FieldProblems t={t} problems={problems} path={['pay', 'scale']} words={PLAN_WORDS} />
        </div>
        {parsed.success && <ScaleChart t={t} scale={parsed.data.scale} />}
      </div>

      {parsed.success && (
        <div class="table-wrap">
          <table class="plan-pay-samples" data-testid="plan-pay-samples">
            <caption>{t('plan.samples.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.field.attainment')}</th>
                <th scope="col">{t('plan.field.share')}</th>
                <th scope="col">{t('plan.samples.bonus')}</th>
                <th scope="col">{t('plan.samples.total')}</th>
              </tr>
            </thead>
            <tbody>
              {SAMPLE_ATTAINMENTS.map((attainment) => {
                const bonus = bonusAmount(parsed.data, attainment);
                return (
                  <tr key={attainment} data-testid="plan-pay-sample" data-attainment={attainment}>
                    <th scope="row">{`${attainment} %`}</th>
                    <td class="num">{`${formatDecimal(bonusShare(parsed.data.scale, attainment), locale, 1)} %`}</td>
                    <td class="num" data-testid="plan-pay-sample-bonus">
                      {money(bonus)}
                    </td>
                    <td class="num">{money(parsed.data.fixed + bonus)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
