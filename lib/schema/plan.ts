// The month's plan and the pay rules, as one document a lead publishes for a team (kind `plan`).
// Rules are data, not code: which figure counts, the bonus scale and its accelerators are fields, so
// a lead changes them in the console and every operator's panel computes the same bonus offline
// (lib/plan/*). Money is whole units of the tariff catalogue's currency, like tariff fees.
import * as z from 'zod/mini';
import { ShortText, Ulid } from './primitives';

const Money = z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000_000));
const Count = z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000));

/** `YYYY-MM`: the plan's calendar month in the organisation's time zone. */
export const PlanMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-11'));
export type PlanMonth = z.infer<typeof PlanMonth>;

/** Where the expected number of new connections came from (shown beside the formula). */
export const ConnectionsSource = z.enum(['entered', 'last_year', 'recent_average']);
export type ConnectionsSource = z.infer<typeof ConnectionsSource>;

/**
 * Department revenue plan = expected new connections × average check × (1 + uplift) (DOMAIN.md,
 * seed 000). The inputs are kept, not only the product, so the console can show the formula.
 */
export const PlanFormula = z.object({
  expectedConnections: Count,
  connectionsSource: ConnectionsSource,
  /** Average monthly fee of new connections. */
  averageCheck: Money,
  /** 0.1–0.2 is usual; 0–1 accepted. */
  uplift: z.number().check(z.minimum(0), z.maximum(1)),
});
export type PlanFormula = z.infer<typeof PlanFormula>;

/** Which figure plan attainment is measured on. */
export const PlanMeasure = z.enum(['revenue', 'sales', 'effective_calls']);
export type PlanMeasure = z.infer<typeof PlanMeasure>;

/** One point of the bonus scale: at `attainment` % of plan, `share` % of the bonus is paid. */
export const BonusPoint = z.object({
  attainment: z.number().check(z.minimum(0), z.maximum(1000)),
  share: z.number().check(z.minimum(0), z.maximum(1000)),
});
export type BonusPoint = z.infer<typeof BonusPoint>;

/**
 * Pay: a fixed part and a bonus part; the share of the bonus paid is read off a piecewise-linear
 * scale of attainment (points sorted by attainment; flat before the first and after the last point).
 * Default: 0 at ≤ 40 %, linear to 100 % at 100 %; points above 100 % are accelerators.
 */
export const PayRule = z.object({
  fixed: Money,
  bonus: Money,
  measure: PlanMeasure,
  scale: z.array(BonusPoint).check(
    z.minLength(2),
    z.maxLength(20),
    z.refine(
      (points) => points.every((p, i) => i === 0 || p.attainment > points[i - 1]!.attainment),
      'points must be in increasing order of attainment',
    ),
  ),
});
export type PayRule = z.infer<typeof PayRule>;

export const DEFAULT_BONUS_SCALE: BonusPoint[] = [
  { attainment: 40, share: 0 },
  { attainment: 100, share: 100 },
];

/** How the department plan was split across operators. */
export const SplitMethod = z.enum(['equal', 'shifts', 'manual']);
export type SplitMethod = z.infer<typeof SplitMethod>;

/** One operator's personal plan. */
export const OperatorPlan = z.object({
  userId: Ulid,
  name: ShortText(200),
  /** Planned shifts this month (the split by shifts, and the pace per remaining shift). */
  shifts: z.number().check(z.int(), z.nonnegative(), z.maximum(31)),
  revenue: Money,
  sales: Count,
  effectiveCalls: Count,
  connections: z.nullable(Count),
  upgrades: z.nullable(Count),
});
export type OperatorPlan = z.infer<typeof OperatorPlan>;

/** Document kind `plan`: one team's (or the organisation's) plan for a month, with its pay rules. */
export const PlanDocument = z.object({
  month: PlanMonth,
  formula: PlanFormula,
  /** The department targets; `revenue` is the formula's result, rounded to whole units. */
  targets: z.object({
    revenue: Money,
    sales: Count,
    effectiveCalls: Count,
    connections: z.nullable(Count),
    upgrades: z.nullable(Count),
  }),
  split: SplitMethod,
  operators: z.array(OperatorPlan).check(z.maxLength(500)),
  pay: PayRule,
  /** Minimum talk time for a call to count as effective (seed 002: dial-and-hang-up is not a call). */
  effectiveCallMs: z.number().check(z.int(), z.nonnegative(), z.maximum(3_600_000)),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
