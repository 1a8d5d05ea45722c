// Renders the panel's script sections (tabs, script, objections, checklist) the way the panel
// does, for happy-dom tests: in a shadow root, with the real script actions and a fake background
// that applies each request to the call like the real one and answers with the updated call.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { ScriptSections } from '@/components/script/ScriptSections';
import { markItem, raiseObjection, setOutcome, viewModule } from '@/lib/calls/call-script';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { createTranslator } from '@/lib/i18n/translate';
import type { PanelContent, RequestBody, RequestType } from '@/lib/messaging/protocol';
import { PanelI18n } from '@/lib/panel/i18n-context';
import {
  createScriptActions,
  INITIAL_SCRIPT_VIEW,
  type ScriptActions,
  type ScriptView,
} from '@/lib/panel/script-actions';
import { createStore, type Store, useStore } from '@/lib/panel/store';
import { type CallRecord, type OfferOutcome, scriptOf } from '@/lib/schema/call';
import type { ChecklistMark } from '@/lib/schema/content';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { T0 } from './helpers';

export interface HarnessView extends ScriptView {
  call: CallRecord | null;
  content: PanelContent;
  pendingType: string | null;
  pendingAt: number | null;
}

export interface Sent {
  type: RequestType;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the fields of whichever body it is
  body: any;
}

/** Every field a script request body may have (each request uses some). */
interface AnyBody {
  moduleId: string;
  openMs: number;
  outcome: OfferOutcome | null;
  objectionId: string;
  answerId: string | null;
  handled: boolean;
  itemId: string;
  mark: ChecklistMark | null;
}

/** What the background does with each script request: the real rules of lib/calls/call-script. */
function applyRequest<K extends RequestType>(call: CallRecord | null, type: K, raw: RequestBody<K>): CallRecord | null {
  const body = raw as unknown as AnyBody;
  if (!call || type === 'feedback.noAnswer') return null;
  const script = scriptOf(call);
  const changed =
    type === 'script.view'
      ? viewModule(script, body.moduleId, body.openMs, T0)
      : type === 'script.outcome'
        ? setOutcome(script, body.moduleId, body.outcome, T0)
        : type === 'objection.raise'
          ? raiseObjection(script, body.objectionId, body.answerId, body.handled, T0)
          : markItem(script, body.itemId, body.mark);
  return changed ? { ...call, script: changed, updatedAt: call.updatedAt + 1 } : call;
}

const i18n = { t: createTranslator(panelMessages, 'ru'), locale: 'ru' as const };
const NO_VALUES = {};

export interface Probes {
  onModuleShown?: (latencyMs: number) => void;
  onSearchShown?: (latencyMs: number) => void;
}

function App({ store, actions, probes }: { store: Store<HarnessView>; actions: ScriptActions; probes: Probes }) {
  const view = useStore(store);
  return h(
    PanelI18n.Provider,
    { value: i18n },
    h(ScriptSections, {
      content: view.content,
      call: view.call,
      pendingType: view.pendingType,
      pendingAt: view.pendingAt,
      manual: view.manual[view.call?.id ?? ''] ?? NO_VALUES,
      marks: view.marks,
      ui: view.ui,
      settings: DEFAULT_SETTINGS,
      actions,
      ...probes,
    }),
  );
}

export interface Harness {
  /** Where the sections render: a div in an open shadow root, like the panel's. */
  root: HTMLElement;
  /** A field of the "CRM page", outside the panel. */
  pageInput: HTMLInputElement;
  store: Store<HarnessView>;
  actions: ScriptActions;
  sent: Sent[];
  /** While set, answers wait until `release()`. */
  hold: boolean;
  release(): Promise<void>;
  set(patch: Partial<HarnessView>): Promise<void>;
  call(): CallRecord | null;
  click(element: Element | null | undefined): Promise<void>;
  /** A keydown on `target` (default: the focused element), by `KeyboardEvent.code`. */
  press(code: string, init?: KeyboardEventInit & { target?: Element | null }): Promise<void>;
  type(input: Element | null | undefined, text: string): Promise<void>;
  /** Shown text of the sections, without hidden tabs. */
  text(): string;
  $<E extends Element = HTMLElement>(selector: string): E | null;
  $$<E extends Element = HTMLElement>(selector: string): E[];
  unmount(): void;
}

const KEYS: Record<string, string> = {
  Enter: 'Enter',
  Escape: 'Escape',
  ArrowDown: 'ArrowDown',
  ArrowUp: 'ArrowUp',
  Backspace: 'Backspace',
};

export async function mountSections(
  content: PanelContent,
  call: CallRecord | null,
  probes: Probes = {},
): Promise<Harness> {
  const pageInput = document.createElement('input');
  const host = document.createElement('div');
  document.body.append(pageInput, host);
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.append(root);

  const store = createStore<HarnessView>({ ...INITIAL_SCRIPT_VIEW, call, content, pendingType: null, pendingAt: null });
  const sent: Sent[] = [];
  const waiting: (() => void)[] = [];
  const harness: Harness = {
    root,
    pageInput,
    store,
    sent,
    hold: false,
    actions: createScriptActions({
      store,
      send: (type, body) => {
        sent.push({ type, body });
        const answer = () => applyRequest(store.get().call, type, body);
        if (!harness.hold) return Promise.resolve(answer()) as never;
        return new Promise((resolve) => waiting.push(() => resolve(answer() as never)));
      },
      apply: (updated) => store.set((v) => ({ ...v, call: updated })),
      fail: (error) => {
        throw error;
      },
    }),
    async release() {
      harness.hold = false;
      await act(async () => {
        for (const next of waiting.splice(0)) next();
      });
    },
    async set(patch) {
      await act(() => store.set((v) => ({ ...v, ...patch })));
    },
    call: () => store.get().call,
    async click(element) {
      if (!element) throw new Error('nothing to click');
      await act(() => (element as HTMLElement).click());
    },
    async press(code, init = {}) {
      const target = init.target ?? shadow.activeElement ?? document.activeElement;
      if (!target) throw new Error('nothing focused');
      const key = KEYS[code] ?? (code.startsWith('Key') ? code.slice(3).toLowerCase() : code.replace('Digit', ''));
      await act(() => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, composed: true, ...init }));
      });
    },
    async type(input, text) {
      if (!input) throw new Error('no field');
      await act(() => {
        (input as HTMLInputElement).value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    text() {
      const clone = root.cloneNode(true) as HTMLElement;
      for (const hidden of clone.querySelectorAll('[hidden]')) hidden.remove();
      return clone.textContent ?? '';
    },
    $: (selector) => root.querySelector(selector),
    $$: <E extends Element>(selector: string) => [...root.querySelectorAll<E>(selector)],
    unmount() {
      render(null, root);
      host.remove();
      pageInput.remove();
    },
  };
  await act(() => render(h(App, { store, actions: harness.actions, probes }), root));
  return harness;
}

/** The element focused inside the harness's shadow root (null: focus is elsewhere). */
export function focusedIn(harness: Harness): Element | null {
  return (harness.root.getRootNode() as ShadowRoot).activeElement;
}
