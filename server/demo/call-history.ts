// A few days of believable call history for one demo operator, as the outbox events the extension
// itself would have written (call.started, call.tagged, call.ended, feedback.no_answer), so the
// demo data reaches the server through the same push path as real data. Calls record the versions
// of the demo content and what the panel did with it (call-script.ts). Content is deterministic (a
// seeded generator); only the ULIDs differ between runs.
import { ulid } from 'ulid';
import { type CallRecord, type CallTag, EMPTY_SCRIPT, type SubscriberContext } from '../../lib/schema/call';
import { EVENT_SCHEMA_VERSION, type EventType, type OutboxEvent } from '../../lib/schema/events';
import { demoCallScript } from './call-script';
import type { DemoContent } from './content';

const DAY_MS = 24 * 3600_000;
/** 09:00 Moscow time, when the demo shift starts. */
const SHIFT_START_UTC_MS = 6 * 3600_000;
const WRAP_UP_MS = 90_000;
const DEMO_ORIGIN = 'http://127.0.0.1:8787';

/** Call types with their share of calls (DOMAIN.md, seed 003) and a typical duration in seconds. */
const TYPES: { id: string; weight: number; seconds: number }[] = [
  { id: 'billing', weight: 23, seconds: 70 },
  { id: 'termination', weight: 3, seconds: 240 },
  { id: 'connection', weight: 5, seconds: 360 },
  { id: 'tech_support', weight: 51, seconds: 300 },
  { id: 'down_balance', weight: 4, seconds: 90 },
  { id: 'tariff_change', weight: 2, seconds: 200 },
  { id: 'block_question', weight: 11, seconds: 120 },
  { id: 'other', weight: 1, seconds: 60 },
];

const SUBSCRIBERS: SubscriberContext[] = [
  { contract: 'Д-104392', name: 'Смирнов Алексей Петрович', tariff: 'Домашний 100', balance: '-150,00 ₽' },
  { contract: 'Д-100871', name: 'Кузнецова Ольга Викторовна', tariff: 'Домашний 200', balance: '320,00 ₽' },
  { contract: 'Д-102215', name: 'Попов Дмитрий Сергеевич', tariff: 'Домашний 100 + ТВ', balance: '0,00 ₽' },
  { contract: 'Д-109934', name: 'Васильева Наталья Игоревна', tariff: 'Домашний 500', balance: '1 250,00 ₽' },
  { contract: 'Д-101478', name: 'Морозов Иван Андреевич', tariff: 'Домашний 100', balance: '-40,00 ₽' },
  { contract: 'Д-107602', name: 'Новикова Елена Павловна', tariff: 'Максимум 1000', balance: '600,00 ₽' },
  { contract: 'Д-103356', name: 'Фёдоров Сергей Николаевич', tariff: 'Домашний 200', balance: '15,00 ₽' },
  { contract: 'Д-108120', name: 'Волкова Анна Михайловна', tariff: 'Домашний 100 + ТВ', balance: '-500,00 ₽' },
];

/** mulberry32: small, seeded, good enough to make demo data look varied yet repeatable. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickType(random: () => number): (typeof TYPES)[number] {
  let roll = random() * TYPES.reduce((sum, t) => sum + t.weight, 0);
  for (const type of TYPES) {
    roll -= type.weight;
    if (roll < 0) return type;
  }
  return TYPES[0]!;
}

export interface HistoryInput {
  deviceId: string;
  /** Varies the content between operators; the same seed gives the same calls. */
  seed: number;
  calls: number;
  days: number;
  /** The published content the calls record they were made with. */
  content: DemoContent;
  now: number;
}

/** The events, in sequence order (seq 1, 2, …), of `calls` calls spread over the `days` before today. */
export function demoCallHistory(input: HistoryInput): OutboxEvent[] {
  const random = generator(input.seed);
  const events: OutboxEvent[] = [];
  const emit = (type: EventType, at: number, payload: unknown) =>
    events.push({
      id: ulid(at),
      deviceId: input.deviceId,
      seq: events.length + 1,
      type,
      at,
      schemaVersion: EVENT_SCHEMA_VERSION,
      payload,
    });
  const today = Math.floor(input.now / DAY_MS) * DAY_MS;
  const perDay = Math.ceil(input.calls / input.days);
  for (let made = 0, day = input.days; day >= 1 && made < input.calls; day--) {
    let at = today - day * DAY_MS + SHIFT_START_UTC_MS + Math.round(random() * 20) * 60_000;
    for (let n = 0; n < perDay && made < input.calls; n++, made++) {
      const type = pickType(random);
      const durationMs = Math.round(type.seconds * (0.5 + random())) * 1000;
      const startedAt = at;
      const endedAt = startedAt + durationMs;
      const call: CallRecord = {
        id: ulid(startedAt),
        startedAt,
        endedAt: null,
        durationMs: null,
        direction: 'inbound',
        source: 'webrtc',
        origin: DEMO_ORIGIN,
        sourceTabId: null,
        callerNumber: `+7 9${String(Math.floor(random() * 1e9))
          .padStart(9, '0')
          .replace(/^(\d\d)(\d{3})(\d\d)(\d\d)$/, '$1 $2-$3-$4')}`,
        subscriber: SUBSCRIBERS[Math.floor(random() * SUBSCRIBERS.length)]!,
        tags: [],
        wrapUpUntil: null,
        versions: { ...input.content.versions },
        script: EMPTY_SCRIPT,
        updatedAt: startedAt,
      };
      emit('call.started', startedAt, call);
      // The type is usually known during the call; an upsell is often tagged in the wrap-up.
      const tag: CallTag = { id: ulid(startedAt), typeId: type.id, at: startedAt + Math.round(durationMs * 0.6) };
      emit('call.tagged', tag.at, { callId: call.id, tag });
      const ended: CallRecord = {
        ...call,
        endedAt,
        durationMs,
        tags: [tag],
        wrapUpUntil: endedAt + WRAP_UP_MS,
        updatedAt: endedAt,
      };
      const { script, noAnswer } = demoCallScript(random, ended, input.content);
      if (noAnswer) {
        emit('feedback.no_answer', noAnswer.at, {
          id: ulid(noAnswer.at),
          callId: call.id,
          callTypeId: type.id,
          moduleId: noAnswer.moduleId,
          scriptsVersion: input.content.versions.scripts,
          text: noAnswer.text,
          at: noAnswer.at,
        });
      }
      emit('call.ended', endedAt, { ...ended, script });
      if ((type.id === 'billing' || type.id === 'tech_support') && random() < 0.25) {
        const upsell: CallTag = {
          id: ulid(endedAt),
          typeId: 'tariff_change',
          at: endedAt + 5_000 + Math.round(random() * 40_000),
        };
        emit('call.tagged', upsell.at, { callId: call.id, tag: upsell });
      }
      at = endedAt + WRAP_UP_MS + Math.round(5 + random() * 55) * 60_000;
    }
  }
  return events;
}
