// The keys a push reads its rows by, taken from the batch as sent before its payloads are checked
// (server/sync/apply.ts checks while that read is out). Any payload, however malformed, yields only
// short string keys and never throws; a valid event's keys are all among them.
import { ulid } from 'ulid';
import { describe, expect, test } from 'vitest';
import { envelopeKeys, keysCover, type ProjectedEvent } from '../../server/sync/projection';
import { callRecord } from '../support/call-fixture';

const T0 = Date.UTC(2025, 2, 3, 9, 5, 0);
const ORG = 'org-1';

function projected(type: ProjectedEvent['type'], payload: unknown): ProjectedEvent {
  return { type, payload, orgId: ORG, userId: 'u', teamId: null, deviceId: 'd' };
}

describe('keys of a batch as sent', () => {
  test('a valid batch: its calls, tags and outcomes, and the keys cover its events', () => {
    const tag = { id: ulid(), typeId: 'billing', at: T0 };
    const outcome = {
      id: ulid(),
      kind: 'upgrade' as const,
      at: T0,
      itemId: 't2',
      fromItemId: 't1',
      monthly: 200,
      amountSource: 'catalogue' as const,
    };
    const call = callRecord(T0, { id: ulid(), tags: [tag], outcomes: [outcome] });
    const events = [
      projected('call.started', call),
      projected('call.tagged', { callId: call.id, tag }),
      projected('call.untagged', { callId: call.id, tagId: tag.id }),
      projected('feedback.no_answer', { id: ulid(), callId: call.id, text: 'x' }),
    ];
    const keys = envelopeKeys(ORG, events);
    expect(keys).toEqual({ orgIds: [ORG], callIds: [call.id], tagIds: [tag.id], outcomeIds: [outcome.id] });
    expect(keysCover(keys, events)).toBe(true);
  });

  test('malformed payloads: no exception, no key that is not a short string', () => {
    const long = 'x'.repeat(101);
    const payloads: [string, unknown][] = [
      ['call.started', null],
      ['call.started', 'text'],
      ['call.started', { id: 42, tags: 'all', outcomes: [null, { id: {} }] }],
      ['call.ended', { id: long, tags: [{ id: ['a'] }, null] }],
      ['call.tagged', { callId: { $ne: 1 }, tag: null }],
      ['call.tagged', {}],
      ['call.untagged', []],
      ['feedback.no_answer', { callId: 7 }],
      ['no.such.type', { id: ulid() }],
    ];
    const keys = envelopeKeys(
      ORG,
      payloads.map(([type, payload]) => ({ type, payload })),
    );
    expect(keys).toEqual({ orgIds: [ORG], callIds: [], tagIds: [], outcomeIds: [] });
  });

  test('keys missing an event are not a cover', () => {
    const call = callRecord(T0, { id: ulid() });
    const other = callRecord(T0, { id: ulid() });
    const keys = envelopeKeys(ORG, [projected('call.started', call)]);
    expect(keysCover(keys, [projected('call.started', other)])).toBe(false);
    expect(keysCover(keys, [{ ...projected('call.started', call), orgId: 'org-2' }])).toBe(false);
  });
});
