// Realistic outbox events for the sync benchmarks: per call `call.started`, one `call.tagged` and
// `call.ended`, each with the payload shapes the extension really sends (lib/schema/events.ts).
import { monotonicFactory } from 'ulid';
import { DEFAULT_CLASSIFIER } from '../lib/classifier/defaults';
import type { CallRecord } from '../lib/schema/call';
import type { OutboxEvent } from '../lib/schema/events';

const nextId = monotonicFactory();

export function deviceEvents(deviceId: string, count: number, startAt: number, firstSeq = 1): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  let seq = firstSeq;
  let at = startAt;
  const push = (type: OutboxEvent['type'], payload: unknown) => {
    events.push({ id: nextId(at), deviceId, seq: seq++, type, at, schemaVersion: 1, payload });
  };
  for (let call = 0; events.length < count; call++) {
    const typeId = DEFAULT_CLASSIFIER.types[call % DEFAULT_CLASSIFIER.types.length]!.id;
    const record: CallRecord = {
      id: nextId(at),
      startedAt: at,
      endedAt: null,
      durationMs: null,
      direction: 'inbound',
      source: 'webrtc',
      origin: 'http://127.0.0.1:8787',
      sourceTabId: 1,
      callerNumber: `+7 900 ${String(1_000_000 + call).slice(1)}`,
      subscriber: {
        contract: `D-${100_000 + call}`,
        name: 'Иванова Мария Петровна',
        tariff: 'Домашний 100',
        balance: '-120,50 ₽',
      },
      tags: [],
      wrapUpUntil: null,
      versions: { classifier: 1 },
      updatedAt: at,
    };
    push('call.started', record);
    const tag = { id: nextId(at + 1000), typeId, at: at + 1000 };
    if (events.length < count) push('call.tagged', { callId: record.id, tag });
    const endedAt = at + 95_000;
    if (events.length < count)
      push('call.ended', {
        ...record,
        endedAt,
        durationMs: endedAt - at,
        tags: [tag],
        wrapUpUntil: endedAt + 90_000,
        updatedAt: endedAt,
      });
    at += 120_000;
  }
  return events.slice(0, count);
}
