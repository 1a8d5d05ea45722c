// Strict readers for query and path values: a value that is not what the endpoint expects is a
// 400 naming it (R21), never a NaN or a string reaching SQL as a number.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Ulid } from '../../lib/schema/primitives';
import { ApiFailure, errorResponse } from '../http/errors';

/** A non-negative integer query value (epoch ms, cursors); `fallback` when absent or empty. */
export function intQuery(c: Context, name: string, fallback: number | null): number | null {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ApiFailure('bad_request', `${name}: expected a non-negative integer`);
  }
  return Number(raw);
}

/** A ULID from a path or query value. */
export function ulidValue(name: string, raw: string | undefined): string {
  if (raw === undefined || !Ulid.safeParse(raw).success)
    throw new ApiFailure('bad_request', `${name}: expected a ULID`);
  return raw;
}

/** Refuses bodies over `maxBytes` with 413 before they are read into memory. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => errorResponse(c, 'too_large', `the body is larger than ${maxBytes} bytes`),
  });
}
