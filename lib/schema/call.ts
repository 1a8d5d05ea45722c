// The call record: the unit of work the operator produces. Written to the background database
// at start and at every change; later issues add script versions, checklist ticks and outcomes.
import * as z from 'zod/mini';
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
   * Versions of the documents the call started with (classifier now; scripts, checklists later):
   * the server's version id (a ULID) for published content, or the local version number of content
   * edited on this device before it ever synced.
   */
  versions: z.record(z.string(), z.union([Ulid, z.number()])),
  updatedAt: EpochMs,
});
export type CallRecord = z.infer<typeof CallRecord>;
