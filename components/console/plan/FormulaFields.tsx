// The month and the department formula: expected new connections (typed, or suggested from the
// same month last year or the recent months' average — the number stays editable and the source is
// recorded), the average check (typed, or from last month's tariff sales), the uplift, and the
// formula itself with its live result: «200 × 550 ₽ × 1,15 = 126 500 ₽».
import { useState } from 'preact/hooks';
import { historyMonths, soldTariffAmounts } from '../../../lib/console/plan-history';
import { PLAN_WORDS } from '../../../lib/console/plan-problem-text';
import { formatCount, formatDecimal, formatMoney } from '../../../lib/console/report-format';
import { localTimeZone, monthPeriod } from '../../../lib/console/report-period';
import { request } from '../../../lib/messaging/client';
import { addMonths, averageCheck, expectedConnections, planRevenue } from '../../../lib/plan/formula';
import { type ConnectionsSource, PlanFormula } from '../../../lib/schema/plan';
import { describeConsoleError } from '../ConsoleNotice';
import { FieldProblems } from '../FieldProblems';
import { OptionSelect } from '../OptionSelect';
import { PlanNumberField } from './PlanNumberField';
import type { PlanPartProps } from './plan-props';

const SOURCES: readonly ConnectionsSource[] = ['entered', 'last_year', 'recent_average'];

type Suggestion = { state: 'idle' } | { state: 'loading' } | { state: 'done'; text: string; error?: boolean };

export function FormulaFields({ ctx, value, onChange, problems, readOnly }: PlanPartProps) {
  const { t, locale, catalogue } = ctx;
  const formula = value.formula;
  const setFormula = (next: Partial<PlanFormula>) => onChange({ ...value, formula: { ...formula, ...next } });
  const [connectionsHint, setConnectionsHint] = useState<Suggestion>({ state: 'idle' });
  const [checkHint, setCheckHint] = useState<Suggestion>({ state: 'idle' });
  const scope = { teamId: ctx.teamId ?? undefined, tz: localTimeZone() };
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(value.month);

  async function suggestConnections() {
    const source = formula.connectionsSource;
    if (source === 'entered' || !validMonth) return;
    setConnectionsHint({ state: 'loading' });
    try {
      const months = historyMonths(value.month, source);
      const reports = await Promise.all(
        months.map((month) => request('console.report.conversion', { ...scope, ...monthPeriod(month) })),
      );
      // A month without a single connection request has no history to speak of.
      const history = months.flatMap((month, i) =>
        (reports[i]?.requests ?? 0) > 0 ? [{ month, connections: reports[i]!.connected }] : [],
      );
      const found = expectedConnections(history, value.month, source);
      if (found === null) {
        setConnectionsHint({ state: 'done', text: t('plan.suggest.noHistory', { months: months.join(', ') }) });
        return;
      }
      setFormula({ expectedConnections: found });
      setConnectionsHint({
        state: 'done',
        text: t('plan.suggest.connections', { months: history.map((row) => row.month).join(', '), count: found }),
      });
    } catch (error) {
      setConnectionsHint({ state: 'done', text: describeConsoleError(error, t), error: true });
    }
  }

  async function suggestCheck() {
    if (!validMonth) return;
    setCheckHint({ state: 'loading' });
    const month = addMonths(value.month, -1);
    try {
      const report = await request('console.report.tariffMix', { ...scope, ...monthPeriod(month) });
      const amounts = soldTariffAmounts(report, catalogue);
      if (amounts.length === 0) {
        setCheckHint({ state: 'done', text: t('plan.suggest.noSales', { month }) });
        return;
      }
      const check = averageCheck(amounts);
      setFormula({ averageCheck: check });
      setCheckHint({
        state: 'done',
        text: t('plan.suggest.check', {
          month,
          count: amounts.length,
          amount: formatMoney(check, locale, catalogue.currency),
        }),
      });
    } catch (error) {
      setCheckHint({ state: 'done', text: describeConsoleError(error, t), error: true });
    }
  }

  const parsed = PlanFormula.safeParse(formula);
  const result = parsed.success ? planRevenue(parsed.data) : null;
  const number = (n: number) => (Number.isFinite(n) ? formatCount(n, locale) : '?');
  const line = t('plan.formulaLine', {
    connections: number(formula.expectedConnections),
    check: Number.isFinite(formula.averageCheck) ? formatMoney(formula.averageCheck, locale, catalogue.currency) : '?',
    factor: Number.isFinite(formula.uplift) ? formatDecimal(1 + formula.uplift, locale, 3) : '?',
    result: result === null ? '—' : formatMoney(result, locale, catalogue.currency),
  });

  return (
    <div class="plan-part" data-testid="plan-formula">
      <h3>{t('plan.formulaTitle')}</h3>
      <label class="field">
        <span class="field-label">{t('plan.field.month')}</span>
        <input
          type="month"
          data-testid="plan-month"
          data-path="month"
          value={value.month}
          disabled={readOnly}
          onInput={(event) => onChange({ ...value, month: event.currentTarget.value })}
        />
        <FieldProblems t={t} problems={problems} path={['month']} words={PLAN_WORDS} />
      </label>
      <div class="row">
        <PlanNumberField
          t={t}
          label={t('plan.field.expectedConnections')}
          value={formula.expectedConnections}
          min={0}
          onChange={(expectedConnections) => setFormula({ expectedConnections })}
          problems={problems}
          path={['formula', 'expectedConnections']}
          testId="plan-connections"
          disabled={readOnly}
        />
        <label class="field">
          <span class="field-label">{t('plan.field.connectionsSource')}</span>
          <OptionSelect
            testId="plan-connections-source"
            path={['formula', 'connectionsSource']}
            value={formula.connectionsSource}
            disabled={readOnly}
            options={SOURCES.map((source) => ({ value: source, label: t(`plan.source.${source}`) }))}
            onChange={(connectionsSource) => {
              setFormula({ connectionsSource });
              setConnectionsHint({ state: 'idle' });
            }}
          />
          <FieldProblems t={t} problems={problems} path={['formula', 'connectionsSource']} words={PLAN_WORDS} />
        </label>
        {formula.connectionsSource !== 'entered' && (
          <div class="field plan-suggest">
            <button
              type="button"
              data-testid="plan-suggest-connections"
              disabled={readOnly || !validMonth || connectionsHint.state === 'loading'}
              onClick={() => void suggestConnections()}
            >
              {t('plan.suggest.connectionsButton')}
            </button>
            {connectionsHint.state === 'done' && (
              <small class={connectionsHint.error ? 'field-error' : 'hint'} data-testid="plan-connections-hint">
                {connectionsHint.text}
              </small>
            )}
          </div>
        )}
      </div>
      <div class="row">
        <PlanNumberField
          t={t}
          label={t('plan.field.averageCheckIn', { currency: catalogue.currency })}
          value={formula.averageCheck}
          min={0}
          onChange={(check) => setFormula({ averageCheck: check })}
          problems={problems}
          path={['formula', 'averageCheck']}
          testId="plan-average-check"
          disabled={readOnly}
        />
        <div class="field plan-suggest">
          <button
            type="button"
            data-testid="plan-suggest-check"
            disabled={readOnly || !validMonth || checkHint.state === 'loading'}
            onClick={() => void suggestCheck()}
          >
            {t('plan.suggest.checkButton')}
          </button>
          {checkHint.state === 'done' && (
            <small class={checkHint.error ? 'field-error' : 'hint'} data-testid="plan-check-hint">
              {checkHint.text}
            </small>
          )}
        </div>
        <PlanNumberField
          t={t}
          label={t('plan.field.upliftPercent')}
          value={formula.uplift}
          factor={100}
          step={1}
          min={0}
          max={100}
          hint={t('plan.upliftHint')}
          onChange={(uplift) => setFormula({ uplift })}
          problems={problems}
          path={['formula', 'uplift']}
          testId="plan-uplift"
          disabled={readOnly}
        />
      </div>
      <p class="plan-formula" data-testid="plan-formula-line" data-result={result ?? ''}>
        {line}
      </p>
      <p class="hint">{t('plan.formulaHint')}</p>
    </div>
  );
}
