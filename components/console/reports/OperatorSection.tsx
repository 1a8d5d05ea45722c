// Each operator's days (or weeks): calls, effective calls out of all, short calls, sales, revenue,
// plan attainment and the "many calls, few reached" flag with why it was raised (seed 002: dialling
// and hanging up), with the operator's totals; and a chart per day of the team or one operator.
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { CHART_COLORS } from '../../../lib/console/report-chart';
import { operatorCsvRows } from '../../../lib/console/report-csv';
import { formatCount, formatMoney, formatShare, ratio } from '../../../lib/console/report-format';
import { operatorTotals, periodSeries } from '../../../lib/console/report-operators';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { Locale } from '../../../lib/schema/primitives';
import type { OperatorPeriodRow, OperatorReport } from '../../../lib/schema/reports';
import { ChartCanvas } from './ChartCanvas';
import { CsvButton } from './CsvButton';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  currency: string;
  report: OperatorReport;
  fileName: string;
};

const TEAM = '';

export function OperatorSection({ t, locale, currency, report, fileName }: Props) {
  const totals = useMemo(() => operatorTotals(report), [report]);
  const [chartUser, setChartUser] = useState(TEAM);
  const day = (ms: number) =>
    report.period === 'day'
      ? new Date(ms).toLocaleDateString(locale, { weekday: 'short', day: '2-digit', month: '2-digit' })
      : t('reports.operators.weekOf', {
          date: new Date(ms).toLocaleDateString(locale, { day: '2-digit', month: '2-digit' }),
        });
  const why = (row: Pick<OperatorPeriodRow, 'calls' | 'effectiveCalls' | 'shortCalls'>) =>
    t('reports.operators.anomalyWhy', {
      calls: row.calls,
      effective: row.effectiveCalls,
      short: row.shortCalls,
    });
  const config = useMemo<ChartConfiguration>(() => {
    const series = periodSeries(report, chartUser === TEAM ? null : chartUser);
    return {
      type: 'bar',
      data: {
        labels: series.starts.map(day),
        datasets: [
          { type: 'bar', label: t('reports.col.calls'), data: series.calls, backgroundColor: CHART_COLORS.before },
          {
            type: 'bar',
            label: t('reports.col.effective'),
            data: series.effectiveCalls,
            backgroundColor: CHART_COLORS.now,
          },
          {
            type: 'line',
            label: t('reports.col.sales'),
            data: series.sales,
            borderColor: CHART_COLORS.good,
            backgroundColor: CHART_COLORS.good,
          },
        ],
      },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    };
  }, [report, chartUser, t, locale]);

  if (totals.length === 0) return <p class="hint">{t('reports.empty')}</p>;
  const attainment = (value: number | null) =>
    value === null ? t('reports.operators.noPlan') : formatShare(value, locale);
  return (
    <>
      <label class="field">
        <span class="field-label">{t('reports.operators.chartFor')}</span>
        <select
          data-testid="operators-chart-user"
          value={chartUser}
          onChange={(e) => setChartUser(e.currentTarget.value)}
        >
          <option value={TEAM}>{t('reports.operators.wholeTeam')}</option>
          {totals.map((op) => (
            <option key={op.userId} value={op.userId}>
              {op.userName}
            </option>
          ))}
        </select>
      </label>
      <ChartCanvas config={config} label={t('reports.operators.chartLabel')} testId="operators-chart" />
      <div class="table-wrap">
        <table class="report-table" data-testid="operators-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.col.operator')}</th>
              <th scope="col">{report.period === 'day' ? t('reports.col.day') : t('reports.col.week')}</th>
              <th scope="col">{t('reports.col.calls')}</th>
              <th scope="col">{t('reports.col.effectiveOfAll')}</th>
              <th scope="col">{t('reports.col.short')}</th>
              <th scope="col">{t('reports.col.sales')}</th>
              <th scope="col">{t('reports.col.revenue')}</th>
              <th scope="col">{t('reports.col.attainment')}</th>
              <th scope="col">{t('reports.col.anomaly')}</th>
            </tr>
          </thead>
          {totals.map((op) => (
            <tbody key={op.userId} data-testid="operator-group" data-user={op.userId}>
              {op.rows.map((row, index) => (
                <tr
                  key={row.periodStart}
                  class={row.anomaly ? 'row-anomaly' : undefined}
                  data-testid="operator-row"
                  data-anomaly={row.anomaly ? 'true' : 'false'}
                >
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={op.rows.length + 1}>
                      {op.userName}
                    </th>
                  )}
                  <td>{day(row.periodStart)}</td>
                  <td class="num">{formatCount(row.calls, locale)}</td>
                  <td class="num">
                    {t('reports.operators.effectiveCell', {
                      effective: formatCount(row.effectiveCalls, locale),
                      share: formatShare(ratio(row.effectiveCalls, row.calls), locale),
                    })}
                  </td>
                  <td class="num">{formatCount(row.shortCalls, locale)}</td>
                  <td class="num">{formatCount(row.sales, locale)}</td>
                  <td class="num">{formatMoney(row.revenue, locale, currency)}</td>
                  <td class="num">{attainment(row.attainment)}</td>
                  <td>
                    {row.anomaly && (
                      <span class="anomaly" title={why(row)} data-testid="operator-anomaly">
                        {t('reports.operators.anomaly')}
                        <small class="anomaly__why">{why(row)}</small>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
              <tr class="row-total" data-testid="operator-total">
                <td>{t('reports.operators.total')}</td>
                <td class="num">{formatCount(op.calls, locale)}</td>
                <td class="num">
                  {t('reports.operators.effectiveCell', {
                    effective: formatCount(op.effectiveCalls, locale),
                    share: formatShare(op.effectiveShare, locale),
                  })}
                </td>
                <td class="num">{formatCount(op.shortCalls, locale)}</td>
                <td class="num">{formatCount(op.sales, locale)}</td>
                <td class="num">{formatMoney(op.revenue, locale, currency)}</td>
                <td class="num">{attainment(op.attainment)}</td>
                <td>{op.anomalies > 0 ? t('reports.operators.flaggedDays', { count: op.anomalies }) : ''}</td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      <CsvButton t={t} fileName={fileName} rows={() => operatorCsvRows(report.rows, t)} testId="operators-csv" />
    </>
  );
}
