// Outbox events: every local change is also an event, written in the same transaction as the
// data it describes, so the sync engine can upload each one exactly once.
import * as z from 'zod/mini';
import { CallRecord, CallTag, VersionRef } from './call';
import { EpochMs, ShortText, Ulid } from './primitives';

export const EVENT_SCHEMA_VERSION = 1;

export const EventPayloads = {
  'call.started': CallRecord,
  'call.updated': CallRecord,
  'call.ended': CallRecord,
  'call.tagged': z.object({ callId: Ulid, tag: CallTag }),
  'call.untagged': z.object({ callId: Ulid, tagId: Ulid }),
  /**
   * "No suitable answer": what the subscriber said that no module or objection answer covered,
   * for the authors of the scripts (shown in the console's feedback list).
   */
  'feedback.no_answer': z.object({
    id: Ulid,
    callId: z.nullable(Ulid),
    callTypeId: z.nullable(ShortText(40)),
    /** The module that was open, if any, and the scripts version it belongs to. */
    moduleId: z.nullable(ShortText(60)),
    scriptsVersion: z.nullable(VersionRef),
    text: ShortText(500).check(z.minLength(1)),
    at: EpochMs,
  }),
} as const;
export type EventType = keyof typeof EventPayloads;
export const EventType = z.enum(Object.keys(EventPayloads) as [EventType, ...EventType[]]);

export const OutboxEvent = z.object({
  id: Ulid,
  deviceId: Ulid,
  seq: z.number().check(z.int(), z.positive()),
  type: EventType,
  at: EpochMs,
  schemaVersion: z.number().check(z.int(), z.positive()),
  payload: z.unknown(),
});
export type OutboxEvent = z.infer<typeof OutboxEvent>;
