// The panel's port on the background side: tags sent over it are checked and stored like the
// `call.tag` request (same envelope, same answers), nothing else is accepted over it, and the
// feed follows committed writes to calls and the outbox of its own database only.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { acceptPanelPorts } from '@/lib/background/panel-feed';
import { startCall, tagCall } from '@/lib/calls/call-store';
import type { PanelDatabase } from '@/lib/db/database';
import { PANEL_PORT, type PanelState, PortDown, PortUp, type ResponseEnvelope } from '@/lib/messaging/protocol';
import { freshDb, T0 } from './helpers';

const RUNTIME = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${RUNTIME}`;

const dbs: PanelDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function database(): PanelDatabase {
  const db = freshDb();
  dbs.push(db);
  return db;
}

function openPanel(db: PanelDatabase, sender: Runtime.MessageSender = contentSender()) {
  let connect: ((port: Runtime.Port) => void) | null = null;
  const onConnect = { addListener: (fn: (port: Runtime.Port) => void) => (connect = fn) };
  acceptPanelPorts({
    db,
    onConnect: onConnect as unknown as Runtime.Static['onConnect'],
    runtimeId: RUNTIME,
    extensionOrigin: EXT,
    now: () => T0 + 10_000,
  });
  const states: PanelState[] = [];
  const responses = new Map<number, ResponseEnvelope>();
  const onMessage: ((m: unknown) => void)[] = [];
  let disconnected = false;
  const port = {
    name: PANEL_PORT,
    sender,
    postMessage: (raw: unknown) => {
      // Everything the background posts must pass the panel's own check.
      const message = PortDown.parse(raw);
      if (message.type === 'state') states.push(message.state);
      if (message.type === 'response') responses.set(message.id, message.response);
    },
    onMessage: { addListener: (fn: (m: unknown) => void) => onMessage.push(fn) },
    onDisconnect: { addListener: () => {} },
    disconnect: () => {
      disconnected = true;
    },
  };
  connect!(port as unknown as Runtime.Port);
  const send = (message: unknown) => {
    for (const fn of onMessage) fn(message);
  };
  return { states, responses, send, isDisconnected: () => disconnected };
}

function contentSender(): Runtime.MessageSender {
  return { id: RUNTIME, url: 'http://localhost:5173/', frameId: 0, tab: { id: 3 } } as Runtime.MessageSender;
}

const tagRequest = (id: number, body: unknown, type = 'call.tag') => ({
  type: 'request',
  id,
  request: { channel: 'op-panel', type, body },
});

describe('panel port: requests', () => {
  it('stores a tag sent over the port and answers with the tagged call, then posts the new state', async () => {
    const db = database();
    const panel = openPanel(db);
    panel.send({ type: 'subscribe' });
    const call = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    panel.send(tagRequest(1, { typeId: 'billing' }));
    await vi.waitFor(() => expect(panel.responses.get(1)).toBeDefined());
    const answer = panel.responses.get(1)!;
    expect(answer.ok).toBe(true);
    expect(answer.ok && (answer.data as { id: string; tags: { typeId: string }[] })).toMatchObject({
      id: call.id,
      tags: [{ typeId: 'billing' }],
    });
    const stored = await db.calls.get(call.id);
    expect(stored?.tags.map((t) => t.typeId)).toEqual(['billing']);
    expect((await db.outbox.toArray()).filter((e) => e.type === 'call.tagged').length).toBe(1);
    await vi.waitFor(() => expect(panel.states.at(-1)?.current?.tags.map((t) => t.typeId)).toEqual(['billing']));
  });

  it('answers like the router: a bad body and a missing call are errors with their codes', async () => {
    const db = database();
    const panel = openPanel(db);
    panel.send(tagRequest(1, { typeId: 'billing' }));
    panel.send(tagRequest(2, { typeId: 42 }));
    await vi.waitFor(() => expect(panel.responses.size).toBe(2));
    expect(panel.responses.get(1)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(panel.responses.get(2)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('accepts nothing but the port requests: other request types are dropped unanswered', async () => {
    const db = database();
    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    const panel = openPanel(db);
    expect(PortUp.safeParse(tagRequest(1, {}, 'call.toggle')).success).toBe(false);
    expect(PortUp.safeParse(tagRequest(1, {}, 'settings.save')).success).toBe(false);
    panel.send(tagRequest(1, {}, 'call.toggle'));
    panel.send(tagRequest(2, { settings: {} }, 'settings.save'));
    panel.send({ ...tagRequest(3, { typeId: 'billing' }), id: -1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(panel.responses.size).toBe(0);
    const [call] = await db.calls.toArray();
    expect(call?.endedAt).toBeNull();
    expect(call?.tags).toEqual([]);
  });

  it('R16: a port from anything but our content script in a top frame is closed at once', async () => {
    const db = database();
    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    const fromFrame = openPanel(db, { ...contentSender(), frameId: 2 } as Runtime.MessageSender);
    expect(fromFrame.isDisconnected()).toBe(true);
    fromFrame.send(tagRequest(1, { typeId: 'billing' }));
    const otherExtension = openPanel(db, { ...contentSender(), id: 'another' } as Runtime.MessageSender);
    expect(otherExtension.isDisconnected()).toBe(true);
    otherExtension.send(tagRequest(1, { typeId: 'billing' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fromFrame.responses.size + otherExtension.responses.size).toBe(0);
    expect((await db.outbox.toArray()).filter((e) => e.type === 'call.tagged').length).toBe(0);
  });
});

describe('panel port: live state', () => {
  it('follows writes to its own database, not to another one', async () => {
    const db = database();
    const other = database();
    const panel = openPanel(db);
    panel.send({ type: 'subscribe' });
    await vi.waitFor(() => expect(panel.states.length).toBeGreaterThan(0));
    // Creating the database on the first read counts as a change to all of it: let that settle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const settled = panel.states.length;
    await startCall(other, { source: 'manual', origin: null, tabId: null }, T0);
    await tagCall(other, 'billing', undefined, T0 + 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(panel.states).toHaveLength(settled);
    const call = await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    await vi.waitFor(() => expect(panel.states.at(-1)?.current?.id).toBe(call.id));
  });

  it('a burst of writes ends in a state that has all of them', async () => {
    const db = database();
    const panel = openPanel(db);
    panel.send({ type: 'subscribe' });
    await startCall(db, { source: 'manual', origin: null, tabId: null }, T0);
    const types = ['billing', 'connection', 'termination', 'tech_support'];
    await Promise.all(types.map((type, i) => tagCall(db, type, undefined, T0 + 1000 + i)));
    await vi.waitFor(() =>
      expect(
        panel.states
          .at(-1)
          ?.current?.tags.map((t) => t.typeId)
          .sort(),
      ).toEqual(types.sort()),
    );
    expect(panel.states.at(-1)?.sync.waiting).toBe(5);
  });
});
