// The content script's half of the messaging contract: what the panel may ask the background
// (`panelRequests`), what comes down its port, and the envelopes. Split from protocol.ts so the
// content script, with its 40 KB budget, does not carry the schemas of the options page and
// console requests (protocol.ts adds those and re-exports everything here).
import * as z from 'zod/mini';
import { CallDirection, CallRecord, OfferOutcome, OutcomeKind, SubscriberContext, VersionRef } from '../schema/call';
import { Classifier } from '../schema/classifier';
import { Checklist, ChecklistMark, ContentId, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { BonusPoint, PlanMeasure } from '../schema/plan';
import { EpochMs, Locale, ShortText, Ulid } from '../schema/primitives';
import { PanelPrefs, Settings, Site, SiteAdapter } from '../schema/settings';

export type SenderKind = 'content' | 'extension';

/** What a site adapter found on a page; also the answer of "test these selectors". */
export const AdapterReading = z.object({
  inCall: z.nullable(z.boolean()),
  callerNumber: z.nullable(ShortText(40)),
  subscriber: SubscriberContext,
  /** Per configured selector: how many elements matched, or an error for an invalid selector. */
  matches: z.record(z.string(), z.union([z.number(), z.object({ error: ShortText(300) })])),
});
export type AdapterReading = z.infer<typeof AdapterReading>;

/**
 * Sync at a glance, for the panel header and the options page. `off`: no server configured;
 * `login`: a server is configured but the session is missing, expired or revoked; `offline`: the
 * server cannot be reached (events wait); `waiting`: events queued and an upload is due;
 * `synced`: nothing waiting; `error`: the server refuses something (see `lastError`).
 */
export const SyncStatus = z.object({
  state: z.enum(['off', 'login', 'offline', 'waiting', 'synced', 'error']),
  waiting: z.number().check(z.int(), z.nonnegative()),
  deadLettered: z.number().check(z.int(), z.nonnegative()),
  live: z.boolean(),
  lastSyncAt: z.nullable(EpochMs),
  lastError: z.nullable(ShortText(1000)),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Nothing = z.null();
export const MaybeCall = z.nullable(CallRecord);

/** Requests a content script (the panel, call detection) may make; `from` is checked by the router. */
export const panelRequests = {
  /** Call detection (WebRTC hook or site adapter DOM state) saw a call start or end. */
  'call.signal': {
    from: 'content',
    body: z.object({
      source: z.enum(['webrtc', 'adapter']),
      state: z.enum(['start', 'end']),
      callerNumber: z.optional(z.nullable(ShortText(40))),
      direction: z.optional(CallDirection),
    }),
    result: MaybeCall,
  },
  /** The operator's hotkey: start a call if none is active, else end it. */
  'call.toggle': { from: 'content', body: z.object({}), result: MaybeCall },
  /** Tag the current call (or the one in wrap-up), or a given earlier call. */
  'call.tag': {
    from: 'content',
    body: z.object({ typeId: ShortText(40), callId: z.optional(Ulid) }),
    result: CallRecord,
  },
  /** Undo the most recent tag of a call while the undo window is open. */
  'call.undoTag': { from: 'content', body: z.object({ callId: z.optional(Ulid) }), result: CallRecord },
  /** The site adapter read new caller/subscriber context on a page. */
  'call.context': {
    from: 'content',
    body: z.object({ callerNumber: z.nullable(ShortText(40)), subscriber: SubscriberContext }),
    result: MaybeCall,
  },
  /**
   * Script activity on the current call (or the one in wrap-up, or `callId`). Each answers the
   * updated call, or null when there is no call to record it on (the panel still works).
   * `script.view`: a module was shown (first time: records it) and stayed open `openMs` more ms.
   */
  'script.view': {
    from: 'content',
    body: z.object({ callId: z.optional(Ulid), moduleId: ContentId, openMs: EpochMs }),
    result: MaybeCall,
  },
  'script.outcome': {
    from: 'content',
    body: z.object({ callId: z.optional(Ulid), moduleId: ContentId, outcome: z.nullable(OfferOutcome) }),
    result: MaybeCall,
  },
  /** The subscriber raised an objection; the operator used `answerId` and/or marked it handled. */
  'objection.raise': {
    from: 'content',
    body: z.object({
      callId: z.optional(Ulid),
      objectionId: ContentId,
      answerId: z.nullable(ContentId),
      handled: z.boolean(),
    }),
    result: MaybeCall,
  },
  /** A checklist self-check mark; null clears it. */
  'checklist.mark': {
    from: 'content',
    body: z.object({ callId: z.optional(Ulid), itemId: ContentId, mark: z.nullable(ChecklistMark) }),
    result: MaybeCall,
  },
  /** A wrap-up outcome added to the call (priced from its tariff catalogue), or one removed by id. */
  'call.outcome': {
    from: 'content',
    body: z.union([
      z.object({ callId: z.optional(Ulid), kind: OutcomeKind, itemId: z.nullable(ContentId) }),
      z.object({ callId: z.optional(Ulid), remove: Ulid }),
    ]),
    result: MaybeCall,
  },
  /** "No suitable answer": what the subscriber said, for the scripts' authors. Works without a call. */
  'feedback.noAnswer': {
    from: 'content',
    body: z.object({
      callId: z.optional(Ulid),
      moduleId: z.nullable(ContentId),
      text: ShortText(500).check(z.minLength(1)),
    }),
    result: Nothing,
  },
  /** The panel was resized, collapsed or switched between push and overlay on this site. */
  'site.panel': { from: 'content', body: z.object({ panel: PanelPrefs }), result: Nothing },
} as const;

export type PanelRequestType = keyof typeof panelRequests;
export type PanelRequestBody<K extends PanelRequestType> = z.infer<(typeof panelRequests)[K]['body']>;
export type PanelRequestResult<K extends PanelRequestType> = z.infer<(typeof panelRequests)[K]['result']>;

export const ErrorCode = z.enum(['bad_request', 'forbidden', 'not_found', 'conflict', 'storage', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ResponseEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: ShortText(1000) }) }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;

/** Background -> content script: run the adapter on this page (for the options page's test). */
export const TabCommand = z.object({
  channel: z.literal('op-panel'),
  type: z.literal('adapter.read'),
  adapter: SiteAdapter,
});
export type TabCommand = z.infer<typeof TabCommand>;

/** What the panel watches, pushed down its port on every change. */
export const PanelState = z.object({
  settings: Settings,
  classifier: Classifier,
  site: Site,
  /** The active call, or the last one while its wrap-up window is open. */
  current: MaybeCall,
  /** Calls of this shift, newest first. */
  recent: z.array(CallRecord),
  sync: SyncStatus,
  now: EpochMs,
});
export type PanelState = z.infer<typeof PanelState>;

/**
 * The content the panel shows, for the current call (the versions it started with, R11) or, with
 * no call, the newest. Sent down the port only when `refs` change: it can be large (500 modules).
 */
export const PanelContent = z.object({
  /** Version per kind (`scripts`, `objections`, `checklist`, `tariffs`); 0: built-in default. */
  refs: z.record(z.string(), VersionRef),
  scripts: ScriptSet,
  objections: ObjectionSet,
  checklist: z.nullable(Checklist),
  tariffs: z.nullable(TariffCatalogue),
  /**
   * The panel's UI strings in the operator's language when it is not Russian (the only catalogue
   * built into the content script, to keep it small); a missing key falls back to Russian.
   */
  messages: z.optional(
    z.object({
      locale: Locale,
      catalog: z.record(
        z.string().check(z.maxLength(60)),
        z.union([ShortText(2000), z.catchall(z.object({ other: ShortText(2000) }), ShortText(2000))]),
      ),
    }),
  ),
});
export type PanelContent = z.infer<typeof PanelContent>;

const Figures = z.object({ calls: z.number(), effectiveCalls: z.number(), sales: z.number(), revenue: z.number() });

/**
 * The operator's month as the panel shows it: worked out in the background from the team's plan
 * document and the operator's own calls (lib/background/plan-feed.ts), so it works offline and the
 * content script only renders numbers. Sent in its own message, after the state, when it changes.
 */
export const PlanView = z.object({
  month: ShortText(7),
  measure: PlanMeasure,
  currency: ShortText(8),
  target: z.number(),
  done: z.number(),
  percent: z.number(),
  today: Figures,
  remainingShifts: z.number(),
  pacePerShift: z.number(),
  bonusMax: z.number(),
  earnedBonus: z.number(),
  projectedPercent: z.number(),
  projectedBonus: z.number(),
  /** Planned shifts over shifts worked (lib/plan/view-delta.ts moves the view by a new sale). */
  projectionFactor: z.number(),
  scale: z.array(BonusPoint),
  /** "Two more upgrades today → +N": the typical upgrade from the tariff catalogue; null without one. */
  whatIf: z.nullable(z.object({ upgrades: z.number(), revenue: z.number(), bonus: z.number() })),
  /** The operator's sales lean to cheap tariffs compared with the team's (lib/plan/mix.ts). */
  mixWarning: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PANEL_PORT = 'op-panel';

/**
 * Requests a panel may also send over its port instead of `runtime.sendMessage`: the keystroke's
 * path, where opening a message channel per request costs more than the rest of the round trip.
 * Same envelope, same sender and body checks (the router's), same answer.
 */
export const PORT_REQUESTS = [
  'call.tag',
  'script.view',
  'checklist.mark',
  'call.outcome',
] as const satisfies readonly PanelRequestType[];
export type PortRequestType = (typeof PORT_REQUESTS)[number];

/** Pairs a port request with its response; chosen by the panel, unique per port. */
const PortRequestId = z.number().check(z.int(), z.positive());

export const PortUp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe') }),
  z.object({
    type: z.literal('request'),
    id: PortRequestId,
    request: z.object({ channel: z.literal('op-panel'), type: z.enum(PORT_REQUESTS), body: z.unknown() }),
  }),
]);
export type PortUp = z.infer<typeof PortUp>;

export const PortDown = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: PanelState }),
  z.object({ type: z.literal('content'), content: PanelContent }),
  z.object({ type: z.literal('plan'), plan: z.nullable(PlanView) }),
  z.object({ type: z.literal('error'), code: ErrorCode, message: ShortText(1000) }),
  z.object({ type: z.literal('response'), id: PortRequestId, response: ResponseEnvelope }),
]);
export type PortDown = z.infer<typeof PortDown>;
