// The lead's reports (`GET /api/v1/reports/*`), shared by the server that computes them in SQL and
// the console that draws them. Periods are [from, to) in epoch ms; days and weeks are cut in the
// organisation's time zone (the `tz` query value, default Europe/Moscow), so a "day" is the
// operator's working day, not a UTC one.
import * as z from 'zod/mini';
import { EpochMs, ShortText, Ulid } from './primitives';

const Count = z.number().check(z.int(), z.nonnegative());

/** One call type's share in a period and in the period before it (same length, just before). */
export const MixRow = z.object({
  /** null: untagged calls. */
  typeId: z.nullable(ShortText(40)),
  calls: Count,
  /** Share of all calls in the period, 0–1. */
  share: z.number(),
  previousCalls: Count,
  previousShare: z.number(),
  /** The type's share jumped (e.g. tech calls spike: likely an outage); see server/reports/mix-rows.ts. */
  drift: z.boolean(),
});
export type MixRow = z.infer<typeof MixRow>;

/** `GET /reports/mix?from&to&teamId&tz`: the call-type mix vs the previous period (seed 003's table). */
export const MixReport = z.object({
  from: EpochMs,
  to: EpochMs,
  previousFrom: EpochMs,
  total: Count,
  previousTotal: Count,
  untaggedShare: z.number(),
  rows: z.array(MixRow),
});
export type MixReport = z.infer<typeof MixReport>;

/** Offers and sales per call type, or per operator (`by=type|operator`). */
export const UpsellRow = z.object({
  /** The call type (null: untagged calls), or the operator's user id. */
  key: z.nullable(ShortText(60)),
  /**
   * The operator's name; for a call type its id ('' for untagged): the console names types from the
   * classifier, in the reader's language.
   */
  label: ShortText(200),
  calls: Count,
  /** Calls where a module with an offer was shown (calls.script.modules with an offer outcome). */
  offered: Count,
  accepted: Count,
  /**
   * Calls with at least one sale outcome (connection, upgrade, service, equipment): a conversion
   * figure, unlike the operator report's `sales`, which counts the outcomes.
   */
  sales: Count,
  revenue: z.number(),
});
export type UpsellRow = z.infer<typeof UpsellRow>;

/** `GET /reports/upsell?from&to&by&teamId&tz` (`by` defaults to `type`). */
export const UpsellReport = z.object({ by: z.enum(['type', 'operator']), rows: z.array(UpsellRow) });
export type UpsellReport = z.infer<typeof UpsellReport>;

/** `GET /reports/conversion?from&to&typeId&teamId&tz`: "new connection request" calls → connections. */
export const ConversionReport = z.object({
  /** The classifier type counted as a connection request (`typeId`, default `connection`). */
  typeId: ShortText(40),
  requests: Count,
  /** Of those calls, how many recorded a `connection` outcome. */
  connected: Count,
  rate: z.nullable(z.number()),
});
export type ConversionReport = z.infer<typeof ConversionReport>;

/** One operator's figures for one day or week. */
export const OperatorPeriodRow = z.object({
  userId: Ulid,
  userName: ShortText(200),
  /** Local midnight starting the day (or Monday starting the week), epoch ms. */
  periodStart: EpochMs,
  calls: Count,
  /** At least the report's effective-call threshold long (`effectiveCallMs`). */
  effectiveCalls: Count,
  /**
   * Calls shorter than 10 s (dial-and-hang-up, seed 002). A call the server never saw end has no
   * duration: it counts among the calls but is neither short nor effective.
   */
  shortCalls: Count,
  /**
   * Sale outcomes (connection, upgrade, service, equipment) of the calls, each one a sale: the same
   * count the operator's panel shows (lib/plan/progress.ts), and what the `sales` plan measure counts.
   */
  sales: Count,
  /** Σ `monthly` of those outcomes. */
  revenue: z.number(),
  /**
   * Attainment of the operator's plan (in its `pay.measure`) from the start of the month through the
   * end of this day or week (or `to`, if earlier), 0–∞, 1 = 100 %; the month is the one holding the
   * row's last day. null without a plan that lists the operator (or with a zero target).
   */
  attainment: z.nullable(z.number()),
  /** Many calls, few effective ones: "100 contacts, reached 10" (seed 002). */
  anomaly: z.boolean(),
});
export type OperatorPeriodRow = z.infer<typeof OperatorPeriodRow>;

/** `GET /reports/operators?from&to&period=day|week&teamId&tz` (`period` defaults to `day`). */
export const OperatorReport = z.object({
  period: z.enum(['day', 'week']),
  /**
   * From the plan for the month holding `from`: the one team's the report covers, else the
   * organisation's; 20 000 without a plan.
   */
  effectiveCallMs: Count,
  rows: z.array(OperatorPeriodRow),
});
export type OperatorReport = z.infer<typeof OperatorReport>;

/**
 * `GET /reports/tariff-mix?from&to&teamId&tz`: sales per catalogue item, for the panel's mix warning.
 * Counts only, no one named: operators read it too, over their own teams.
 */
export const TariffMixReport = z.object({
  rows: z.array(z.object({ itemId: ShortText(60), kind: ShortText(20), sales: Count })),
});
export type TariffMixReport = z.infer<typeof TariffMixReport>;
