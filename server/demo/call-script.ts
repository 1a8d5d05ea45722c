// The script side of one demo call, as the panel would have recorded it: the modules it suggested
// for the call's type and subscriber (lib/content/selection.ts), how long each stayed open and the
// offer's outcome, an objection now and then with the answer used, the operator's checklist
// self-check, and sometimes a "no suitable answer" report. Deterministic for a given generator.
import { moduleContext, suggestModules } from '../../lib/content/selection';
import type { CallRecord, CallScript, ModuleUse, ObjectionUse, OfferOutcome } from '../../lib/schema/call';
import type { ChecklistMarks } from '../../lib/schema/content';
import type { DemoContent } from './content';

/** What subscribers said that no module covered (for the console's feedback list). */
const NO_ANSWER_TEXTS = [
  'Спросил, можно ли на лето перенести интернет на дачу, — не нашёл, что ответить',
  'Абонент на пенсии, спросил про льготный тариф',
  'Хочет оплатить полгода вперёд со скидкой: есть ли такая акция?',
  'У соседей провайдер даёт 500 Мбит/с за 550 ₽ — на такое сравнение ответа нет',
  'Просит приостановить договор на время отпуска',
  'Спросил, почему скорость по Wi-Fi ниже, чем по кабелю',
];

const OUTCOMES: OfferOutcome[] = ['offered', 'accepted', 'accepted', 'declined', 'objection'];

export interface DemoCallScript {
  script: CallScript;
  /** A "no suitable answer" report made during the call, if any. */
  noAnswer: { text: string; moduleId: string | null; at: number } | null;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The operator ticks most items; N/A where allowed now and then; a miss on one item in eight. */
function selfCheck(random: () => number, content: DemoContent): ChecklistMarks {
  const marks: ChecklistMarks = {};
  for (const section of content.checklist.sections) {
    for (const item of section.items) {
      const roll = random();
      if (item.naAllowed && roll < 0.15) marks[item.id] = 'na';
      else marks[item.id] = roll < (item.critical ? 0.97 : 0.88) ? 'yes' : 'no';
    }
  }
  return marks;
}

/** `call` is the ended record with its tags; the script's times fall inside the call. */
export function demoCallScript(random: () => number, call: CallRecord, content: DemoContent): DemoCallScript {
  const durationMs = call.durationMs ?? 60_000;
  const suggested = suggestModules(content.scripts, moduleContext(call, content.tariffs), 4);
  const shown = suggested.slice(0, 1 + Math.floor(random() * Math.min(3, suggested.length)));
  const modules: ModuleUse[] = [];
  const objections: ObjectionUse[] = [];
  shown.forEach((module, index) => {
    const shownAt = call.startedAt + Math.round(((index + 1) / (shown.length + 1)) * durationMs);
    const outcome = module.offer === 'none' ? null : pick(random, OUTCOMES);
    modules.push({ moduleId: module.id, shownAt, openMs: Math.round((5 + random() * 35) * 1000), outcome });
    if (outcome !== 'objection' || objections.length > 0) return;
    const objection = pick(random, content.objections.objections);
    objections.push({
      objectionId: objection.id,
      at: shownAt + 15_000,
      answerId: pick(random, objection.answers).id,
      handled: random() < 0.6,
    });
  });
  const noAnswer =
    random() < 0.12
      ? {
          text: pick(random, NO_ANSWER_TEXTS),
          moduleId: modules[0]?.moduleId ?? null,
          at: call.startedAt + Math.round(durationMs * 0.7),
        }
      : null;
  return { script: { modules, objections, checklist: selfCheck(random, content) }, noAnswer };
}
