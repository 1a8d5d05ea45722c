// The push body as the server reads it: PushBody (lib/schema/api.ts) with one difference, `type`
// is any short string instead of the known EventType list. An event type this server does not
// know (from a newer or buggy client) must be dead-lettered on its own (R05), not turn the whole
// batch into a 400 that the client would retry forever. Every PushBody is a valid PushEnvelope.
import * as z from 'zod/mini';
import { MAX_PUSH_EVENTS } from '../../lib/schema/api';
import { OutboxEvent } from '../../lib/schema/events';
import { Ulid } from '../../lib/schema/primitives';

export const EnvelopeEvent = z.extend(OutboxEvent, {
  type: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type EnvelopeEvent = z.infer<typeof EnvelopeEvent>;

export const PushEnvelope = z.object({
  deviceId: Ulid,
  events: z.array(EnvelopeEvent).check(z.minLength(1), z.maxLength(MAX_PUSH_EVENTS)),
});
export type PushEnvelope = z.infer<typeof PushEnvelope>;
