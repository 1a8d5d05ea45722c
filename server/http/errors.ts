// Every error the API answers has the same JSON shape (lib/schema/api.ts ApiError). Handlers throw
// ApiFailure; app.onError turns it (and anything unexpected) into that shape, so a client always
// gets a code and a readable message, and a bad request is never a 5xx (R21).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '../../lib/schema/api';

const STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  sequence_gap: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Partial<Omit<ApiError, 'error'>> = {},
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, code: ApiErrorCode, message: string, extra: object = {}) {
  const body: ApiError = { error: { code, message: message.slice(0, 2000) }, ...extra };
  return c.json(body, STATUS[code]);
}

/** Parses a request body with a zod schema; a failure is a 400 naming the fields. */
export async function parseJson<T>(
  c: Context,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiFailure('bad_request', 'the body is not valid JSON');
  }
  return checkBody(raw, schema);
}

/** A body already read, checked with a zod schema: a failure is a 400 naming the fields. */
export function checkBody<T>(raw: unknown, schema: Parameters<typeof parseJson<T>>[1]): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    throw new ApiFailure('bad_request', `invalid body: ${problems}`);
  }
  return parsed.data;
}
