// Upsell per call type or per operator: calls, offers made and accepted with their rates, sales and
// revenue, as a table and a bar chart — on which calls the offer works, and who makes it.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { CHART_COLORS } from '../../../lib/console/report-chart';
import { upsellCsvRows } from '../../../lib/console/report-csv';
import { formatCount, formatMoney, formatShare } from '../../../lib/console/report-format';
import type { UpsellLine } from '../../../lib/console/report-upsell';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { Locale } from '../../../lib/schema/primitives';
import { ChartCanvas } from './ChartCanvas';
import { CsvButton } from './CsvButton';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  currency: string;
  by: 'type' | 'operator';
  lines: readonly UpsellLine[];
  fileName: string;
};

export function UpsellSection({ t, locale, currency, by, lines, fileName }: Props) {
  const keyHeader = by === 'type' ? t('reports.col.type') : t('reports.col.operator');
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: lines.map((line) => line.label),
        datasets: [
          { label: t('reports.col.offered'), data: lines.map((l) => l.offered), backgroundColor: CHART_COLORS.before },
          { label: t('reports.col.accepted'), data: lines.map((l) => l.accepted), backgroundColor: CHART_COLORS.now },
          { label: t('reports.col.sales'), data: lines.map((l) => l.sales), backgroundColor: CHART_COLORS.good },
        ],
      },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    }),
    [lines, t],
  );
  if (lines.length === 0) return <p class="hint">{t('reports.empty')}</p>;
  return (
    <>
      <ChartCanvas
        config={config}
        label={t('reports.upsell.chartLabel', {
          summary: lines.map((l) => `${l.label}: ${l.accepted}/${l.offered}`).join(', '),
        })}
        testId={`upsell-chart-${by}`}
      />
      <div class="table-wrap">
        <table class="report-table" data-testid={`upsell-table-${by}`}>
          <thead>
            <tr>
              <th scope="col">{keyHeader}</th>
              <th scope="col">{t('reports.col.calls')}</th>
              <th scope="col">{t('reports.col.offered')}</th>
              <th scope="col">{t('reports.col.offerRate')}</th>
              <th scope="col">{t('reports.col.accepted')}</th>
              <th scope="col">{t('reports.col.acceptRate')}</th>
              <th scope="col">{t('reports.col.sales')}</th>
              <th scope="col">{t('reports.col.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key ?? '-'} data-testid="upsell-row" data-key={line.key ?? ''}>
                <th scope="row">{line.label}</th>
                <td class="num">{formatCount(line.calls, locale)}</td>
                <td class="num">{formatCount(line.offered, locale)}</td>
                <td class="num">{formatShare(line.offerRate, locale)}</td>
                <td class="num">{formatCount(line.accepted, locale)}</td>
                <td class="num">{formatShare(line.acceptRate, locale)}</td>
                <td class="num">{formatCount(line.sales, locale)}</td>
                <td class="num">{formatMoney(line.revenue, locale, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvButton
        t={t}
        fileName={fileName}
        rows={() => upsellCsvRows(lines, keyHeader, t)}
        testId={`upsell-csv-${by}`}
      />
    </>
  );
}
