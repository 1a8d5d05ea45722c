// One call record for tests and benchmarks: the shape the extension writes (lib/schema/call.ts),
// idle by default, with what a test cares about passed as overrides.
import { ulid } from 'ulid';
import type { CallRecord } from '../../lib/schema/call';

export function callRecord(at: number, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: ulid(at),
    startedAt: at,
    endedAt: null,
    durationMs: null,
    direction: 'inbound',
    source: 'manual',
    origin: null,
    sourceTabId: null,
    callerNumber: null,
    subscriber: {},
    tags: [],
    wrapUpUntil: null,
    versions: {},
    updatedAt: at,
    ...overrides,
  };
}
