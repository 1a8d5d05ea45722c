// The report tables as CSV rows (header first), in the reader's language, for lib/console/csv.ts:
// shares as percent numbers, money as whole numbers, days as dates, so the spreadsheet can sum and
// chart them. Pure.
import type { ConsoleTranslate } from '../i18n/console-messages';
import type { OperatorPeriodRow } from '../schema/reports';
import type { CsvCell } from './csv';
import type { MixLine } from './report-mix';
import type { UpsellLine } from './report-upsell';

type Rows = CsvCell[][];

/** A share 0–1 as a percent number with one decimal; null stays empty. */
export function percentCell(share: number | null): number | null {
  return share === null || !Number.isFinite(share) ? null : Math.round(share * 1000) / 10;
}

export function mixCsvRows(lines: readonly MixLine[], t: ConsoleTranslate): Rows {
  return [
    [
      t('reports.col.type'),
      t('reports.col.calls'),
      t('reports.col.sharePercent'),
      t('reports.col.previousCalls'),
      t('reports.col.previousSharePercent'),
      t('reports.col.changePoints'),
      t('reports.col.drift'),
    ],
    ...lines.map((line) => [
      line.name,
      line.calls,
      percentCell(line.share),
      line.previousCalls,
      percentCell(line.previousShare),
      percentCell(line.change),
      line.drift ? t('common.yes') : t('common.no'),
    ]),
  ];
}

export function upsellCsvRows(lines: readonly UpsellLine[], keyHeader: string, t: ConsoleTranslate): Rows {
  return [
    [
      keyHeader,
      t('reports.col.calls'),
      t('reports.col.offered'),
      t('reports.col.offerRatePercent'),
      t('reports.col.accepted'),
      t('reports.col.acceptRatePercent'),
      t('reports.col.sales'),
      t('reports.col.revenue'),
    ],
    ...lines.map((line) => [
      line.label,
      line.calls,
      line.offered,
      percentCell(line.offerRate),
      line.accepted,
      percentCell(line.acceptRate),
      line.sales,
      line.revenue,
    ]),
  ];
}

export function operatorCsvRows(rows: readonly OperatorPeriodRow[], t: ConsoleTranslate): Rows {
  const sorted = [...rows].sort((a, b) => a.userName.localeCompare(b.userName) || a.periodStart - b.periodStart);
  return [
    [
      t('reports.col.operator'),
      t('reports.col.period'),
      t('reports.col.calls'),
      t('reports.col.effective'),
      t('reports.col.short'),
      t('reports.col.sales'),
      t('reports.col.revenue'),
      t('reports.col.attainmentPercent'),
      t('reports.col.anomaly'),
    ],
    ...sorted.map((row) => [
      row.userName,
      new Date(row.periodStart),
      row.calls,
      row.effectiveCalls,
      row.shortCalls,
      row.sales,
      row.revenue,
      percentCell(row.attainment),
      row.anomaly ? t('common.yes') : t('common.no'),
    ]),
  ];
}
