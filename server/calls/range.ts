// The `from`/`to` time range (epoch ms, `to` exclusive) every report endpoint takes: both optional,
// a bad value or a reversed range is a 400 naming it (R21).
import type { Context } from 'hono';
import { ApiFailure } from '../http/errors';
import { intQuery } from '../sync/params';

export interface TimeRange {
  from: number | null;
  to: number | null;
}

export function rangeQuery(c: Context): TimeRange {
  const from = intQuery(c, 'from', null);
  const to = intQuery(c, 'to', null);
  if (from !== null && to !== null && from > to) throw new ApiFailure('bad_request', 'from: must not be after to');
  return { from, to };
}
