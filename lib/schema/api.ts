// The HTTP contract between the extension and the sync server (`/api/v1`). Both ends parse with
// these schemas: the server every request body, the extension every answer. zod/mini keeps the
// background bundle small; the server imports the same objects.
import * as z from 'zod/mini';
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

/** Kinds of content documents; later issues add scripts, objections, checklists, plans, tariffs. */
export const DocumentKind = z.enum(['classifier']);
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
