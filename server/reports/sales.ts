// What counts as a sale in every report, in one place: outcomes of the kinds that count for the plan
// (lib/schema/call.ts SALE_KINDS), each one a sale (the operator's panel counts them so:
// lib/plan/progress.ts), attributed to the period of their CALL's start, which call_outcomes carries
// (call_started_at), so all figures of a report refer to the same calls without joining them.
import { SALE_KINDS } from '../../lib/schema/call';
import type { SqlParams } from './scope';

/** Kinds the tariff mix compares (a tariff was sold); service and equipment sales have no tariff. */
export const TARIFF_KINDS = ['connection', 'upgrade'] as const;

/**
 * Condition on `alias` (call_outcomes) for sale outcomes of the organisation `org` (a placeholder)
 * whose calls started in [from, to): one range of call_outcomes_org_started.
 */
export function saleOutcomesSql(
  params: SqlParams,
  org: string,
  from: number,
  to: number,
  alias = 'o',
  kinds: readonly string[] = SALE_KINDS,
): string {
  return `${alias}.org_id = ${org} and ${alias}.kind = any(${params.add([...kinds])}::text[])
    and ${alias}.call_started_at >= ${params.add(from)}::bigint and ${alias}.call_started_at < ${params.add(to)}::bigint`;
}
