// Live state for open panels: each panel holds a port; the background posts the panel's whole
// state down it whenever something it shows changes. The panel keeps no state of its own, so a
// worker restart only costs a reconnect.
//
// Keystroke to screen is the hot path (tag confirmed within 16 ms):
// - The panel sends its tag over this port rather than `runtime.sendMessage`, which would open
//   (and close) a new message channel to the worker for every keystroke. The request is the same
//   typed envelope, checked by the same router against the sender verified when the port opened.
// - Changes to calls and the outbox are noticed through Dexie's `storagemutated` event, not a
//   `liveQuery`: a live query re-runs its reads synchronously inside the committing transaction's
//   `complete` event, before the write's own caller can answer, which delayed every tag's answer
//   by that work. Here the event only marks the rows stale; they are re-read in a later task,
//   after the answer to the write has gone out.
// - The re-read covers only what changes with calls (the recent calls and the outbox count);
//   settings, site and the classifier come from config-store's in-memory cache, re-read only when
//   they are written (its change listener), and the sync status from the syncer's memory. Nothing
//   here waits for sync.
// - The content (scripts, objections, checklist, tariffs; lib/content/effective.ts) can be large,
//   so it goes down in its own `content` message, only when the panel subscribes and when the
//   versions it shows change: a release with no call, or a new call after a release (R11).
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Runtime } from 'webextension-polyfill';
import { endCall, recentCalls, tagCall } from '../calls/call-store';
import { recordCallOutcome } from '../calls/outcome-store';
import { shiftCalls, tagTarget } from '../calls/rules';
import { markChecklist, recordView } from '../calls/script-store';
import { CONTENT_KINDS, contentForCall, type EffectiveContent } from '../content/effective';
import { classifierForCall, loadSettings, loadSite, onConfigChange } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { panelMessages } from '../i18n/panel-messages';
import {
  PANEL_PORT,
  type PanelContent,
  type PanelState,
  type PlanView,
  type PortDown,
  type PortRequestType,
  PortUp,
  type SyncStatus,
} from '../messaging/protocol';
import { type Handlers, route } from '../messaging/router';
import { verifySender } from '../messaging/sender';
import type { CallRecord } from '../schema/call';
import type { Locale } from '../schema/primitives';
import { SYNC_OFF, withWaiting } from '../sync/status';
import { planViewFor } from './plan-feed';
import type { TeamMixSource } from './team-mix';

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
  // One read-only transaction: the calls and the count are of the same committed moment.
  return db.transaction('r', [db.calls, db.outbox], () =>
    Promise.all([recentCalls(db, now), db.outbox.count()]).then(([calls, waiting]) => ({ calls, waiting })),
  );
}

/** What one render sends: the state, and the content it goes with (posted only when its refs change). */
interface Frame {
  state: PanelState;
  content: EffectiveContent;
}

async function buildFrame(
  db: PanelDatabase,
  origin: string,
  rows: CallRows,
  sync: SyncStatus,
  now: number,
): Promise<Frame> {
  const recent = shiftCalls(rows.calls, now).slice(0, 50);
  const current = tagTarget(recent, now);
  const [settings, site, classifier, content] = await Promise.all([
    loadSettings(db),
    loadSite(db, origin),
    // The classifier and content of the call being worked on, so what is shown is what it is
    // recorded against (R11).
    classifierForCall(db, current),
    contentForCall(db, current),
  ]);
  return {
    state: { settings, classifier, site, current, recent, sync: withWaiting(sync, rows.waiting), now },
    content,
  };
}

/** The whole panel state in one read (tests, and anything that needs it once). */
export async function readPanelState(
  db: PanelDatabase,
  origin: string,
  now: number,
  sync: SyncStatus = SYNC_OFF,
): Promise<PanelState> {
  return (await buildFrame(db, origin, await readCallRows(db, now), sync, now)).state;
}

/** The content as posted: with the UI strings when the panel's language is not the built-in Russian. */
function withMessages(content: EffectiveContent, locale: Locale): PanelContent {
  return locale === 'ru' ? content : { ...content, messages: { locale, catalog: panelMessages[locale] } };
}

/** Same versions, same content (versions are immutable): what decides whether to send it again. */
export function contentKey(refs: PanelContent['refs']): string {
  return CONTENT_KINDS.map((kind) => `${kind}=${String(refs[kind])}`).join('&');
}

export interface PanelPortsOptions {
  db: PanelDatabase;
  onConnect: Runtime.Static['onConnect'];
  runtimeId: string;
  extensionOrigin: string;
  now: () => number;
  sync?: SyncStatusSource;
  /** The team's tariff mix for the plan view's warning (none: the warning stays off). */
  teamMix?: TeamMixSource;
}

/**
 * What a panel may ask over its port. The same work as the `call.tag` request handler: the port
 * is only a faster channel for the keystroke, not a second set of rules.
 */
function portHandlers(db: PanelDatabase, now: () => number): Pick<Handlers, PortRequestType> {
  return {
    'call.tag': async (body) => tagCall(db, body.typeId, body.callId, now()),
    'script.view': async (body) => recordView(db, body, now()),
    'checklist.mark': async (body) => markChecklist(db, body, now()),
    'call.outcome': async (body) => recordCallOutcome(db, body, now()),
  };
}

export function acceptPanelPorts({
  db,
  onConnect,
  runtimeId,
  extensionOrigin,
  now,
  sync = NO_SYNC,
  teamMix,
}: PanelPortsOptions): void {
  // `route` looks a handler up only for a request type it has parsed and whose sender kind it has
  // checked; requests outside PORT_REQUESTS never get that far (PortUp admits only those types).
  const handlers = portHandlers(db, now) as Handlers;
  onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    const sender = verifySender(port.sender ?? {}, runtimeId, extensionOrigin);
    if (sender?.kind !== 'content' || !sender.origin) {
      port.disconnect();
      return;
    }
    const origin = sender.origin;
    let feed: { stop(): void } | null = null;
    let open = true;
    const post = (message: PortDown) => {
      if (open) port.postMessage(message);
    };
    port.onMessage.addListener((raw: unknown) => {
      const message = PortUp.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'request') {
        const { id, request } = message.data;
        void route(handlers, request, sender).then((response) => post({ type: 'response', id, response }));
        return;
      }
      if (feed) return;
      feed = startFeed(
        db,
        origin,
        now,
        sync,
        teamMix ?? null,
        (state) => post({ type: 'state', state }),
        (content) => post({ type: 'content', content }),
        (plan) => post({ type: 'plan', plan }),
        (error) => post({ type: 'error', code: 'storage', message: String(error).slice(0, 1000) }),
      );
    });
    port.onDisconnect.addListener(() => {
      open = false;
      feed?.stop();
      // The tab that carried a detected call went away (closed, reloaded, navigated): its WebRTC
      // connection is gone with it, so the call ended. A manually started call is left alone.
      if (sender.tabId !== null) void endCall(db, now(), sender.tabId);
    });
  });
}

/** Does a committed change touch the tables the feed shows (or is it "everything changed")? */
function touchesCallRows(db: PanelDatabase, parts: ObservabilitySet): boolean {
  const prefixes = [`idb://${db.name}/${db.calls.name}/`, `idb://${db.name}/${db.outbox.name}/`];
  return Object.keys(parts).some((part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)));
}

/**
 * One panel's feed. Three sources (call rows, configuration including pulled documents, sync
 * status) trigger a render; renders run one at a time and a trigger during a render causes
 * exactly one more, so the last state posted is always built from the latest of everything. The
 * call rows are re-read the same way: one read at a time, and a change during a read causes
 * exactly one more. The content goes down before the state it belongs to, and only when it changed.
 */
function startFeed(
  db: PanelDatabase,
  origin: string,
  now: () => number,
  sync: SyncStatusSource,
  teamMix: TeamMixSource | null,
  post: (state: PanelState) => void,
  postContent: (content: PanelContent) => void,
  postPlan: (plan: PlanView | null) => void,
  fail: (error: unknown) => void,
): { stop(): void } {
  let rows: CallRows | null = null;
  /** The content key last sent down this port; null until the first render. */
  let sentContent: string | null = null;
  /** The plan view last sent (JSON); undefined until the first. */
  let sentPlan: string | undefined;
  let stopped = false;
  let rendering = false;
  let dirty = false;
  let reading = false;
  let stale = false;
  let scheduled: ReturnType<typeof setTimeout> | null = null;

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
        const { state, content } = await buildFrame(db, origin, rows, sync.status(), now());
        if (stopped) break;
        // Content first: a state naming a new call arrives with that call's content in place.
        const locale = state.settings.locale;
        const key = `${contentKey(content.refs)}&locale=${locale}`;
        if (key !== sentContent) {
          sentContent = key;
          postContent(withMessages(content, locale));
        }
        post(state);
        // After the state: the plan view reads the month's calls, and the operator waits for the
        // state first. Sent only when it changed.
        const plan = await planViewFor(db, state.now, (catalogue) => teamMix?.current(catalogue, state.now) ?? null);
        const planJson = JSON.stringify(plan);
        if (!stopped && planJson !== sentPlan) {
          sentPlan = planJson;
          postPlan(plan);
        }
      } while (dirty && !stopped);
    } catch (error) {
      if (!stopped) fail(error);
    } finally {
      rendering = false;
    }
  };

  const read = async () => {
    scheduled = null;
    if (stopped) return;
    if (reading) {
      stale = true;
      return;
    }
    reading = true;
    try {
      do {
        stale = false;
        rows = await readCallRows(db, now());
      } while (stale && !stopped);
      void render();
    } catch (error) {
      if (!stopped) fail(error);
    } finally {
      reading = false;
    }
  };

  // Called inside the committing transaction's `complete` event: only schedule, never read here.
  const onMutated = (parts: ObservabilitySet) => {
    if (stopped || scheduled !== null || !touchesCallRows(db, parts)) return;
    scheduled = setTimeout(read, 0);
  };

  Dexie.on.storagemutated.subscribe(onMutated);
  void read();
  const offConfig = onConfigChange(db, () => void render());
  const offSync = sync.subscribe(() => void render());
  return {
    stop() {
      stopped = true;
      if (scheduled !== null) clearTimeout(scheduled);
      Dexie.on.storagemutated.unsubscribe(onMutated);
      offConfig();
      offSync();
    },
  };
}
