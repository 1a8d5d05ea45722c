// The call record: the unit of work the operator produces. Written to the background database
// at start and at every change; later issues add script versions, checklist ticks and outcomes.
import * as z from 'zod/mini';
import { ChecklistMarks } from './content';
import { EpochMs, Origin, ShortText, Ulid } from './primitives';

export const CallSource = z.enum(['webrtc', 'adapter', 'manual']);
export type CallSource = z.infer<typeof CallSource>;

export const CallDirection = z.enum(['inbound', 'outbound', 'unknown']);
export type CallDirection = z.infer<typeof CallDirection>;

/** Subscriber context read from the CRM page by the site adapter (only configured fields). */
export const SubscriberContext = z.object({
  contract: z.optional(ShortText(100)),
  name: z.optional(ShortText(200)),
  tariff: z.optional(ShortText(200)),
  balance: z.optional(ShortText(50)),
});
export type SubscriberContext = z.infer<typeof SubscriberContext>;

export const CallTag = z.object({
  id: Ulid,
  typeId: ShortText(40),
  at: EpochMs,
});
export type CallTag = z.infer<typeof CallTag>;

/** A content version as a call records it: the server's version id, or a local version number. */
export const VersionRef = z.union([Ulid, z.number()]);
export type VersionRef = z.infer<typeof VersionRef>;

/** What happened after a module with an offer was shown. */
export const OfferOutcome = z.enum(['offered', 'accepted', 'declined', 'objection']);
export type OfferOutcome = z.infer<typeof OfferOutcome>;

/** A script module the panel showed during the call (its version is the call's `versions.scripts`). */
export const ModuleUse = z.object({
  moduleId: ShortText(60),
  /** When it was first shown during this call. */
  shownAt: EpochMs,
  /** How long it stayed open, summed over every time it was open. */
  openMs: EpochMs,
  outcome: z.nullable(OfferOutcome),
});
export type ModuleUse = z.infer<typeof ModuleUse>;

/** An objection the subscriber raised, and the answer the operator used (null: none yet). */
export const ObjectionUse = z.object({
  objectionId: ShortText(60),
  at: EpochMs,
  answerId: z.nullable(ShortText(60)),
  /** The operator marked it as handled (the subscriber moved on). */
  handled: z.boolean(),
});
export type ObjectionUse = z.infer<typeof ObjectionUse>;

/** The script side of a call: modules shown, objections raised, the operator's checklist self-check. */
export const CallScript = z.object({
  modules: z.array(ModuleUse).check(z.maxLength(200)),
  objections: z.array(ObjectionUse).check(z.maxLength(100)),
  /** Self-check marks against the checklist version in `versions.checklist`. */
  checklist: ChecklistMarks,
});
export type CallScript = z.infer<typeof CallScript>;

export const EMPTY_SCRIPT: CallScript = { modules: [], objections: [], checklist: {} };

/** What the call ended with, as the operator records it at wrap-up. */
export const OutcomeKind = z.enum(['connection', 'upgrade', 'service', 'equipment', 'callback', 'nothing']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** Kinds that are sales: they count for the plan (revenue, sales count). */
export const SALE_KINDS: readonly OutcomeKind[] = ['connection', 'upgrade', 'service', 'equipment'];

/**
 * One outcome of a call. `monthly` is what it adds to the subscriber's monthly bill: a new tariff's
 * fee, an upgrade's difference (to − from), a service's or equipment's fee; 0 for a callback or
 * nothing. Amounts come from the tariff catalogue, or from the CRM page where the adapter reads one.
 */
export const CallOutcome = z.object({
  id: Ulid,
  kind: OutcomeKind,
  at: EpochMs,
  /** The catalogue tariff (connection, upgrade target) or service/equipment id; null for the rest. */
  itemId: z.nullable(ShortText(60)),
  /** Upgrade: the tariff the subscriber had. */
  fromItemId: z.nullable(ShortText(60)),
  monthly: z.number().check(z.int(), z.minimum(-1_000_000), z.maximum(1_000_000)),
  amountSource: z.enum(['catalogue', 'page', 'none']),
});
export type CallOutcome = z.infer<typeof CallOutcome>;

export const CallRecord = z.object({
  id: Ulid,
  startedAt: EpochMs,
  endedAt: z.nullable(EpochMs),
  durationMs: z.nullable(EpochMs),
  direction: CallDirection,
  source: CallSource,
  origin: z.nullable(Origin),
  /** The tab whose WebRTC connection or DOM state started the call; ends it if the tab goes away. */
  sourceTabId: z.nullable(z.number()),
  callerNumber: z.nullable(ShortText(40)),
  subscriber: SubscriberContext,
  tags: z.array(CallTag),
  /** Until when tagging still goes to this call after it ended. */
  wrapUpUntil: z.nullable(EpochMs),
  /**
   * Versions of the documents the call started with, by kind (`classifier`, `scripts`, `objections`,
   * `checklist`, `tariffs`):
   * the server's version id (a ULID) for published content, or the local version number of content
   * edited on this device before it ever synced.
   */
  versions: z.record(z.string(), VersionRef),
  /** Absent on calls recorded before scripts existed; read through `scriptOf`. */
  script: z.optional(CallScript),
  /** Recorded at wrap-up; absent on calls recorded before outcomes existed (read via `outcomesOf`). */
  outcomes: z.optional(z.array(CallOutcome).check(z.maxLength(20))),
  updatedAt: EpochMs,
});
export type CallRecord = z.infer<typeof CallRecord>;

export function scriptOf(call: CallRecord): CallScript {
  return call.script ?? EMPTY_SCRIPT;
}

export function outcomesOf(call: CallRecord): CallOutcome[] {
  return call.outcomes ?? [];
}
