// Logging in and out of the sync server, in the background only: the token is stored in the
// background's database and never returned to a caller (R19). Logging out or losing the token
// never touches the outbox: events recorded meanwhile wait and upload after the next login.
import { invalidateConfig } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { clearDocuments } from '../db/document-store';
import { loadSession, type StoredSession, saveSession } from '../db/session-store';
import type { LoginBody } from '../schema/api';
import { ApiClient, type FetchFn } from './api-client';
import { SyncFailure } from './failure';
import { normaliseServer } from './server-url';

export interface LoginInput extends LoginBody {
  server: string;
}

/** Who the waiting outbox events belong to: the user logged in when the last login happened. */
const OUTBOX_OWNER_KEY = 'outbox-owner';

/**
 * The server credits uploaded events to the token's user. On a shared computer, events recorded
 * under one operator must not be uploaded with another's token, so a different user cannot log in
 * while the previous one's events still wait (they upload as soon as that user logs in again or
 * the network is back before the switch).
 */
async function refuseForeignOutbox(db: PanelDatabase, login: string): Promise<void> {
  const owner = (await db.meta.get(OUTBOX_OWNER_KEY))?.value as { login?: unknown } | undefined;
  if (typeof owner?.login !== 'string' || owner.login === login.toLowerCase()) return;
  const waiting = await db.outbox.count();
  if (waiting === 0) return;
  throw new SyncFailure(
    'error',
    `${waiting} events recorded while ${owner.login} was logged in are still waiting to upload: ` +
      `log in as ${owner.login} first so they are credited to the right person`,
  );
}

export async function login(
  db: PanelDatabase,
  fetch: FetchFn,
  input: LoginInput,
  timeoutMs?: number,
): Promise<StoredSession> {
  const server = normaliseServer(input.server);
  if (!server) throw new SyncFailure('error', 'the server address must be an http:// or https:// URL');
  await refuseForeignOutbox(db, input.login);
  const answer = await new ApiClient({ fetch, server, timeoutMs }).login({
    login: input.login,
    password: input.password,
  });
  const previous = await loadSession(db);
  // Content of another server or another user must not stay in effect for this one.
  if (previous.server !== server || (previous.user && previous.user.id !== answer.user.id)) {
    await clearDocuments(db);
  }
  const session: StoredSession = { server, token: answer.token, expiresAt: answer.expiresAt, user: answer.user };
  await saveSession(db, session);
  await db.meta.put({ key: OUTBOX_OWNER_KEY, value: { login: answer.user.login } });
  // The user's teams decide which classifier is in effect.
  invalidateConfig(db, 'classifier');
  return session;
}

/** Forgets the token (the server is told first, best effort) and the user; keeps the server address. */
export async function logout(db: PanelDatabase, fetch: FetchFn, timeoutMs?: number): Promise<StoredSession> {
  const session = await loadSession(db);
  if (session.server && session.token) {
    try {
      await new ApiClient({ fetch, server: session.server, token: session.token, timeoutMs }).logout();
    } catch {
      // Offline or already revoked: the token is forgotten here either way.
    }
  }
  const next: StoredSession = { server: session.server, token: null, expiresAt: null, user: null };
  await saveSession(db, next);
  invalidateConfig(db, 'classifier');
  return next;
}

/** The server refused the token (expired, revoked): keep who it was for display, drop the token. */
export async function markLoginNeeded(db: PanelDatabase): Promise<StoredSession> {
  const session = await loadSession(db);
  const next: StoredSession = { ...session, token: null, expiresAt: null };
  await saveSession(db, next);
  return next;
}
