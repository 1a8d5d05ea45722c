// The team's cheap-tariff share for the panel's mix warning: the server's tariff-mix report (sales
// counts per tariff for the operator's teams, this month so far; aggregate, nobody's own figures),
// fetched at most every half hour while the panel asks and the server answers, and kept in memory.
// Offline, logged out or before the first answer there is no team figure and the warning stays
// off: the panel never waits for it.
import type { MixShare } from '../plan/mix';
import { cheapShare } from '../plan/mix';
import type { TariffCatalogue } from '../schema/content';
import type { TariffMixReport } from '../schema/reports';

const REFRESH_MS = 30 * 60_000;
/** After a failure (offline, 403 from an older server), try again sooner than a full refresh. */
const RETRY_MS = 5 * 60_000;

export interface TeamMixSource {
  /** The last known team share (null: none yet); asks for a fresh one in the background when due. */
  current(catalogue: TariffCatalogue, now: number): MixShare | null;
}

/** The team's share from the report's counts, with the same rule as the operator's own. */
export function teamShare(report: TariffMixReport, catalogue: TariffCatalogue): MixShare {
  return cheapShare(
    report.rows.map((row) => ({ kind: row.kind, itemId: row.itemId, count: row.sales })),
    catalogue,
  );
}

/** Local midnight starting the month of `now`, in the browser's zone. */
function monthStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), 1).getTime();
}

export function createTeamMix(fetchMix: (from: number, to: number) => Promise<TariffMixReport>): TeamMixSource {
  let report: TariffMixReport | null = null;
  let dueAt = 0;
  let asking = false;
  return {
    current(catalogue, now) {
      if (!asking && now >= dueAt) {
        asking = true;
        fetchMix(monthStart(now), now)
          .then(
            (answer) => {
              report = answer;
              dueAt = now + REFRESH_MS;
            },
            () => {
              dueAt = now + RETRY_MS;
            },
          )
          .finally(() => {
            asking = false;
          });
      }
      return report && teamShare(report, catalogue);
    },
  };
}
