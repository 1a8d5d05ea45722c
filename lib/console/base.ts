// What an editor's draft starts from, for any document kind: the scope's own current version; for a
// team without a document of its own, the organisation-wide one; else the built-in default. A
// current version that does not read as the kind's body (published by an older release, say) is
// reported and the default is used instead, so the author can publish a readable one over it.
import type { ContentVersion, DocumentSummary } from '../schema/api';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

export type Base<T> =
  | { from: 'current'; body: T; version: ContentVersion }
  | { from: 'org'; body: T; version: ContentVersion }
  | { from: 'default'; body: T }
  | { from: 'unreadable'; body: T; version: ContentVersion; message: string };

/** What reading needs of a zod schema. */
export interface BodySchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** Parse a version's body with the kind's schema; the first problem becomes the message. */
export function readWith<T>(schema: BodySchema<T>, body: unknown): ReadResult<T> {
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? '' };
}

/**
 * `own`: the scope's document; `org`: the organisation-wide one (pass null when the scope is the
 * organisation itself).
 */
export function chooseBase<T>(
  own: DocumentSummary | null,
  org: DocumentSummary | null,
  read: (body: unknown) => ReadResult<T>,
  fallback: T,
): Base<T> {
  if (own) {
    const result = read(own.current.body);
    return result.ok
      ? { from: 'current', body: result.value, version: own.current }
      : { from: 'unreadable', body: fallback, version: own.current, message: result.message };
  }
  if (org) {
    const result = read(org.current.body);
    if (result.ok) return { from: 'org', body: result.value, version: org.current };
  }
  return { from: 'default', body: fallback };
}

/** The body in effect for a scope (own → organisation-wide → default), for previews and labels. */
export function effectiveBody<T>(
  documents: readonly DocumentSummary[] | null,
  teamId: string | null,
  read: (body: unknown) => ReadResult<T>,
  fallback: T,
): T {
  const own = documents?.find((doc) => doc.teamId === teamId) ?? null;
  const org = teamId === null ? null : (documents?.find((doc) => doc.teamId === null) ?? null);
  return chooseBase(own, org, read, fallback).body;
}
