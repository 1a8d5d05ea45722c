// What the operator does with the script side of the panel: modules viewed and their offer
// outcome, objections, checklist self-check marks, "no suitable answer", the values typed for
// variables the page did not give, and which section is open. Each change to the call goes to
// the background (the port for the frequent ones, see PORT_REQUESTS); the answer is the updated
// call. Kept apart from controller.ts, which owns the state and the tag path.
import type { VariableValues } from '../content/variables';
import type { PanelHotkey } from '../hotkeys/match';
import type {
  PanelRequestBody as RequestBody,
  PanelRequestResult as RequestResult,
  PanelRequestType as RequestType,
} from '../messaging/panel-protocol';
import type { CallRecord, OfferOutcome } from '../schema/call';
import type { ChecklistMark } from '../schema/content';
import type { Store } from './store';

export type PanelTab = 'script' | 'objections' | 'checklist';

/** What the panel shows besides the call: the section, the search box, where our hotkey put focus. */
export interface PanelUi {
  tab: PanelTab;
  searchOpen: boolean;
  /** The section our hotkey asked to focus; `seq` changes with every press. */
  focus: { section: PanelHotkey; seq: number } | null;
}

/** A self-check mark sent and not yet confirmed; shown in place of the stored one meanwhile. */
export interface PendingMark {
  callId: string;
  itemId: string;
  mark: ChecklistMark | null;
}

/** The script side of the panel's view state (controller.ts adds it to PanelView). */
export interface ScriptView {
  ui: PanelUi;
  /** Values the operator typed for missing variables, per call id ('' for no call). */
  manual: Record<string, VariableValues>;
  marks: PendingMark[];
}

export const INITIAL_SCRIPT_VIEW: ScriptView = {
  ui: { tab: 'script', searchOpen: false, focus: null },
  manual: {},
  marks: [],
};

export interface ScriptActions {
  viewModule(callId: string, moduleId: string, openMs: number): void;
  setOutcome(callId: string | null, moduleId: string, outcome: OfferOutcome | null): void;
  raiseObjection(callId: string | null, objectionId: string, answerId: string | null, handled: boolean): void;
  markItem(callId: string, itemId: string, mark: ChecklistMark | null): void;
  /** Resolves true once the background stored it. */
  noAnswer(callId: string | null, moduleId: string | null, text: string): Promise<boolean>;
  setManual(callId: string | null, name: string, value: string): void;
  showTab(tab: PanelTab): void;
  /** Our hotkey: open the section and put the keyboard focus there. */
  openSection(section: PanelHotkey): void;
  closeSearch(): void;
}

/** A request to the background (over the port when it is a port request and the port is open). */
export type Send = <K extends RequestType>(type: K, body: RequestBody<K>) => Promise<RequestResult<K>>;

interface Deps<V extends ScriptView> {
  store: Store<V>;
  send: Send;
  /** Put a call returned by a write into the state. */
  apply(call: CallRecord): void;
  fail(error: unknown): void;
}

const target = (callId: string | null) => (callId ? { callId } : {});

export function createScriptActions<V extends ScriptView>({ store, send, apply, fail }: Deps<V>): ScriptActions {
  let focusSeq = 0;
  const setUi = (ui: Partial<PanelUi>) => store.set((v) => ({ ...v, ui: { ...v.ui, ...ui } }));
  const applied = (answer: Promise<CallRecord | null>) =>
    answer.then((call) => {
      if (call) apply(call);
    }, fail);

  return {
    viewModule(callId, moduleId, openMs) {
      void applied(send('script.view', { callId, moduleId, openMs }));
    },
    setOutcome(callId, moduleId, outcome) {
      void applied(send('script.outcome', { ...target(callId), moduleId, outcome }));
    },
    raiseObjection(callId, objectionId, answerId, handled) {
      void applied(send('objection.raise', { ...target(callId), objectionId, answerId, handled }));
    },
    markItem(callId, itemId, mark) {
      const pending: PendingMark = { callId, itemId, mark };
      const drop = () => store.set((v) => ({ ...v, marks: v.marks.filter((m) => m !== pending) }));
      store.set((v) => ({ ...v, marks: [...v.marks.filter((m) => m.itemId !== itemId), pending] }));
      send('checklist.mark', { callId, itemId, mark }).then(
        (call) => {
          if (call) apply(call);
          drop();
        },
        (error) => {
          drop();
          fail(error);
        },
      );
    },
    async noAnswer(callId, moduleId, text) {
      try {
        await send('feedback.noAnswer', { ...target(callId), moduleId, text });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    setManual(callId, name, value) {
      const key = callId ?? '';
      store.set((v) => {
        const values = { ...v.manual[key] };
        if (value.trim()) values[name] = value.trim();
        else delete values[name];
        return { ...v, manual: { ...v.manual, [key]: values } };
      });
    },
    showTab: (tab) => setUi({ tab, searchOpen: false, focus: null }),
    openSection(section) {
      focusSeq += 1;
      const tab: PanelTab = section === 'search' ? 'script' : section;
      setUi({ tab, searchOpen: section === 'search', focus: { section, seq: focusSeq } });
    },
    closeSearch: () => setUi({ searchOpen: false }),
  };
}
