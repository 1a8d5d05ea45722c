// The one place that decides what the sync badge says (SyncStatus in lib/messaging/protocol.ts),
// from facts the syncer keeps in memory and the outbox count. Pure, so the panel feed can apply a
// fresher outbox count than the syncer's without asking it.
import type { SyncStatus } from '../messaging/protocol';

export interface SyncFacts {
  hasServer: boolean;
  /** A token that is present and not expired by the local clock. */
  hasToken: boolean;
  /** The last attempt's failure, until an attempt succeeds. */
  failure: { kind: 'offline' | 'error'; message: string } | null;
  waiting: number;
  deadLettered: number;
  live: boolean;
  lastSyncAt: number | null;
  /** Shown when nothing more urgent is: e.g. events the server lost that this device no longer had. */
  notice: string | null;
}

export function deriveStatus(facts: SyncFacts): SyncStatus {
  const state = !facts.hasServer
    ? 'off'
    : !facts.hasToken
      ? 'login'
      : facts.failure
        ? facts.failure.kind
        : facts.waiting > 0
          ? 'waiting'
          : 'synced';
  const lastError = (state === 'offline' || state === 'error' ? facts.failure?.message : null) ?? facts.notice;
  return {
    state,
    waiting: facts.waiting,
    deadLettered: facts.deadLettered,
    live: facts.live,
    lastSyncAt: facts.lastSyncAt,
    lastError: lastError ? lastError.slice(0, 1000) : null,
  };
}

/** The same status with another outbox count (the panel feed counts in its own live query). */
export function withWaiting(status: SyncStatus, waiting: number): SyncStatus {
  if (status.waiting === waiting) return status;
  const state =
    status.state === 'waiting' || status.state === 'synced' ? (waiting > 0 ? 'waiting' : 'synced') : status.state;
  return { ...status, waiting, state };
}

export const SYNC_OFF: SyncStatus = deriveStatus({
  hasServer: false,
  hasToken: false,
  failure: null,
  waiting: 0,
  deadLettered: 0,
  live: false,
  lastSyncAt: null,
  notice: null,
});
