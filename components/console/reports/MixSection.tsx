// The call-type mix against the period before (seed 003's table): a bar chart of both periods'
// shares, and the table with each type's name from the classifier, calls, shares in percent and
// the change. A type whose share jumped (an outage sends the tech-support share up) is highlighted
// and named in an alert above the table.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { CHART_COLORS } from '../../../lib/console/report-chart';
import { mixCsvRows } from '../../../lib/console/report-csv';
import { formatCount, formatDecimal, formatShare } from '../../../lib/console/report-format';
import { driftLines, type MixLine } from '../../../lib/console/report-mix';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { Locale } from '../../../lib/schema/primitives';
import { ChartCanvas } from './ChartCanvas';
import { CsvButton } from './CsvButton';

type Props = { t: ConsoleTranslate; locale: Locale; lines: readonly MixLine[]; fileName: string };

export function MixSection({ t, locale, lines, fileName }: Props) {
  const drifting = driftLines(lines);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: lines.map((line) => line.name),
        datasets: [
          {
            label: t('reports.mix.now'),
            data: lines.map((line) => line.share * 100),
            backgroundColor: lines.map((line) => (line.drift ? CHART_COLORS.warn : CHART_COLORS.now)),
          },
          {
            label: t('reports.mix.before'),
            data: lines.map((line) => line.previousShare * 100),
            backgroundColor: CHART_COLORS.before,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, title: { display: true, text: t('reports.col.sharePercent') } } },
      },
    }),
    [lines, t],
  );
  const points = (change: number) => `${change > 0 ? '+' : ''}${formatDecimal(change * 100, locale, 1)}`;
  if (lines.length === 0) return <p class="hint">{t('reports.empty')}</p>;
  return (
    <>
      {drifting.length > 0 && (
        <div class="notice notice-error" role="alert" data-testid="mix-drift-alert">
          <p>
            {t('reports.mix.driftAlert', {
              types: drifting
                .map(
                  (line) =>
                    `${line.name} (${formatShare(line.previousShare, locale)} → ${formatShare(line.share, locale)})`,
                )
                .join(', '),
            })}
          </p>
        </div>
      )}
      <ChartCanvas
        config={config}
        label={t('reports.mix.chartLabel', {
          summary: lines.map((line) => `${line.name}: ${formatShare(line.share, locale)}`).join(', '),
        })}
        testId="mix-chart"
        height={Math.max(160, lines.length * 34)}
      />
      <div class="table-wrap">
        <table class="report-table" data-testid="mix-table">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t('reports.col.type')}</th>
              <th scope="col">{t('reports.col.calls')}</th>
              <th scope="col">{t('reports.col.share')}</th>
              <th scope="col">{t('reports.col.previousShare')}</th>
              <th scope="col">{t('reports.col.changePoints')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr
                key={line.typeId ?? '-'}
                class={line.drift ? 'row-drift' : undefined}
                data-testid="mix-row"
                data-type={line.typeId ?? ''}
                data-drift={line.drift ? 'true' : 'false'}
              >
                <td class="num">{index + 1}</td>
                <th scope="row">
                  {line.name}
                  {line.drift && <span class="badge badge-critical">{t('reports.mix.driftBadge')}</span>}
                </th>
                <td class="num">{formatCount(line.calls, locale)}</td>
                <td class="num" data-testid="mix-share">
                  {formatShare(line.share, locale)}
                </td>
                <td class="num">{formatShare(line.previousShare, locale)}</td>
                <td class="num">{points(line.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvButton t={t} fileName={fileName} rows={() => mixCsvRows(lines, t)} testId="mix-csv" />
    </>
  );
}
