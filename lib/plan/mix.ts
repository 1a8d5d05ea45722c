// The cheap-tariff warning (DOMAIN.md "Plan, control and pay": watch for a skew towards cheap
// tariffs). An operator chasing a count of sales can sell the cheapest tariffs; the share of cheap
// connections and upgrades is compared with the team's.
import type { OutcomeKind } from '../schema/call';
import type { TariffCatalogue } from '../schema/content';

export interface MixShare {
  /** Cheap sales / counted sales; 0 when nothing was counted. */
  share: number;
  /** Connection and upgrade sales of a catalogue tariff. */
  counted: number;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Among connection and upgrade sales whose `itemId` is a tariff of the catalogue (active or not):
 * the share whose monthly fee is below the median fee of the catalogue's active tariffs. Without
 * active tariffs there is no median and nothing is counted.
 */
export function cheapShare(
  /** One entry per sale, or per item with `count` sales (the server's tariff-mix rows). */
  sales: readonly { kind: OutcomeKind | string; itemId: string | null; count?: number }[],
  catalogue: TariffCatalogue,
): MixShare {
  const fees = catalogue.tariffs
    .filter((t) => t.active)
    .map((t) => t.monthly)
    .sort((a, b) => a - b);
  if (fees.length === 0) return { share: 0, counted: 0 };
  const cut = median(fees);
  const feeOf = new Map(catalogue.tariffs.map((t) => [t.id, t.monthly]));
  let counted = 0;
  let cheap = 0;
  for (const sale of sales) {
    if ((sale.kind !== 'connection' && sale.kind !== 'upgrade') || sale.itemId === null) continue;
    const fee = feeOf.get(sale.itemId);
    if (fee === undefined) continue;
    const count = sale.count ?? 1;
    counted += count;
    if (fee < cut) cheap += count;
  }
  return { share: counted === 0 ? 0 : cheap / counted, counted };
}

export interface MixOptions {
  /** Fewer counted sales than this never warn: too few to tell a skew from chance. */
  minSales: number;
  /** How far (absolute, 0.15 = 15 points) the operator's share must exceed the team's. */
  margin: number;
}

export const MIX_DEFAULTS: MixOptions = { minSales: 5, margin: 0.15 };

// Shares are fractions of small counts: 0.35 − 0.2 is 0.14999999999999997 in binary.
const EPSILON = 1e-9;

/** Warn when the operator sells cheap tariffs noticeably more often than the team does. */
export function mixWarning(operator: MixShare, team: MixShare, options: Partial<MixOptions> = {}): boolean {
  const { minSales, margin } = { ...MIX_DEFAULTS, ...options };
  return operator.counted >= minSales && operator.share - team.share >= margin - EPSILON;
}
