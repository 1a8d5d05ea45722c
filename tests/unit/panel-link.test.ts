// The panel's side of its port: requests sent over it are answered with the same checks as
// runtime messages, die with the port, and fall back to runtime messages while there is none;
// the first state is handed on a task later; unchanged parts of a new state keep their objects.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { RequestError } from '@/lib/messaging/client';
import type { PlanView } from '@/lib/messaging/panel-protocol';
import type { PanelContent, PanelState } from '@/lib/messaging/protocol';
import { PortUp } from '@/lib/messaging/protocol';
import { connectPanel } from '@/lib/panel/connection';
import { createPanelController } from '@/lib/panel/controller';
import { DEFAULT_PAY_RULE } from '@/lib/plan/defaults';
import type { CallOutcome, CallRecord } from '@/lib/schema/call';
import { DEFAULT_SETTINGS, defaultSite } from '@/lib/settings/defaults';
import { SYNC_OFF } from '@/lib/sync/status';
import { fakeUlid, makeCall, T0 } from './helpers';

interface FakePort {
  posted: unknown[];
  receive(message: unknown): void;
  drop(): void;
}

const fake = vi.hoisted(() => {
  const ports: FakePort[] = [];
  const runtime = {
    id: 'abcdefghijklmnopabcdefghijklmnop',
    sendMessage: (_message: unknown): Promise<unknown> => Promise.reject(new Error('not mocked')),
    connect() {
      const messageListeners: ((m: unknown) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const port: FakePort & Record<string, unknown> = {
        name: 'op-panel',
        posted: [],
        postMessage(message: unknown) {
          port.posted.push(message);
        },
        onMessage: { addListener: (fn: (m: unknown) => void) => messageListeners.push(fn) },
        onDisconnect: { addListener: (fn: () => void) => disconnectListeners.push(fn) },
        disconnect() {},
        receive(message: unknown) {
          for (const fn of messageListeners) fn(message);
        },
        drop() {
          for (const fn of disconnectListeners) fn();
        },
      };
      ports.push(port);
      return port;
    },
  };
  return { ports, runtime };
});

vi.mock('@/lib/messaging/runtime', () => ({ default: { runtime: fake.runtime } }));

const lastPort = () => fake.ports.at(-1)!;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function state(overrides: Partial<PanelState> = {}): PanelState {
  const current = makeCall();
  return {
    settings: DEFAULT_SETTINGS,
    classifier: DEFAULT_CLASSIFIER,
    site: defaultSite('http://localhost:5173'),
    current,
    recent: [current],
    sync: SYNC_OFF,
    now: T0,
    ...overrides,
  };
}

const CONTENT: PanelContent = {
  refs: { scripts: 0, objections: 0, checklist: 0, tariffs: 0 },
  scripts: { modules: [] },
  objections: { objections: [] },
  checklist: null,
  tariffs: null,
};

/** The request the panel posted last, checked against the background's schema. */
function lastRequest() {
  const message = PortUp.parse(lastPort().posted.at(-1));
  if (message.type !== 'request') throw new Error('expected a request');
  return message;
}

beforeEach(() => {
  fake.ports.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('panel link', () => {
  it('sends a tag over the port and resolves with the checked answer', async () => {
    const link = connectPanel(vi.fn(), vi.fn());
    expect(lastPort().posted[0]).toEqual({ type: 'subscribe' });
    const answer = link.request('call.tag', { typeId: 'billing' })!;
    const sent = lastRequest();
    expect(sent.request).toEqual({ channel: 'op-panel', type: 'call.tag', body: { typeId: 'billing' } });
    const call = makeCall({ tags: [{ id: makeCall().id, typeId: 'billing', at: T0 }] });
    lastPort().receive({ type: 'response', id: sent.id, response: { ok: true, data: call } });
    await expect(answer).resolves.toEqual(call);
    link.stop();
  });

  it('rejects with the background error, and an answer of the wrong shape', async () => {
    const link = connectPanel(vi.fn(), vi.fn());
    const refused = link.request('call.tag', { typeId: 'billing' })!;
    lastPort().receive({
      type: 'response',
      id: lastRequest().id,
      response: { ok: false, error: { code: 'not_found', message: 'no call to tag' } },
    });
    await expect(refused).rejects.toMatchObject({ name: 'RequestError', code: 'not_found' });
    const odd = link.request('call.tag', { typeId: 'billing' })!;
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: { id: 'x' } } });
    await expect(odd).rejects.toBeInstanceOf(RequestError);
    link.stop();
  });

  it('fails what is pending when the port drops, and has no port until it reconnects', async () => {
    const link = connectPanel(vi.fn(), vi.fn());
    const pending = link.request('call.tag', { typeId: 'billing' })!;
    lastPort().drop();
    await expect(pending).rejects.toMatchObject({ code: 'internal' });
    expect(link.request('call.tag', { typeId: 'billing' })).toBeNull();
    await vi.waitFor(() => expect(fake.ports).toHaveLength(2));
    const again = link.request('call.tag', { typeId: 'billing' });
    expect(again).not.toBeNull();
    link.stop();
    await expect(again).rejects.toMatchObject({ code: 'internal' });
  });

  it('ignores an answer to a request it did not make', async () => {
    const onStatus = vi.fn();
    const link = connectPanel(vi.fn(), onStatus);
    lastPort().receive({ type: 'response', id: 99, response: { ok: true, data: null } });
    expect(onStatus).not.toHaveBeenCalledWith('error', expect.anything());
    link.stop();
  });

  it('hands the first state on a task later (the newest if more came), then each at once', async () => {
    const onState = vi.fn();
    const link = connectPanel(onState, vi.fn());
    const first = state();
    const second = state({ now: T0 + 1 });
    lastPort().receive({ type: 'state', state: first });
    lastPort().receive({ type: 'state', state: second });
    expect(onState).not.toHaveBeenCalled();
    await nextTask();
    expect(onState).toHaveBeenCalledTimes(1);
    expect(onState.mock.calls[0]![0]).toMatchObject({ now: T0 + 1 });
    lastPort().receive({ type: 'state', state: state({ now: T0 + 2 }) });
    expect(onState).toHaveBeenCalledTimes(2);
    link.stop();
  });

  it('hands content on a task after it came, and refuses content that does not parse', async () => {
    const onContent = vi.fn();
    const onStatus = vi.fn();
    const link = connectPanel(vi.fn(), onStatus, onContent);
    lastPort().receive({ type: 'content', content: CONTENT });
    expect(onContent).not.toHaveBeenCalled();
    await nextTask();
    expect(onContent).toHaveBeenCalledWith(CONTENT);
    lastPort().receive({ type: 'content', content: { ...CONTENT, scripts: { modules: [{ id: 'Bad Id' }] } } });
    await nextTask();
    expect(onContent).toHaveBeenCalledTimes(1);
    expect(onStatus).toHaveBeenCalledWith('error', expect.any(String));
    link.stop();
  });

  it('reports a malformed state instead of using it', async () => {
    const onState = vi.fn();
    const onStatus = vi.fn();
    const link = connectPanel(onState, onStatus);
    lastPort().receive({ type: 'state', state: { ...state(), recent: 'all of them' } });
    await nextTask();
    expect(onState).not.toHaveBeenCalled();
    expect(onStatus).toHaveBeenCalledWith('error', expect.any(String));
    link.stop();
  });
});

describe('panel controller', () => {
  it('tags over the port and marks the tag saved with the answer', async () => {
    const controller = createPanelController();
    lastPort().receive({ type: 'state', state: state() });
    await nextTask();
    const current = controller.store.get().data!.current!;
    const tagging = controller.tag('billing', undefined, 0);
    expect(controller.store.get().pending).toMatchObject([{ typeId: 'billing', callId: current.id }]);
    const tagged: CallRecord = { ...current, tags: [{ id: makeCall().id, typeId: 'billing', at: T0 }] };
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: tagged } });
    await tagging;
    const view = controller.store.get();
    expect(view.pending).toEqual([]);
    expect(view.data!.current!.tags.map((t) => t.typeId)).toEqual(['billing']);
    expect(view.lastConfirmed).not.toBeNull();
    controller.stop();
  });

  it('uses runtime.sendMessage while the port is down', async () => {
    const controller = createPanelController();
    lastPort().receive({ type: 'state', state: state() });
    await nextTask();
    const current = controller.store.get().data!.current!;
    lastPort().drop();
    const tagged: CallRecord = { ...current, tags: [{ id: makeCall().id, typeId: 'billing', at: T0 }] };
    const sendMessage = vi.spyOn(fake.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: tagged });
    await controller.tag('billing', undefined, 0);
    expect(sendMessage).toHaveBeenCalledWith({ channel: 'op-panel', type: 'call.tag', body: { typeId: 'billing' } });
    expect(controller.store.get().data!.current!.tags.map((t) => t.typeId)).toEqual(['billing']);
    controller.stop();
  });

  it('keeps the objects of the parts a new state did not change', async () => {
    const controller = createPanelController();
    lastPort().receive({ type: 'state', state: state() });
    await nextTask();
    const before = controller.store.get().data!;
    // A new state as the port delivers it: equal content, new objects.
    lastPort().receive({ type: 'state', state: structuredClone({ ...before, now: T0 + 500 }) });
    const after = controller.store.get().data!;
    expect(after.now).toBe(T0 + 500);
    expect(after.settings).toBe(before.settings);
    expect(after.classifier).toBe(before.classifier);
    expect(after.site).toBe(before.site);
    expect(after.sync).toBe(before.sync);
    const renamed = structuredClone(before.classifier);
    renamed.types[0]!.names.ru = 'Другое имя';
    lastPort().receive({ type: 'state', state: structuredClone({ ...before, classifier: renamed }) });
    expect(controller.store.get().data!.classifier).not.toBe(before.classifier);
    expect(controller.store.get().data!.classifier.types[0]!.names.ru).toBe('Другое имя');
    controller.stop();
  });
});

describe('panel controller: script activity', () => {
  async function live() {
    const controller = createPanelController();
    lastPort().receive({ type: 'state', state: state() });
    lastPort().receive({ type: 'content', content: CONTENT });
    await nextTask();
    return controller;
  }

  it('keeps the content beside the state', async () => {
    const controller = await live();
    expect(controller.store.get().content).toEqual(CONTENT);
    expect(controller.store.get().data).not.toBeNull();
    controller.stop();
  });

  it('sends module views and checklist marks over the port, the rest as runtime messages', async () => {
    const controller = await live();
    const current = controller.store.get().data!.current!;
    const sendMessage = vi.spyOn(fake.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null });

    controller.viewModule(current.id, 'greeting', 1500);
    expect(lastRequest().request).toEqual({
      channel: 'op-panel',
      type: 'script.view',
      body: { callId: current.id, moduleId: 'greeting', openMs: 1500 },
    });
    const viewed: CallRecord = {
      ...current,
      script: {
        modules: [{ moduleId: 'greeting', shownAt: T0, openMs: 1500, outcome: null }],
        objections: [],
        checklist: {},
      },
      updatedAt: current.updatedAt + 1,
    };
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: viewed } });
    await vi.waitFor(() => expect(controller.store.get().data!.current!.script?.modules).toHaveLength(1));

    controller.markItem(current.id, 'greet', 'yes');
    expect(lastRequest().request.type).toBe('checklist.mark');
    expect(controller.store.get().marks).toEqual([{ callId: current.id, itemId: 'greet', mark: 'yes' }]);
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: null } });
    await vi.waitFor(() => expect(controller.store.get().marks).toEqual([]));

    controller.setOutcome(current.id, 'greeting', 'offered');
    controller.raiseObjection(null, 'expensive', null, false);
    await expect(controller.noAnswer(null, null, 'Хочу только ТВ')).resolves.toBe(true);
    expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([
      {
        channel: 'op-panel',
        type: 'script.outcome',
        body: { callId: current.id, moduleId: 'greeting', outcome: 'offered' },
      },
      {
        channel: 'op-panel',
        type: 'objection.raise',
        body: { objectionId: 'expensive', answerId: null, handled: false },
      },
      { channel: 'op-panel', type: 'feedback.noAnswer', body: { moduleId: null, text: 'Хочу только ТВ' } },
    ]);
    controller.stop();
  });

  it('drops a refused mark and shows the error; "no suitable answer" reports failure', async () => {
    const controller = await live();
    const current = controller.store.get().data!.current!;
    controller.markItem(current.id, 'greet', 'no');
    lastPort().receive({
      type: 'response',
      id: lastRequest().id,
      response: { ok: false, error: { code: 'bad_request', message: 'no such item' } },
    });
    await vi.waitFor(() => expect(controller.store.get().error).toBe('no such item'));
    expect(controller.store.get().marks).toEqual([]);
    vi.spyOn(fake.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: { code: 'storage', message: 'disk full' },
    });
    await expect(controller.noAnswer(current.id, null, 'x')).resolves.toBe(false);
    controller.stop();
  });

  it('opens sections for the hotkeys, and keeps typed values per call', async () => {
    const controller = await live();
    controller.openSection('objections');
    const first = controller.store.get().ui;
    expect(first).toMatchObject({ tab: 'objections', searchOpen: false, focus: { section: 'objections' } });
    controller.openSection('search');
    expect(controller.store.get().ui).toMatchObject({ tab: 'script', searchOpen: true, focus: { section: 'search' } });
    expect(controller.store.get().ui.focus!.seq).toBeGreaterThan(first.focus!.seq);
    controller.showTab('checklist');
    expect(controller.store.get().ui).toEqual({ tab: 'checklist', searchOpen: false, focus: null });
    controller.setManual('A', 'callback_phone', ' 123 ');
    controller.setManual('B', 'callback_phone', '456');
    controller.setManual('A', 'callback_phone', '');
    expect(controller.store.get().manual).toEqual({ A: {}, B: { callback_phone: '456' } });
    controller.stop();
  });
});

describe('panel controller: outcomes', () => {
  const PLAN: PlanView = {
    month: '2026-11',
    measure: 'revenue',
    currency: '₽',
    target: 10_000,
    done: 1_000,
    percent: 10,
    today: { calls: 0, effectiveCalls: 0, sales: 0, revenue: 0 },
    remainingShifts: 10,
    pacePerShift: 900,
    bonusMax: 10_000,
    earnedBonus: 0,
    projectedPercent: 20,
    projectedBonus: 0,
    projectionFactor: 2,
    scale: DEFAULT_PAY_RULE.scale,
    whatIf: null,
    mixWarning: false,
  };
  const sale = (id: number, monthly: number): CallOutcome => ({
    id: fakeUlid(id),
    kind: 'equipment',
    at: T0,
    itemId: 'router',
    fromItemId: null,
    monthly,
    amountSource: 'catalogue',
  });

  it('moves the plan at the answer and draws the call a task later; two quick answers count each sale once', async () => {
    const controller = createPanelController();
    lastPort().receive({ type: 'state', state: state() });
    lastPort().receive({ type: 'plan', plan: PLAN });
    await nextTask();
    const current = controller.store.get().data!.current!;

    const first = controller.addOutcome(current.id, 'equipment', 'router');
    expect(lastRequest().request).toMatchObject({
      type: 'call.outcome',
      body: { callId: current.id, kind: 'equipment' },
    });
    const one = { ...current, outcomes: [sale(1, 300)], updatedAt: T0 + 1 };
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: one } });
    const second = controller.addOutcome(current.id, 'equipment', 'router');
    const two = { ...current, outcomes: [sale(1, 300), sale(2, 200)], updatedAt: T0 + 2 };
    lastPort().receive({ type: 'response', id: lastRequest().id, response: { ok: true, data: two } });
    // Both answers are in before either call is drawn: the plan counts 300 + 200, not 300 + 500.
    await Promise.resolve();
    await Promise.resolve();
    expect(controller.store.get().plan!.done).toBe(1_500);
    expect(controller.store.get().plan!.today).toMatchObject({ sales: 2, revenue: 500 });
    expect(controller.store.get().data!.current!.outcomes ?? []).toEqual([]);

    await Promise.all([first, second]);
    // Only the newest answer is drawn.
    expect(controller.store.get().data!.current!.outcomes).toEqual(two.outcomes);
    expect(controller.store.get().plan!.done).toBe(1_500);
    controller.stop();
  });
});
