// The session with the sync server, kept in the background's own database (meta table) and never
// in `browser.storage`, which content scripts can read (R19). Only the background reads the token;
// what leaves the background is `toSessionState`, which has none.
import * as z from 'zod/mini';
import type { SessionState } from '../messaging/protocol';
import { SessionUser } from '../schema/api';
import { EpochMs } from '../schema/primitives';
import type { PanelDatabase } from './database';

export const SESSION_KEY = 'session';

const StoredSession = z.object({
  /** Normalised server base URL (origin + optional path), or null when none was ever set. */
  server: z.nullable(z.string()),
  /** Null after logout or when the server refused it (expired, revoked): "login needed". */
  token: z.nullable(z.string()),
  expiresAt: z.nullable(EpochMs),
  /** Kept after a refused token so the operator still sees who should log in again. */
  user: z.nullable(SessionUser),
});
export type StoredSession = z.infer<typeof StoredSession>;

export const NO_SESSION: StoredSession = { server: null, token: null, expiresAt: null, user: null };

export async function loadSession(db: PanelDatabase): Promise<StoredSession> {
  const parsed = StoredSession.safeParse((await db.meta.get(SESSION_KEY))?.value);
  return parsed.success ? parsed.data : NO_SESSION;
}

export async function saveSession(db: PanelDatabase, session: StoredSession): Promise<void> {
  await db.meta.put({ key: SESSION_KEY, value: StoredSession.parse(session) });
}

/** A token the client may still present: present and, by the local clock, not yet expired. */
export function usableToken(session: StoredSession, now: number): string | null {
  if (!session.server || !session.token) return null;
  if (session.expiresAt !== null && session.expiresAt <= now) return null;
  return session.token;
}

/** What callers outside the background see: everything but the token. */
export function toSessionState(session: StoredSession): SessionState {
  return { server: session.server, user: session.user, expiresAt: session.token ? session.expiresAt : null };
}
