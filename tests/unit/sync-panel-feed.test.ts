// The panel feed with sync: the badge (synced / N waiting / offline / login) in every state
// posted, a new state after each tag, configuration change, pull and sync status change, and a hot
// path that does not re-read settings or the classifier on every keystroke. The content (scripts,
// objections, checklist, tariffs) goes down separately, only when the versions shown change.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { acceptPanelPorts, type SyncStatusSource } from '@/lib/background/panel-feed';
import { endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_SCRIPTS } from '@/lib/content/defaults';
import { saveSettings } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { panelMessages } from '@/lib/i18n/panel-messages';
import {
  PANEL_PORT,
  type PanelContent,
  type PanelState,
  PortDown,
  type ResponseEnvelope,
  type SyncStatus,
} from '@/lib/messaging/protocol';
import type { ScriptSet } from '@/lib/schema/content';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { SYNC_OFF } from '@/lib/sync/status';
import type { Syncer } from '@/lib/sync/syncer';
import { freshDb, T0 } from './helpers';
import { FakeSyncServer, manualTimers, publishClassifier, publishDocument, testSyncer } from './sync-fake-server';

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
  const contents: PanelContent[] = [];
  const responses = new Map<number, ResponseEnvelope>();
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name: PANEL_PORT,
    sender: { id: RUNTIME, url: 'http://localhost:5173/', frameId: 0, tab: { id: 3 } },
    postMessage: (raw: unknown) => {
      // Everything posted must pass the panel's own check, the content included.
      const m = PortDown.parse(raw);
      if (m.type === 'state') states.push(m.state);
      if (m.type === 'content') contents.push(m.content);
      if (m.type === 'response') responses.set(m.id, m.response);
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
  const request = (id: number, type: string, body: unknown) => {
    for (const fn of onMessage) fn({ type: 'request', id, request: { channel: 'op-panel', type, body } });
  };
  return { states, contents, responses, request, close };
}

function scripts(title: string): ScriptSet {
  return { modules: [{ ...DEFAULT_SCRIPTS.modules[0]!, title, branches: [] }] };
}

/** Lets every render triggered so far run: a render is posted after at least one macrotask. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

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

  it('content: sent once when the panel subscribes, not with every state; again for a new call after a release', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    syncer = testSyncer(db, server, { timers: manualTimers() });
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.syncNow();
    const { states, contents, close } = openPanel(syncer);
    await vi.waitFor(() => expect(contents).toHaveLength(1));
    expect(contents[0]!.refs).toEqual({ scripts: 0, objections: 0, checklist: 0, tariffs: 0 });
    expect(contents[0]!.checklist).toEqual(DEFAULT_CHECKLIST);

    const first = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    await tagCall(db, 'billing', undefined, T0 + 1000);
    await saveSettings(db, { ...DEFAULT_SETTINGS, undoSeconds: 9 });
    await vi.waitFor(() => expect(states.at(-1)!.settings.undoSeconds).toBe(9));
    expect(states.at(-1)!.current?.tags).toHaveLength(1);

    // A release during the call: the panel keeps showing what the call started with (R11).
    const release = await publishDocument(server, server.lead, 'scripts', server.teamId, scripts('Новый модуль'));
    const before = states.length;
    await syncer.syncNow();
    await vi.waitFor(() => expect(states.length).toBeGreaterThan(before));
    await settle();
    expect(contents).toHaveLength(1);
    expect(states.at(-1)!.current?.id).toBe(first.id);

    // The next call starts with the release: its content goes down, once, before its state.
    await endCall(db, T0 + 2000);
    const next = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0 + 3000);
    await vi.waitFor(() => expect(states.at(-1)!.current?.id).toBe(next.id));
    expect(contents).toHaveLength(2);
    expect(contents[1]!.refs.scripts).toBe(release.versionId);
    expect(contents[1]!.scripts.modules.map((m) => m.title)).toEqual(['Новый модуль']);
    await tagCall(db, 'billing', undefined, T0 + 4000);
    await vi.waitFor(() => expect(states.at(-1)!.current?.tags).toHaveLength(1));
    await settle();
    expect(contents).toHaveLength(2);
    close();
  });

  it('content: with no call, a release is sent as soon as it is pulled', async () => {
    db = freshDb();
    const server = new FakeSyncServer();
    syncer = testSyncer(db, server, { timers: manualTimers() });
    await syncer.login({ server: server.url, ...server.operator });
    await syncer.syncNow();
    const { contents, close } = openPanel(syncer);
    await vi.waitFor(() => expect(contents).toHaveLength(1));
    const release = await publishDocument(server, server.admin, 'scripts', null, scripts('Для всех'));
    await syncer.syncNow();
    await vi.waitFor(() => expect(contents).toHaveLength(2));
    expect(contents[1]!.refs).toEqual({ scripts: release.versionId, objections: 0, checklist: 0, tariffs: 0 });
    close();
  });

  it('UI strings: none for Russian (built in); those of the chosen language with the content when it changes', async () => {
    db = freshDb();
    const { contents, close } = openPanel(staticSync(SYNC_OFF));
    await vi.waitFor(() => expect(contents).toHaveLength(1));
    expect(contents[0]!.messages).toBeUndefined();
    await saveSettings(db, { ...DEFAULT_SETTINGS, locale: 'pl' });
    await vi.waitFor(() => expect(contents).toHaveLength(2));
    expect(contents[1]!.messages?.locale).toBe('pl');
    expect(contents[1]!.messages?.catalog.endCall).toBe(panelMessages.pl.endCall);
    close();
  });

  it('the port takes script views and checklist marks like the requests, with the same answers', async () => {
    db = freshDb();
    const panel = openPanel();
    const call = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    const item = DEFAULT_CHECKLIST.sections[0]!.items[0]!.id;
    panel.request(1, 'script.view', { moduleId: 'greeting', openMs: 1200 });
    panel.request(2, 'checklist.mark', { itemId: item, mark: 'yes' });
    panel.request(3, 'checklist.mark', { itemId: 'not_in_this_checklist', mark: 'yes' });
    panel.request(4, 'script.view', { moduleId: 'Not A Slug', openMs: 1 });
    await vi.waitFor(() => expect(panel.responses.size).toBe(4));
    expect(panel.responses.get(1)).toMatchObject({ ok: true, data: { id: call.id } });
    expect(panel.responses.get(2)).toMatchObject({ ok: true, data: { script: { checklist: { [item]: 'yes' } } } });
    expect(panel.responses.get(3)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(panel.responses.get(4)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const stored = await db.calls.get(call.id);
    expect(stored?.script?.modules).toEqual([
      { moduleId: 'greeting', shownAt: T0 + 10_000, openMs: 1200, outcome: null },
    ]);
    await vi.waitFor(() => expect(panel.states.at(-1)?.current?.script?.checklist).toEqual({ [item]: 'yes' }));
    panel.close();
  });
});
