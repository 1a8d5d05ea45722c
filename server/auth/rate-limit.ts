// Slows login brute force (R23): at most 5 failed logins per account and 20 per client address in
// any 15 minutes. Failures live in the login_failures table, so every server process sharing the
// database counts the same attempts. Blocked attempts are not counted (nothing was checked), and a
// successful login clears its account's failures.
import type { Queryable } from '../db/database';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export interface LoginKeys {
  /** The lower-cased login tried. */
  login: string;
  /** The client's address, or "unknown" when it cannot be told. */
  address: string;
}

const accountKey = (login: string) => `login:${login}`;
const addressKey = (address: string) => `addr:${address}`;

/** Milliseconds until the caller may try again in the window, or 0. */
async function waitFor(db: Queryable, key: string, limit: number, now: number): Promise<number> {
  const rows = await db.query<{ at: number }>(
    'select at from login_failures where key = $1 and at > $2 order by at desc limit $3',
    [key, now - LOGIN_WINDOW_MS, limit],
  );
  if (rows.length < limit) return 0;
  // The limit-th newest failure leaving the window brings the count under the limit.
  return Math.max(1, rows[limit - 1]!.at + LOGIN_WINDOW_MS - now);
}

/** How long this login attempt must wait (0: go ahead). Prunes failures older than the window. */
export async function loginWait(db: Queryable, keys: LoginKeys, now: number): Promise<number> {
  await db.query('delete from login_failures where at <= $1', [now - LOGIN_WINDOW_MS]);
  const account = await waitFor(db, accountKey(keys.login), ACCOUNT_LIMIT, now);
  const address = await waitFor(db, addressKey(keys.address), ADDRESS_LIMIT, now);
  return Math.max(account, address);
}

export async function recordLoginFailure(db: Queryable, keys: LoginKeys, now: number): Promise<void> {
  await db.query('insert into login_failures (key, at) values ($1, $3), ($2, $3)', [
    accountKey(keys.login),
    addressKey(keys.address),
    now,
  ]);
}

export async function clearAccountFailures(db: Queryable, login: string): Promise<void> {
  await db.query('delete from login_failures where key = $1', [accountKey(login)]);
}

/**
 * The address the per-address limit counts: the TCP peer from the Node server, or, when the
 * server runs behind a proxy it trusts, the last X-Forwarded-For entry (the one that proxy added;
 * earlier entries are whatever the client claimed).
 */
export function clientAddress(
  c: { env: unknown; req: { header(name: string): string | undefined } },
  trustProxy: boolean,
) {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress;
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; count it as a.b.c.d.
  return peer?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') ?? 'unknown';
}
