// Weeks of believable call history for one demo operator, as the outbox events the extension
// itself would have written (call.started, call.tagged, call.ended, feedback.no_answer, and the
// wrap-up's call.updated with the call's outcomes), so the demo data reaches the server through the
// same push path as real data. Calls record the versions of the demo content, what the panel did
// with it (call-script.ts) and what they ended with (call-outcomes.ts). On the outage day most
// calls are about the internet being down. Content is deterministic (a seeded generator); only the
// ULIDs differ between runs.
import {
  type CallOutcome,
  type CallRecord,
  type CallScript,
  type CallTag,
  EMPTY_SCRIPT,
  SALE_KINDS,
  type SubscriberContext,
} from '../../lib/schema/call';
import { EVENT_SCHEMA_VERSION, type EventType, type OutboxEvent } from '../../lib/schema/events';
import { demoOutcomes } from './call-outcomes';
import { demoCallScript } from './call-script';
import type { DemoContent } from './content';
import { demoId } from './demo-id';

/** The shift starts at 09:00 local time and takes calls for about nine hours. */
const SHIFT_START_MS = 9 * 3600_000;
const SHIFT_MS = 9 * 3600_000;
const WRAP_UP_MS = 90_000;
/** On the outage day: this many times the usual calls, and tech support's weight. */
const OUTAGE_CALLS = 1.8;
const OUTAGE_TECH_WEIGHT = 300;
/** Of the calls with an upgrade, the share the operator also tags as a tariff change at wrap-up. */
const UPSELL_RETAG = 0.08;
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

function pickType(random: () => number, outage: boolean): (typeof TYPES)[number] {
  const weight = (t: (typeof TYPES)[number]) => (outage && t.id === 'tech_support' ? OUTAGE_TECH_WEIGHT : t.weight);
  let roll = random() * TYPES.reduce((sum, t) => sum + weight(t), 0);
  for (const type of TYPES) {
    roll -= weight(type);
    if (roll < 0) return type;
  }
  return TYPES[0]!;
}

/**
 * The panel's offer outcomes agree with the sale the operator recorded: a sale marks the first
 * offer shown as accepted; without one, no offer was accepted.
 */
function agreeWithSale(script: CallScript, outcomes: readonly CallOutcome[]): CallScript {
  const sold = outcomes.some((o) => SALE_KINDS.includes(o.kind));
  let marked = false;
  const modules = script.modules.map((use) => {
    if (use.outcome === null) return use;
    if (sold && !marked) {
      marked = true;
      return { ...use, outcome: 'accepted' as const };
    }
    return use.outcome === 'accepted' ? { ...use, outcome: sold ? ('offered' as const) : ('declined' as const) } : use;
  });
  return { ...script, modules };
}

export interface HistoryInput {
  deviceId: string;
  /** Varies the content between operators; the same seed gives the same calls. */
  seed: number;
  /** The local midnights of the operator's shifts, oldest first. */
  shifts: readonly number[];
  /** Calls of a usual shift (a few more or fewer). */
  callsPerShift: number;
  /** The local midnight of the outage day, if the operator works it. */
  outageDay: number | null;
  /** How well this operator sells: 1 is the team's usual. */
  skill: number;
  /** The published content the calls record they were made with. */
  content: DemoContent;
  /** Nothing happens at or after this instant: today's shift has only its calls so far. */
  now: number;
}

/** The events, in sequence order (seq 1, 2, …), of the operator's calls on those shifts. */
export function demoCallHistory(input: HistoryInput): OutboxEvent[] {
  const random = generator(input.seed);
  const events: OutboxEvent[] = [];
  const emit = (type: EventType, at: number, payload: unknown) =>
    events.push({
      id: demoId(at),
      deviceId: input.deviceId,
      seq: events.length + 1,
      type,
      at,
      schemaVersion: EVENT_SCHEMA_VERSION,
      payload,
    });
  for (const day of input.shifts) {
    const outage = day === input.outageDay;
    const calls = Math.round((input.callsPerShift + Math.round((random() - 0.5) * 6)) * (outage ? OUTAGE_CALLS : 1));
    const cycle = SHIFT_MS / Math.max(1, calls);
    let at = day + SHIFT_START_MS + Math.round(random() * 20) * 60_000;
    for (let n = 0; n < calls; n++) {
      const type = pickType(random, outage);
      const durationMs = Math.round(type.seconds * (0.5 + random())) * 1000;
      const startedAt = at;
      const endedAt = startedAt + durationMs;
      // Everything of the call, its wrap-up included, happens before `now`.
      if (endedAt + WRAP_UP_MS >= input.now) break;
      const call: CallRecord = {
        id: demoId(startedAt),
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
        outcomes: [],
        updatedAt: startedAt,
      };
      emit('call.started', startedAt, call);
      // The type is usually known during the call.
      const tag: CallTag = { id: demoId(startedAt), typeId: type.id, at: startedAt + Math.round(durationMs * 0.6) };
      emit('call.tagged', tag.at, { callId: call.id, tag });
      const ended: CallRecord = {
        ...call,
        endedAt,
        durationMs,
        tags: [tag],
        wrapUpUntil: endedAt + WRAP_UP_MS,
        updatedAt: endedAt,
      };
      const { script: shown, noAnswer } = demoCallScript(random, ended, input.content);
      // Recorded in the wrap-up, within its 90 seconds.
      const outcomes = demoOutcomes(random, {
        typeId: type.id,
        subscriber: call.subscriber,
        catalogue: input.content.tariffs,
        skill: input.skill,
        at: endedAt + 10_000 + Math.round(random() * 30_000),
      });
      const script = agreeWithSale(shown, outcomes);
      if (noAnswer) {
        emit('feedback.no_answer', noAnswer.at, {
          id: demoId(noAnswer.at),
          callId: call.id,
          callTypeId: type.id,
          moduleId: noAnswer.moduleId,
          scriptsVersion: input.content.versions.scripts,
          text: noAnswer.text,
          at: noAnswer.at,
        });
      }
      emit('call.ended', endedAt, { ...ended, script });
      const last = outcomes.at(-1);
      if (last) {
        emit('call.updated', last.at, { ...ended, script, outcomes, updatedAt: last.at });
        // Now and then an upsell is also tagged as a tariff change in the wrap-up.
        if (outcomes.some((o) => o.kind === 'upgrade') && random() < UPSELL_RETAG) {
          const upsell: CallTag = { id: demoId(last.at), typeId: 'tariff_change', at: last.at + 3_000 };
          emit('call.tagged', upsell.at, { callId: call.id, tag: upsell });
        }
      }
      at = endedAt + WRAP_UP_MS + Math.max(60_000, Math.round(cycle * (0.5 + random()) - durationMs - WRAP_UP_MS));
    }
  }
  return events;
}
