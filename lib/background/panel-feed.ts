// Live state for open panels: each panel holds a port; the background posts the panel's whole
// state down it whenever something it shows changes. The panel keeps no state of its own, so a
// worker restart only costs a reconnect.
//
// Keystroke to screen is the hot path (tag confirmed within 16 ms): the Dexie live query reads
// only what changes with calls (the recent calls and the outbox count); settings, site and the
// classifier come from config-store's in-memory cache, re-read only when they are written (its
// change listener), and the sync status from the syncer's memory. Nothing here waits for sync.
import { liveQuery } from 'dexie';
import type { Runtime } from 'webextension-polyfill';
import { endCall, recentCalls } from '../calls/call-store';
import { shiftCalls, tagTarget } from '../calls/rules';
import { classifierForCall, loadSettings, loadSite, onConfigChange } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { PANEL_PORT, type PanelState, PortUp, type SyncStatus } from '../messaging/protocol';
import { verifySender } from '../messaging/sender';
import type { CallRecord } from '../schema/call';
import { SYNC_OFF, withWaiting } from '../sync/status';

/** Where the feed reads the sync badge from (the Syncer). */
export interface SyncStatusSource {
  status(): SyncStatus;
  subscribe(listener: () => void): () => void;
}

const NO_SYNC: SyncStatusSource = { status: () => SYNC_OFF, subscribe: () => () => {} };

interface CallRows {
  calls: CallRecord[];
  waiting: number;
}

function readCallRows(db: PanelDatabase, now: number): Promise<CallRows> {
  return Promise.all([recentCalls(db, now), db.outbox.count()]).then(([calls, waiting]) => ({ calls, waiting }));
}

async function buildState(
  db: PanelDatabase,
  origin: string,
  rows: CallRows,
  sync: SyncStatus,
  now: number,
): Promise<PanelState> {
  const recent = shiftCalls(rows.calls, now).slice(0, 50);
  const current = tagTarget(recent, now);
  const [settings, site, classifier] = await Promise.all([
    loadSettings(db),
    loadSite(db, origin),
    // The classifier of the call being tagged, so the keys shown are the ones that work (R11).
    classifierForCall(db, current),
  ]);
  return { settings, classifier, site, current, recent, sync: withWaiting(sync, rows.waiting), now };
}

/** The whole panel state in one read (tests, and anything that needs it once). */
export async function readPanelState(
  db: PanelDatabase,
  origin: string,
  now: number,
  sync: SyncStatus = SYNC_OFF,
): Promise<PanelState> {
  return buildState(db, origin, await readCallRows(db, now), sync, now);
}

export interface PanelPortsOptions {
  db: PanelDatabase;
  onConnect: Runtime.Static['onConnect'];
  runtimeId: string;
  extensionOrigin: string;
  now: () => number;
  sync?: SyncStatusSource;
}

export function acceptPanelPorts({
  db,
  onConnect,
  runtimeId,
  extensionOrigin,
  now,
  sync = NO_SYNC,
}: PanelPortsOptions): void {
  onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const sender = verifySender(port.sender ?? {}, runtimeId, extensionOrigin);
    if (sender?.kind !== 'content' || !sender.origin) {
      port.disconnect();
      return;
    }
    const origin = sender.origin;
    let feed: { stop(): void } | null = null;
    port.onMessage.addListener((message: unknown) => {
      if (!PortUp.safeParse(message).success || feed) return;
      feed = startFeed(
        db,
        origin,
        now,
        sync,
        (state) => port.postMessage({ type: 'state', state }),
        (error) => port.postMessage({ type: 'error', code: 'storage', message: String(error).slice(0, 1000) }),
      );
    });
    port.onDisconnect.addListener(() => {
      feed?.stop();
      // The tab that carried a detected call went away (closed, reloaded, navigated): its WebRTC
      // connection is gone with it, so the call ended. A manually started call is left alone.
      if (sender.tabId !== null) void endCall(db, now(), sender.tabId);
    });
  });
}

/**
 * One panel's feed. Three sources (call rows, configuration, sync status) trigger a render; renders
 * run one at a time and a trigger during a render causes exactly one more, so the last state
 * posted is always built from the latest of everything.
 */
function startFeed(
  db: PanelDatabase,
  origin: string,
  now: () => number,
  sync: SyncStatusSource,
  post: (state: PanelState) => void,
  fail: (error: unknown) => void,
): { stop(): void } {
  let rows: CallRows | null = null;
  let stopped = false;
  let rendering = false;
  let dirty = false;

  const render = async () => {
    if (!rows || stopped) return;
    if (rendering) {
      dirty = true;
      return;
    }
    rendering = true;
    try {
      do {
        dirty = false;
        const state = await buildState(db, origin, rows, sync.status(), now());
        if (!stopped) post(state);
      } while (dirty && !stopped);
    } catch (error) {
      if (!stopped) fail(error);
    } finally {
      rendering = false;
    }
  };

  const subscription = liveQuery(() => readCallRows(db, now())).subscribe({
    next: (next) => {
      rows = next;
      void render();
    },
    error: (error: unknown) => fail(error),
  });
  const offConfig = onConfigChange(db, () => void render());
  const offSync = sync.subscribe(() => void render());
  return {
    stop() {
      stopped = true;
      subscription.unsubscribe();
      offConfig();
      offSync();
    },
  };
}
