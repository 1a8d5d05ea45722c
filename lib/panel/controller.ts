// The panel's state and actions. The background's state is the truth; the controller only adds
// what the operator just did and the background has not confirmed yet (optimistic tags), so the
// tag shows the instant the key is pressed and is marked saved when the write is stored.
// The content (modules, objections, checklist, tariffs) comes down the same port, beside it.
import { request } from '../messaging/panel-client';
import {
  type PanelContent,
  type PanelState,
  type PlanView,
  PORT_REQUESTS,
  type PortRequestType,
} from '../messaging/panel-protocol';
import { saleFigures, withSale } from '../plan/view-delta';
import type { CallRecord, OutcomeKind } from '../schema/call';
import type { PanelPrefs } from '../schema/settings';
import { connectPanel, type LinkStatus } from './connection';
import { nextTask } from './schedule';
import {
  createScriptActions,
  INITIAL_SCRIPT_VIEW,
  type ScriptActions,
  type ScriptView,
  type Send,
} from './script-actions';
import { createStore, type Store } from './store';

export interface PendingTag {
  key: number;
  typeId: string;
  callId: string | null;
  /** The keystroke's time (performance.now() clock): the panel measures keystroke -> module shown. */
  startedAt: number;
}

export interface PanelView extends ScriptView {
  link: LinkStatus;
  linkMessage: string | null;
  data: PanelState | null;
  /** For the current call (the versions it started with) or, with none, the newest; null until sent. */
  content: PanelContent | null;
  pending: PendingTag[];
  error: string | null;
  /** The last confirmed tag's keystroke time; the panel measures keystroke -> saved tag on screen. */
  lastConfirmed: { seq: number; startedAt: number } | null;
  /** The operator's plan for the month (null: no plan for them, or not sent yet). */
  plan: PlanView | null;
  /** When the last outcome was pressed (performance.now()): the panel measures it -> plan updated. */
  outcomeAt: number | null;
}

export interface PanelController extends ScriptActions {
  store: Store<PanelView>;
  tag(typeId: string, callId?: string, startedAt?: number): Promise<void>;
  undo(): Promise<void>;
  toggleCall(): Promise<void>;
  setPanel(prefs: PanelPrefs): void;
  /** Record a wrap-up outcome on the current call (itemId: tariff or service; null: the default). */
  addOutcome(callId: string, kind: OutcomeKind, itemId: string | null): Promise<void>;
  removeOutcome(callId: string, outcomeId: string): Promise<void>;
  dismissError(): void;
  stop(): void;
}

/** Replace a call in the state with a newer copy returned by a write. */
function withCall(data: PanelState | null, call: CallRecord): PanelState | null {
  if (!data) return data;
  const replace = (c: CallRecord) => (c.id === call.id && c.updatedAt <= call.updatedAt ? call : c);
  const recent = data.recent.some((c) => c.id === call.id) ? data.recent.map(replace) : [call, ...data.recent];
  const current = !data.current || data.current.id === call.id ? replace(data.current ?? call) : data.current;
  return { ...data, recent, current };
}

/** `previous` when `next` has the same content: memoised parts of the panel compare by identity. */
function unchanged<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/**
 * A new state from the background, keeping the objects of the previous one for the parts that
 * did not change (settings, classifier, site, sync: almost every state is about calls).
 */
function mergeState(previous: PanelState | null, next: PanelState): PanelState {
  if (!previous) return next;
  return {
    ...next,
    settings: unchanged(previous.settings, next.settings),
    classifier: unchanged(previous.classifier, next.classifier),
    site: unchanged(previous.site, next.site),
    sync: unchanged(previous.sync, next.sync),
  };
}

export function createPanelController(): PanelController {
  const store = createStore<PanelView>({
    link: 'connecting',
    linkMessage: null,
    data: null,
    content: null,
    pending: [],
    error: null,
    lastConfirmed: null,
    plan: null,
    outcomeAt: null,
    ...INITIAL_SCRIPT_VIEW,
  });
  let nextKey = 1;
  const fail = (error: unknown) =>
    store.set((v) => ({ ...v, error: error instanceof Error ? error.message : String(error) }));

  const link = connectPanel(
    (state) => store.set((v) => ({ ...v, data: mergeState(v.data, state) })),
    (status, message) => store.set((v) => ({ ...v, link: status, linkMessage: message ?? null })),
    (content) => store.set((v) => ({ ...v, content })),
    (plan) => store.set((v) => ({ ...v, plan: unchanged(v.plan ?? undefined, plan) })),
  );
  const viaPort = (type: string): type is PortRequestType => (PORT_REQUESTS as readonly string[]).includes(type);
  // The open port is the short way; without one, sendMessage (which also wakes the worker).
  const send: Send = (type, body) => (viaPort(type) ? link.request(type, body as never) : null) ?? request(type, body);
  const script = createScriptActions({
    store,
    send,
    apply: (call) => store.set((v) => ({ ...v, data: withCall(v.data, call) })),
    fail,
  });

  /** Calls an outcome write answered with, drawn a task after the plan view (changeOutcomes). */
  const undrawn = new Map<string, CallRecord>();

  /**
   * Records or removes an outcome. The plan view moves by the sale as soon as the write is stored
   * (view-delta.ts); the background's recomputed view follows and replaces it. What the operator
   * waits for is the plan: it is drawn alone, and the call (its outcome list, the call card, the
   * recent calls, about as much work again) in the next task, as React's transitions would.
   */
  const changeOutcomes = async (
    body: { callId: string } & ({ kind: OutcomeKind; itemId: string | null } | { remove: string }),
  ) => {
    const outcomeAt = performance.now();
    // Sent before anything is drawn, so the background's write overlaps that render (as a tag).
    const answer = send('call.outcome', body);
    store.set((v) => ({ ...v, error: null, outcomeAt }));
    try {
      const call = await answer;
      if (!call) return;
      // The call as last answered, drawn or not: two quick presses must not count one sale twice.
      const data = store.get().data;
      const before = undrawn.get(call.id) ?? [data?.current, ...(data?.recent ?? [])].find((c) => c?.id === call.id);
      const was = saleFigures(before?.outcomes ?? []);
      const now = saleFigures(call.outcomes ?? []);
      const delta = { sales: now.sales - was.sales, revenue: now.revenue - was.revenue };
      store.set((v) => ({ ...v, plan: v.plan && withSale(v.plan, delta) }));
      undrawn.set(call.id, call);
      await nextTask();
      // A later answer for the same call draws itself.
      if (undrawn.get(call.id) !== call) return;
      undrawn.delete(call.id);
      store.set((v) => ({ ...v, data: withCall(v.data, call) }));
    } catch (error) {
      fail(error);
    }
  };

  return {
    ...script,
    store,
    async tag(typeId, callId, startedAt = performance.now()) {
      const key = nextKey++;
      const target = callId ?? store.get().data?.current?.id ?? null;
      const body = { typeId, ...(callId ? { callId } : {}) };
      // Sent before the pending mark is drawn, so the background's write overlaps that render.
      const answer = send('call.tag', body);
      store.set((v) => ({ ...v, error: null, pending: [...v.pending, { key, typeId, callId: target, startedAt }] }));
      try {
        const call = await answer;
        store.set((v) => ({
          ...v,
          data: withCall(v.data, call),
          pending: v.pending.filter((p) => p.key !== key),
          lastConfirmed: { seq: key, startedAt },
        }));
      } catch (error) {
        store.set((v) => ({ ...v, pending: v.pending.filter((p) => p.key !== key) }));
        fail(error);
      }
    },
    addOutcome: (callId, kind, itemId) => changeOutcomes({ callId, kind, itemId }),
    removeOutcome: (callId, outcomeId) => changeOutcomes({ callId, remove: outcomeId }),
    async undo() {
      try {
        const call = await request('call.undoTag', {});
        store.set((v) => ({ ...v, error: null, data: withCall(v.data, call) }));
      } catch (error) {
        fail(error);
      }
    },
    async toggleCall() {
      try {
        await request('call.toggle', {});
      } catch (error) {
        fail(error);
      }
    },
    setPanel(prefs) {
      store.set((v) => (v.data ? { ...v, data: { ...v.data, site: { ...v.data.site, panel: prefs } } } : v));
      request('site.panel', { panel: prefs }).catch(fail);
    },
    dismissError: () => store.set((v) => ({ ...v, error: null })),
    stop: () => link.stop(),
  };
}
