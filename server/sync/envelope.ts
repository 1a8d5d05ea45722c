// The push body as the server reads it: PushBody (lib/schema/api.ts) with one difference, `type`
// is any short string instead of the known EventType list. An event type this server does not
// know (from a newer or buggy client) must be dead-lettered on its own (R05), not turn the whole
// batch into a 400 that the client would retry forever. Every PushBody is a valid PushEnvelope.
//
// Both this envelope and the per-type payload schemas are compiled (zod's ahead-of-time fast path,
// with the ordinary parser as its fallback, so errors read the same): checking a 500-event batch is
// on every push's path, and compiled it costs a fraction of the interpreted walk.
import * as z from 'zod/mini';
import { compile } from 'zod/v4/core';
import { MAX_PUSH_EVENTS } from '../../lib/schema/api';
import { EventPayloads, type EventType, OutboxEvent } from '../../lib/schema/events';
import { Ulid } from '../../lib/schema/primitives';

export const EnvelopeEvent = z.extend(OutboxEvent, {
  type: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type EnvelopeEvent = z.infer<typeof EnvelopeEvent>;

export const PushEnvelope = compile(
  z.object({
    deviceId: Ulid,
    events: z.array(EnvelopeEvent).check(z.minLength(1), z.maxLength(MAX_PUSH_EVENTS)),
  }),
);
export type PushEnvelope = z.infer<typeof PushEnvelope>;

/** The payload schema of each event type, compiled once at start-up. */
export const CompiledPayloads = Object.fromEntries(
  Object.entries(EventPayloads).map(([type, schema]) => [type, compile(schema)]),
) as unknown as typeof EventPayloads;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(CompiledPayloads, type);
}
