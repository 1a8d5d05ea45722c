// Shapes the quality endpoints' rows for the console's tables: objections × call types with each
// cell's share of its call type's objections, and quality rows grouped per operator by week.
import type { ObjectionStat, QualityRow } from '../schema/api';

export interface ObjectionCell {
  raised: number;
  handled: number;
  /** Share of all objections raised on calls of this type, 0..100, one decimal. */
  share: number;
}

export interface ObjectionMatrix {
  /** Call types that have objections, most objections first; null: untagged calls. */
  callTypes: (string | null)[];
  columnTotals: Map<string | null, number>;
  rows: {
    objectionId: string;
    raised: number;
    handled: number;
    share: number;
    cells: Map<string | null, ObjectionCell>;
  }[];
  total: number;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

export function objectionMatrix(stats: readonly ObjectionStat[]): ObjectionMatrix {
  const columnTotals = new Map<string | null, number>();
  const byObjection = new Map<string, { raised: number; handled: number; cells: Map<string | null, ObjectionCell> }>();
  let total = 0;
  for (const stat of stats) {
    total += stat.raised;
    columnTotals.set(stat.callTypeId, (columnTotals.get(stat.callTypeId) ?? 0) + stat.raised);
    let row = byObjection.get(stat.objectionId);
    if (!row) {
      row = { raised: 0, handled: 0, cells: new Map() };
      byObjection.set(stat.objectionId, row);
    }
    row.raised += stat.raised;
    row.handled += stat.handled;
    const cell = row.cells.get(stat.callTypeId) ?? { raised: 0, handled: 0, share: 0 };
    cell.raised += stat.raised;
    cell.handled += stat.handled;
    row.cells.set(stat.callTypeId, cell);
  }
  for (const row of byObjection.values()) {
    for (const [callType, cell] of row.cells) cell.share = percent(cell.raised, columnTotals.get(callType) ?? 0);
  }
  const callTypes = [...columnTotals.entries()]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([callType]) => callType);
  const rows = [...byObjection.entries()]
    .map(([objectionId, row]) => ({ objectionId, ...row, share: percent(row.raised, total) }))
    .sort((a, b) => b.raised - a.raised || a.objectionId.localeCompare(b.objectionId));
  return { callTypes, columnTotals, rows, total };
}

export interface OperatorTrend {
  userId: string;
  userName: string;
  /** Oldest week first. */
  weeks: QualityRow[];
  scored: number;
  failed: number;
}

export function qualityByOperator(rows: readonly QualityRow[]): OperatorTrend[] {
  const byUser = new Map<string, OperatorTrend>();
  for (const row of rows) {
    let trend = byUser.get(row.userId);
    if (!trend) {
      trend = { userId: row.userId, userName: row.userName, weeks: [], scored: 0, failed: 0 };
      byUser.set(row.userId, trend);
    }
    trend.weeks.push(row);
    trend.scored += row.scored;
    trend.failed += row.failed;
  }
  const trends = [...byUser.values()];
  for (const trend of trends) trend.weeks.sort((a, b) => a.weekStart - b.weekStart);
  return trends.sort((a, b) => a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId));
}
