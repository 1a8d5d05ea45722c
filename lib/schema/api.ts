// The HTTP contract between the extension and the sync server (`/api/v1`). Both ends parse with
// these schemas: the server every request body, the extension every answer. zod/mini keeps the
// background bundle small; the server imports the same objects.
import * as z from 'zod/mini';
import { CallDirection, CallScript, CallSource, CallTag, SubscriberContext, VersionRef } from './call';
import { ChecklistMarks } from './content';
import { OutboxEvent } from './events';
import { EpochMs, ShortText, Ulid } from './primitives';

export const API_PREFIX = '/api/v1';

export const Role = z.enum(['operator', 'lead', 'trainer', 'admin']);
export type Role = z.infer<typeof Role>;

/** A login name: what a person types, case-insensitive, unique across the server. */
export const LoginName = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^[\p{L}\p{N}._@-]+$/u, 'login: letters, digits, ".", "_", "@" or "-"'),
  );

export const Password = z.string().check(z.minLength(1), z.maxLength(200));

export const LoginBody = z.object({ login: LoginName, password: Password });
export type LoginBody = z.infer<typeof LoginBody>;

export const TeamRef = z.object({ id: Ulid, name: ShortText(200) });
export type TeamRef = z.infer<typeof TeamRef>;

/** Who a token belongs to: enough for the extension to show "logged in as" and scope its UI. */
export const SessionUser = z.object({
  id: Ulid,
  login: LoginName,
  name: ShortText(200),
  role: Role,
  orgId: Ulid,
  orgName: ShortText(200),
  teams: z.array(TeamRef),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginAnswer = z.object({
  /** Opaque bearer token; the server keeps only its hash. */
  token: z.string().check(z.minLength(20), z.maxLength(200)),
  expiresAt: EpochMs,
  user: SessionUser,
});
export type LoginAnswer = z.infer<typeof LoginAnswer>;

/** Every non-2xx answer. `code` is stable (for programs), `message` is for people. */
export const ApiErrorCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'sequence_gap',
  'rate_limited',
  'too_large',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
export const ApiError = z.object({
  error: z.object({ code: ApiErrorCode, message: ShortText(2000) }),
  /** Only with `sequence_gap`: the sequence number the server expects next from this device. */
  expectedSeq: z.optional(z.number()),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- Upload ----

export const MAX_PUSH_EVENTS = 500;

/** `POST /sync/push`: one device's events, in sequence order, contiguous. */
export const PushBody = z.object({
  deviceId: Ulid,
  events: z.array(OutboxEvent).check(z.minLength(1), z.maxLength(MAX_PUSH_EVENTS)),
});
export type PushBody = z.infer<typeof PushBody>;

export const PushAnswer = z.object({
  /** The highest sequence number the server has stored (applied or dead-lettered) for the device. */
  lastSeq: z.number().check(z.int(), z.nonnegative()),
  accepted: z.number(),
  duplicates: z.number(),
  deadLettered: z.number(),
});
export type PushAnswer = z.infer<typeof PushAnswer>;

/** `GET /sync/device/:deviceId`: where the server stands for a device (R07: restored backups). */
export const DeviceAnswer = z.object({ deviceId: Ulid, lastSeq: z.number() });
export type DeviceAnswer = z.infer<typeof DeviceAnswer>;

// ---- Download ----

/** Kinds of content documents (bodies: lib/schema/classifier.ts, content.ts, plan.ts). */
export const DocumentKind = z.enum(['classifier', 'scripts', 'objections', 'checklist', 'tariffs', 'plan']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** One immutable published version of a document, as the client receives it. */
export const ContentVersion = z.object({
  /** The document (stable across versions). */
  documentId: Ulid,
  /** This version's own id: what a call records, and what the server can always resolve (R11). */
  versionId: Ulid,
  kind: DocumentKind,
  /** `null`: the organisation-wide document; otherwise the team it is scoped to. */
  teamId: z.nullable(Ulid),
  version: z.number().check(z.int(), z.positive()),
  cursor: z.number().check(z.int(), z.positive()),
  body: z.unknown(),
  note: ShortText(500),
  publishedAt: EpochMs,
  publishedBy: ShortText(200),
});
export type ContentVersion = z.infer<typeof ContentVersion>;

/**
 * `GET /sync/pull?cursor=N&scope=S`: the newest version of every document visible to the user that
 * changed after `cursor`. `scope` names the set of teams the answer was computed for; when the
 * client's scope differs (user moved team) or its cursor is ahead of the server (restored backup,
 * R07), the answer is a `reset`: the full current set, which replaces everything the client had.
 */
export const PullAnswer = z.object({
  cursor: z.number().check(z.int(), z.nonnegative()),
  scope: ShortText(2000),
  reset: z.boolean(),
  documents: z.array(ContentVersion),
});
export type PullAnswer = z.infer<typeof PullAnswer>;

/** `POST /documents/:kind/publish`. The body is validated per kind by the server. */
export const PublishBody = z.object({
  teamId: z.nullable(Ulid),
  body: z.unknown(),
  note: ShortText(500),
});
export type PublishBody = z.infer<typeof PublishBody>;

/** `GET /documents?kind=`: documents the caller may edit, each with its current version. */
export const DocumentSummary = z.object({
  documentId: Ulid,
  kind: DocumentKind,
  teamId: z.nullable(Ulid),
  current: ContentVersion,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

// ---- Live ----

/** Client -> server on `GET /live` (WebSocket). The token goes in the first message, not the URL. */
export const LiveUp = z.union([
  z.object({ type: z.literal('hello'), token: z.string().check(z.maxLength(200)) }),
  z.object({ type: z.literal('ping') }),
]);
export type LiveUp = z.infer<typeof LiveUp>;

/** Server -> client: the connection only says "something changed"; the client then pulls. */
export const LiveDown = z.union([
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('changed'), cursor: z.number() }),
  z.object({ type: z.literal('unauthorized') }),
]);
export type LiveDown = z.infer<typeof LiveDown>;

/** Client keepalive period: under 30 s, so Chrome keeps the MV3 worker alive while connected. */
export const LIVE_PING_MS = 20_000;

// ---- Quality: scoring calls against their checklist, feedback, objection counts ----

/** `POST /calls/:callId/score`: a lead scores a finished call against the checklist version it used. */
export const ScoreBody = z.object({
  /** Must be the call's own `versions.checklist`: a call is scored on the version it was made with. */
  checklistVersionId: Ulid,
  marks: ChecklistMarks,
  comment: ShortText(1000),
});
export type ScoreBody = z.infer<typeof ScoreBody>;

/** A checklist result (lib/content/checklist-score.ts computes it on both ends). */
export const ChecklistResult = z.object({
  /** Weighted share of applicable items marked yes, 0..100, one decimal. */
  percent: z.number(),
  /** Ids of critical items marked no (or left open): any one fails the call. */
  failedCritical: z.array(ShortText(60)),
  passed: z.boolean(),
  /** Items neither marked nor N/A. */
  open: z.array(ShortText(60)),
});
export type ChecklistResult = z.infer<typeof ChecklistResult>;

export const CallScore = z.object({
  callId: Ulid,
  checklistVersionId: Ulid,
  marks: ChecklistMarks,
  result: ChecklistResult,
  /** The operator's own marks on the same version, and their result: calibration. */
  selfMarks: ChecklistMarks,
  selfResult: ChecklistResult,
  comment: ShortText(1000),
  scoredBy: ShortText(200),
  scoredAt: EpochMs,
});
export type CallScore = z.infer<typeof CallScore>;

/** `GET /feedback?from&to`: "no suitable answer" reports, newest first. */
export const FeedbackItem = z.object({
  id: Ulid,
  userId: Ulid,
  userName: ShortText(200),
  teamId: z.nullable(Ulid),
  callId: z.nullable(Ulid),
  callTypeId: z.nullable(ShortText(40)),
  moduleId: z.nullable(ShortText(60)),
  scriptsVersion: z.nullable(z.union([Ulid, z.number()])),
  text: ShortText(500),
  at: EpochMs,
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

/** `GET /stats/objections?from&to`: how often each objection was raised (and handled) per call type. */
export const ObjectionStat = z.object({
  /** The call's last tag; null for untagged calls. */
  callTypeId: z.nullable(ShortText(40)),
  objectionId: ShortText(60),
  raised: z.number(),
  handled: z.number(),
});
export type ObjectionStat = z.infer<typeof ObjectionStat>;

/** `GET /stats/quality?from&to`: per operator and week, lead scores beside self-checks. */
export const QualityRow = z.object({
  userId: Ulid,
  userName: ShortText(200),
  /** Monday 00:00 UTC of the week, epoch ms. */
  weekStart: EpochMs,
  scored: z.number(),
  /** Mean lead score (percent, a failed critical item counts as 0). */
  leadPercent: z.nullable(z.number()),
  /** Mean self-check percent on the same calls. */
  selfPercent: z.nullable(z.number()),
  failed: z.number(),
});
export type QualityRow = z.infer<typeof QualityRow>;

/** `GET /calls` (list) and `GET /calls/:callId` (one): a call as the server derived it. */
export const CallView = z.object({
  id: Ulid,
  userId: Ulid,
  /** The operator's display name (the console lists calls by person). */
  userName: ShortText(200),
  teamId: z.nullable(Ulid),
  deviceId: Ulid,
  startedAt: EpochMs,
  endedAt: z.nullable(EpochMs),
  durationMs: z.nullable(EpochMs),
  direction: CallDirection,
  source: CallSource,
  callerNumber: z.nullable(ShortText(40)),
  subscriber: SubscriberContext,
  versions: z.record(z.string(), VersionRef),
  tags: z.array(CallTag),
  script: CallScript,
  /** Whether a lead has scored the call (the score itself: `GET /calls/:callId/score`). */
  scored: z.boolean(),
  updatedAt: EpochMs,
});
export type CallView = z.infer<typeof CallView>;
