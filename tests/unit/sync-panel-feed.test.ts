// The panel feed with sync: the badge (synced / N waiting / offline / login) in every state
// posted, a new state after each tag, configuration change, pull and sync status change, and a hot
// path that does not re-read settings or the classifier on every keystroke.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { acceptPanelPorts, type SyncStatusSource } from '@/lib/background/panel-feed';
import { startCall, tagCall } from '@/lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { saveSettings } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { PANEL_PORT, type PanelState, type SyncStatus } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { SYNC_OFF } from '@/lib/sync/status';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import { FakeSyncServer, manualTimers, publishClassifier, testSyncer } from './sync-fake-server';

const RUNTIME = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${RUNTIME}`;

let db: PanelDatabase;
let syncer: Syncer | undefined;
afterEach(async () => {
  syncer?.stop();
  await db?.delete();
});

function openPanel(sync?: SyncStatusSource) {
  let connect: ((port: Runtime.Port) => void) | null = null;
  const onConnect = { addListener: (fn: (port: Runtime.Port) => void) => (connect = fn) };
  acceptPanelPorts({
    db,
    onConnect: onConnect as unknown as Runtime.Static['onConnect'],
    runtimeId: RUNTIME,
    extensionOrigin: EXT,
    now: () => T0 + 10_000,
    sync,
  });
  const states: PanelState[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name: PANEL_PORT,
    sender: { id: RUNTIME, url: 'http://localhost:5173/', frameId: 0, tab: { id: 3 } },
    postMessage: (m: { type: string; state: PanelState }) => {
      if (m.type === 'state') states.push(m.state);
    },
    onMessage: { addListener: (fn: (m: unknown) => void) => onMessage.push(fn) },
    onDisconnect: { addListener: (fn: () => void) => onDisconnect.push(fn) },
    disconnect: () => {},
  };
  connect!(port as unknown as Runtime.Port);
  for (const fn of onMessage) fn({ type: 'subscribe' });
  const close = () => {
    for (const fn of onDisconnect) fn();
  };
  return { states, close };
}

function staticSync(status: SyncStatus): SyncStatusSource & { set(s: SyncStatus): void } {
  const listeners = new Set<() => void>();
  return {
    status: () => status,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(next) {
      status = next;
      for (const fn of listeners) fn();
    },
  };
}

describe('panel feed', () => {
  it('posts the state with the sync badge, and again after a tag, a settings change and a status change', async () => {
    db = freshDb();
    const sync = staticSync({ ...SYNC_OFF, state: 'synced' });
    const { states, close } = openPanel(sync);
    await vi.waitFor(() => expect(states.length).toBeGreaterThan(0));
    expect(states.at(-1)!.sync).toMatchObject({ state: 'synced', waiting: 0 });

    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    await tagCall(db, 'billing', undefined, T0 + 1000);
    // The outbox count comes with the same query as the calls: "2 waiting" arrives with the tag.
    await vi.waitFor(() => expect(states.at(-1)!.current?.tags.map((t) => t.typeId)).toEqual(['billing']));
    expect(states.at(-1)!.sync).toMatchObject({ state: 'waiting', waiting: 2 });

    await saveSettings(db, { ...DEFAULT_SETTINGS, undoSeconds: 9 });
    await vi.waitFor(() => expect(states.at(-1)!.settings.undoSeconds).toBe(9));

    sync.set({ ...SYNC_OFF, state: 'offline', lastError: 'the server answered 503' });
    await vi.waitFor(() => expect(states.at(-1)!.sync).toMatchObject({ state: 'offline', waiting: 2 }));
    close();
  });

  it('a pull that changes the classifier reaches open panels', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    syncer = testSyncer(db, server, { timers: manualTimers() });
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.syncNow();
    const { states, close } = openPanel(syncer);
    await vi.waitFor(() => expect(states.at(-1)?.sync.state).toBe('synced'));
    const types = DEFAULT_CLASSIFIER.types.slice(2, 5);
    await publishClassifier(server, server.lead, server.teamId, types);
    await syncer.syncNow();
    await vi.waitFor(() => expect(states.at(-1)!.classifier.types.map((t) => t.id)).toEqual(types.map((t) => t.id)));
    close();
  });

  it('the hot path: after warm-up, a tag re-reads neither settings nor the classifier', async () => {
    db = freshDb();
    const { states, close } = openPanel();
    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    await vi.waitFor(() => expect(states.at(-1)?.current?.id).toBeDefined());
    const keys: string[] = [];
    const get = db.meta.get.bind(db.meta);
    const spy = vi.spyOn(db.meta, 'get').mockImplementation(((key: string) => {
      keys.push(key);
      return get(key);
    }) as typeof db.meta.get);
    const siteReads = vi.spyOn(db.sites, 'get');
    await tagCall(db, 'billing', undefined, T0 + 1000);
    await vi.waitFor(() => expect(states.at(-1)!.current?.tags).toHaveLength(1));
    spy.mockRestore();
    // Only the device row, which allocates the event's sequence number inside the write.
    expect(keys).toEqual(['device']);
    expect(siteReads).not.toHaveBeenCalled();
    close();
  });
});
