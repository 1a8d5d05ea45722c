// The query values every report takes — `from` and `to` (epoch ms, [from, to)), an optional
// `teamId` and the time zone days are cut in (`tz`, IANA, default Europe/Moscow) — and a reader for
// the enum-like values some reports add. A bad or missing value is a 400 naming it (R21).
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiFailure } from '../http/errors';
import { intQuery, ulidValue } from '../sync/params';
import { isTimeZone } from './period';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
/** Longest period a report covers: a year of days (and a leap day) keeps every answer small. */
export const MAX_PERIOD_MS = 366 * 24 * 3600_000;

export interface ReportQuery {
  from: number;
  to: number;
  tz: string;
  teamId: string | null;
}

export function reportQuery(c: Context): ReportQuery {
  const from = intQuery(c, 'from', null);
  const to = intQuery(c, 'to', null);
  if (from === null) throw new ApiFailure('bad_request', 'from: required, the period start in epoch ms');
  if (to === null) throw new ApiFailure('bad_request', 'to: required, the period end in epoch ms (exclusive)');
  if (to <= from) throw new ApiFailure('bad_request', 'to: must be after from');
  if (to - from > MAX_PERIOD_MS) throw new ApiFailure('bad_request', 'to: a report covers at most 366 days');
  const tz = c.req.query('tz') || DEFAULT_TIME_ZONE;
  if (!isTimeZone(tz)) {
    throw new ApiFailure('bad_request', `tz: "${tz.slice(0, 64)}" is not a known IANA time zone (e.g. Europe/Moscow)`);
  }
  const rawTeam = c.req.query('teamId');
  const teamId = rawTeam === undefined || rawTeam === '' ? null : ulidValue('teamId', rawTeam);
  return { from, to, tz, teamId };
}

/** A query value checked by a zod schema (an enum, an id pattern); `fallback` when absent or empty. */
export function schemaQuery<T extends string>(
  c: Context,
  name: string,
  schema: z.ZodMiniType<T>,
  fallback: T,
  expected: string,
): T {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiFailure('bad_request', `${name}: "${raw.slice(0, 64)}" is not ${expected}`);
  return parsed.data;
}
