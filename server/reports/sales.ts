// What counts as a sale in every report, in one place: outcomes of the kinds that count for the plan
// (lib/schema/call.ts SALE_KINDS), attributed to the period of their CALL's start (joined to
// calls), so all figures of a report refer to the same calls.
import { SALE_KINDS } from '../../lib/schema/call';
import type { SqlParams } from './scope';

/**
 * An outcome is recorded at wrap-up, after its call started, so outcomes recorded well before the
 * period's start cannot belong to a call of the period. The bound only lets call_outcomes_org_at
 * skip older outcomes; the day of slack absorbs a device clock corrected between call and wrap-up.
 */
export const OUTCOME_BEFORE_CALL_SLACK_MS = 24 * 3600_000;

/** Kinds the tariff mix compares (a tariff was sold); service and equipment sales have no tariff. */
export const TARIFF_KINDS = ['connection', 'upgrade'] as const;

/**
 * Condition on `alias` (call_outcomes) for sale outcomes of the organisation `org` (a placeholder)
 * that may belong to calls started from `from` on.
 */
export function saleOutcomesSql(
  params: SqlParams,
  org: string,
  from: number,
  alias = 'o',
  kinds: readonly string[] = SALE_KINDS,
): string {
  return `${alias}.org_id = ${org} and ${alias}.kind = any(${params.add([...kinds])}::text[])
    and ${alias}.at >= ${params.add(from - OUTCOME_BEFORE_CALL_SLACK_MS)}::bigint`;
}
