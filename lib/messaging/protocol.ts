// The one typed contract between the background (which owns all data) and its callers: the panel
// in a content script and the extension's own pages. Every request and answer is parsed with
// these schemas on both ends; `from` says which kind of sender may make the request.
// The content script's part lives in panel-protocol.ts (re-exported here) to keep its bundle small.
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
import { Classifier } from '../schema/classifier';
import { EpochMs, Origin, ShortText, Ulid } from '../schema/primitives';
import { ConversionReport, MixReport, OperatorReport, TariffMixReport, UpsellReport } from '../schema/reports';
import { Settings, Site, SiteAdapter } from '../schema/settings';
import { TeamMember } from '../sync/api-client';
import { AdapterReading, Nothing, panelRequests, SyncStatus } from './panel-protocol';

export * from './panel-protocol';

/** The server this installation syncs with, and who is logged in there. Never holds the token (R19). */
export const SessionState = z.object({
  server: z.nullable(z.string().check(z.maxLength(300))),
  user: z.nullable(SessionUser),
  expiresAt: z.nullable(EpochMs),
});
export type SessionState = z.infer<typeof SessionState>;

/** An IANA time zone name (`Europe/Moscow`): the reports cut days in it. */
const TimeZone = z.string().check(z.maxLength(60), z.regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'expected a time zone name'));

/** The lead's reports: a period [from, to), optionally one team, days cut in `tz`. */
const ReportQuery = z.object({
  from: EpochMs,
  to: EpochMs,
  teamId: z.optional(Ulid),
  tz: z.optional(TimeZone),
});

/** Requests only extension pages (options, console) may make. */
const extensionRequests = {
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
  /** The members of the caller's teams (all of the organisation for an admin): the plan's operators. */
  'console.users': { from: 'extension', body: z.object({}), result: z.array(TeamMember) },
  /** The lead's morning reports (lib/schema/reports.ts). */
  'console.report.mix': { from: 'extension', body: ReportQuery, result: MixReport },
  'console.report.upsell': {
    from: 'extension',
    body: z.extend(ReportQuery, { by: z.enum(['type', 'operator']) }),
    result: UpsellReport,
  },
  'console.report.conversion': {
    from: 'extension',
    body: z.extend(ReportQuery, { typeId: z.optional(ShortText(40)) }),
    result: ConversionReport,
  },
  'console.report.operators': {
    from: 'extension',
    body: z.extend(ReportQuery, { period: z.enum(['day', 'week']) }),
    result: OperatorReport,
  },
  'console.report.tariffMix': { from: 'extension', body: ReportQuery, result: TariffMixReport },
  /** Run selectors on an open tab of that site and report what they read. */
  'sites.test': {
    from: 'extension',
    body: z.object({ tabId: z.number(), adapter: SiteAdapter }),
    result: AdapterReading,
  },
} as const;

export const requests = { ...panelRequests, ...extensionRequests } as const;

export type RequestType = keyof typeof requests;
export type RequestBody<K extends RequestType> = z.infer<(typeof requests)[K]['body']>;
export type RequestResult<K extends RequestType> = z.infer<(typeof requests)[K]['result']>;

export const RequestEnvelope = z.object({
  channel: z.literal('op-panel'),
  type: z.enum(Object.keys(requests) as [RequestType, ...RequestType[]]),
  body: z.unknown(),
});
