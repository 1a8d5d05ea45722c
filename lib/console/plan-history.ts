// Where the plan editor's suggestions come from. Expected connections: the `connection` outcomes
// of "new connection request" calls (the conversion report) in the months the source needs — the
// same month a year before, or the three months before. Average check: the monthly fees of the
// tariffs of the new connections of the month before, weighted by their count (the tariff-mix
// report; upgrades are not new connections). Pure.
import { addMonths, RECENT_MONTHS } from '../plan/formula';
import type { TariffCatalogue } from '../schema/content';
import type { ConnectionsSource } from '../schema/plan';
import type { TariffMixReport } from '../schema/reports';

/** The past months whose connections the source reads, newest first. */
export function historyMonths(month: string, source: Exclude<ConnectionsSource, 'entered'>): string[] {
  if (source === 'last_year') return [addMonths(month, -12)];
  return Array.from({ length: RECENT_MONTHS }, (_, i) => addMonths(month, -(i + 1)));
}

/** One amount per new connection (its tariff's monthly fee in the catalogue), for `averageCheck`. */
export function soldTariffAmounts(report: TariffMixReport, catalogue: TariffCatalogue): number[] {
  const fees = new Map(catalogue.tariffs.map((tariff) => [tariff.id, tariff.monthly]));
  const amounts: number[] = [];
  for (const row of report.rows) {
    if (row.kind !== 'connection') continue;
    const fee = fees.get(row.itemId);
    if (fee === undefined) continue;
    for (let i = 0; i < row.sales; i += 1) amounts.push(fee);
  }
  return amounts;
}
