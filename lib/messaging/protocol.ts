// The one typed contract between the background (which owns all data) and its callers: the panel
// in a content script and the extension's own pages. Every request and answer is parsed with
// these schemas on both ends; `from` says which kind of sender may make the request.
import * as z from 'zod/mini';
import {
  CallScore,
  CallView,
  ContentVersion,
  DocumentKind,
  DocumentSummary,
  FeedbackItem,
  LoginName,
  ObjectionStat,
  Password,
  PublishBody,
  QualityRow,
  ScoreBody,
  SessionUser,
} from '../schema/api';
import { CallDirection, CallRecord, OfferOutcome, SubscriberContext, VersionRef } from '../schema/call';
import { Classifier } from '../schema/classifier';
import { Checklist, ChecklistMark, ContentId, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { EpochMs, Origin, ShortText, Ulid } from '../schema/primitives';
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

/** The server this installation syncs with, and who is logged in there. Never holds the token (R19). */
export const SessionState = z.object({
  server: z.nullable(z.string().check(z.maxLength(300))),
  user: z.nullable(SessionUser),
  expiresAt: z.nullable(EpochMs),
});
export type SessionState = z.infer<typeof SessionState>;

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

const Nothing = z.null();
const MaybeCall = z.nullable(CallRecord);

export const requests = {
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

  /** Everything the options page shows. */
  'options.load': {
    from: 'extension',
    body: z.object({}),
    result: z.object({
      settings: Settings,
      classifier: Classifier,
      sites: z.array(Site),
      tabs: z.array(z.object({ tabId: z.number(), origin: Origin, title: ShortText(300) })),
    }),
  },
  'settings.save': { from: 'extension', body: z.object({ settings: Settings }), result: Nothing },
  'classifier.save': { from: 'extension', body: z.object({ classifier: Classifier }), result: Classifier },
  'classifier.reset': { from: 'extension', body: z.object({}), result: Classifier },
  /** Store a site (the options page has already obtained the host permission for it). */
  'sites.save': { from: 'extension', body: z.object({ site: Site }), result: Nothing },
  'sites.remove': { from: 'extension', body: z.object({ origin: Origin }), result: Nothing },
  /** Session with the sync server. Login happens in the background; the token never leaves it. */
  'session.get': { from: 'extension', body: z.object({}), result: SessionState },
  'session.login': {
    from: 'extension',
    body: z.object({ server: z.string().check(z.maxLength(300)), login: LoginName, password: Password }),
    result: SessionState,
  },
  'session.logout': { from: 'extension', body: z.object({}), result: SessionState },
  'sync.status': { from: 'extension', body: z.object({}), result: SyncStatus },
  /** Upload and pull now (the options page's "sync now", and tests). */
  'sync.now': { from: 'extension', body: z.object({}), result: SyncStatus },
  /** The console (lead/trainer/admin) works on server documents through the background's session. */
  'console.documents': {
    from: 'extension',
    body: z.object({ kind: DocumentKind }),
    result: z.array(DocumentSummary),
  },
  'console.versions': {
    from: 'extension',
    body: z.object({ documentId: Ulid }),
    result: z.array(ContentVersion),
  },
  'console.publish': {
    from: 'extension',
    body: z.extend(PublishBody, { kind: DocumentKind }),
    result: ContentVersion,
  },
  /** Quality work in the console: calls, scoring on the call's own checklist version, feedback, stats. */
  'console.calls': {
    from: 'extension',
    body: z.object({ from: EpochMs, to: EpochMs, userId: z.optional(Ulid) }),
    result: z.array(CallView),
  },
  'console.call': {
    from: 'extension',
    body: z.object({ callId: Ulid }),
    result: z.object({ call: CallView, score: z.nullable(CallScore) }),
  },
  'console.score': {
    from: 'extension',
    body: z.extend(ScoreBody, { callId: Ulid }),
    result: CallScore,
  },
  /** Any version a visible call references, or of a document the caller may read (R11). */
  'console.version': { from: 'extension', body: z.object({ versionId: Ulid }), result: ContentVersion },
  'console.feedback': {
    from: 'extension',
    body: z.object({ from: EpochMs, to: EpochMs }),
    result: z.array(FeedbackItem),
  },
  'console.objectionStats': {
    from: 'extension',
    body: z.object({ from: EpochMs, to: EpochMs }),
    result: z.array(ObjectionStat),
  },
  'console.quality': {
    from: 'extension',
    body: z.object({ from: EpochMs, to: EpochMs }),
    result: z.array(QualityRow),
  },
  /** Run selectors on an open tab of that site and report what they read. */
  'sites.test': {
    from: 'extension',
    body: z.object({ tabId: z.number(), adapter: SiteAdapter }),
    result: AdapterReading,
  },
} as const;

export type RequestType = keyof typeof requests;
export type RequestBody<K extends RequestType> = z.infer<(typeof requests)[K]['body']>;
export type RequestResult<K extends RequestType> = z.infer<(typeof requests)[K]['result']>;

export const RequestEnvelope = z.object({
  channel: z.literal('op-panel'),
  type: z.enum(Object.keys(requests) as [RequestType, ...RequestType[]]),
  body: z.unknown(),
});

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
});
export type PanelContent = z.infer<typeof PanelContent>;

export const PANEL_PORT = 'op-panel';

/**
 * Requests a panel may also send over its port instead of `runtime.sendMessage`: the keystroke's
 * path, where opening a message channel per request costs more than the rest of the round trip.
 * Same envelope, same sender and body checks (the router's), same answer.
 */
export const PORT_REQUESTS = ['call.tag', 'script.view', 'checklist.mark'] as const satisfies readonly RequestType[];
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
  z.object({ type: z.literal('error'), code: ErrorCode, message: ShortText(1000) }),
  z.object({ type: z.literal('response'), id: PortRequestId, response: ResponseEnvelope }),
]);
export type PortDown = z.infer<typeof PortDown>;
