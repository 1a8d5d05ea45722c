// The console's version diff: entries keyed by the ids inside each kind of document (added,
// removed, changed field by field, moved), and the word diff of texts, Cyrillic included.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { planFieldText } from '@/lib/console/plan-problem-text';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { type DiffEntry, diffContent, diffWords } from '@/lib/content/diff';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { emptyPlan } from '@/lib/plan/defaults';
import type { Checklist, ObjectionSet, ScriptModule, ScriptSet, TariffCatalogue } from '@/lib/schema/content';

function mod(id: string, over: Partial<ScriptModule> = {}): ScriptModule {
  return {
    id,
    title: `Модуль ${id}`,
    stage: 'offer',
    offer: 'none',
    when: { callTypes: [], balance: 'any', needsUpgrade: false },
    text: `Текст ${id}`,
    branches: [],
    keywords: [],
    ...over,
  };
}

const scripts = (...modules: ScriptModule[]): ScriptSet => ({ modules });
const brief = (entries: DiffEntry[]) => entries.map((e) => [e.key, e.change, e.field ?? null]);

describe('diffContent: scripts', () => {
  it('finds nothing between equal versions', () => {
    for (const [kind, body] of [
      ['scripts', DEFAULT_SCRIPTS],
      ['objections', DEFAULT_OBJECTIONS],
      ['checklist', DEFAULT_CHECKLIST],
      ['tariffs', DEFAULT_TARIFFS],
      ['classifier', DEFAULT_CLASSIFIER],
    ] as const) {
      expect(diffContent(kind, body, structuredClone(body))).toEqual([]);
    }
  });

  it('reports added and removed modules with their text', () => {
    const entries = diffContent('scripts', scripts(mod('a'), mod('b')), scripts(mod('a'), mod('c')));
    expect(entries).toEqual([
      { key: 'module:c', label: 'Модуль c', change: 'added', after: 'Текст c' },
      { key: 'module:b', label: 'Модуль b', change: 'removed', before: 'Текст b' },
    ]);
  });

  it('reports each changed field with before and after', () => {
    const before = scripts(mod('a'));
    const after = scripts(
      mod('a', {
        title: 'Новое',
        text: 'Другой текст',
        when: { callTypes: ['billing', 'tech_support'], balance: 'negative', needsUpgrade: true },
        branches: [{ when: 'Дорого', goto: 'a' }],
        keywords: ['x', 'y'],
        offer: 'upgrade',
      }),
    );
    const entries = diffContent('scripts', before, after);
    expect(brief(entries)).toEqual([
      ['module:a', 'changed', 'title'],
      ['module:a', 'changed', 'offer'],
      ['module:a', 'changed', 'callTypes'],
      ['module:a', 'changed', 'balance'],
      ['module:a', 'changed', 'needsUpgrade'],
      ['module:a', 'changed', 'text'],
      ['module:a', 'changed', 'branches'],
      ['module:a', 'changed', 'keywords'],
    ]);
    expect(entries[0]).toMatchObject({ label: 'Новое', before: 'Модуль a', after: 'Новое' });
    expect(entries[2]).toMatchObject({ before: '', after: 'billing, tech_support' });
    expect(entries[4]).toMatchObject({ before: 'no', after: 'yes' });
    expect(entries[6]).toMatchObject({ before: '', after: 'Дорого → a' });
  });

  it('reports only the module that moved, with old and new positions', () => {
    const entries = diffContent(
      'scripts',
      scripts(mod('a'), mod('b'), mod('c'), mod('d')),
      scripts(mod('a'), mod('c'), mod('d'), mod('b')),
    );
    expect(entries).toEqual([{ key: 'module:b', label: 'Модуль b', change: 'moved', before: '2', after: '4' }]);
  });

  it('does not call modules moved when another was inserted or removed before them', () => {
    const entries = diffContent(
      'scripts',
      scripts(mod('a'), mod('b'), mod('c')),
      scripts(mod('x'), mod('b'), mod('c')),
    );
    expect(brief(entries)).toEqual([
      ['module:x', 'added', null],
      ['module:a', 'removed', null],
    ]);
  });

  it('treats a missing or invalid old body as empty (the first version)', () => {
    expect(brief(diffContent('scripts', null, scripts(mod('a'))))).toEqual([['module:a', 'added', null]]);
    expect(brief(diffContent('scripts', { modules: 'nope' }, scripts(mod('a'))))).toEqual([
      ['module:a', 'added', null],
    ]);
    expect(brief(diffContent('scripts', scripts(mod('a')), undefined))).toEqual([['module:a', 'removed', null]]);
  });
});

describe('diffContent: objections', () => {
  const base: ObjectionSet = {
    objections: [
      {
        id: 'expensive',
        title: 'Дорого',
        callTypes: [],
        answers: [
          { id: 'a1', text: 'Ответ один' },
          { id: 'a2', text: 'Ответ два' },
        ],
      },
      { id: 'think', title: 'Я подумаю', callTypes: [], answers: [{ id: 'a1', text: 'Перезвоню' }] },
    ],
  };

  it('keys answers by objection and answer id', () => {
    const after = structuredClone(base);
    after.objections[0]!.answers[1]!.text = 'Ответ два, исправленный';
    after.objections[1]!.answers.push({ id: 'a2', text: 'SMS' });
    after.objections[0]!.callTypes = ['billing'];
    const entries = diffContent('objections', base, after);
    expect(brief(entries)).toEqual([
      ['objection:expensive', 'changed', 'callTypes'],
      ['answer:expensive/a2', 'changed', 'text'],
      ['answer:think/a2', 'added', null],
    ]);
    expect(entries[1]).toMatchObject({ label: 'Дорого · a2', before: 'Ответ два', after: 'Ответ два, исправленный' });
  });

  it('reports reordered answers within an objection, not answers of a moved objection', () => {
    const after = structuredClone(base);
    after.objections.reverse();
    after.objections[1]!.answers.reverse();
    expect(brief(diffContent('objections', base, after))).toEqual([
      ['objection:think', 'moved', null],
      ['answer:expensive/a2', 'moved', null],
    ]);
  });

  it('reports removed objections and their answers', () => {
    const after: ObjectionSet = { objections: [base.objections[0]!] };
    expect(brief(diffContent('objections', base, after))).toEqual([
      ['objection:think', 'removed', null],
      ['answer:think/a1', 'removed', null],
    ]);
  });
});

describe('diffContent: checklist', () => {
  it('reports the title, changed items, weights and critical flags', () => {
    const after: Checklist = structuredClone(DEFAULT_CHECKLIST);
    after.title = 'Чек-лист v2';
    const item = after.sections[0]!.items[0]!;
    item.weight = 7;
    item.critical = false;
    const entries = diffContent('checklist', DEFAULT_CHECKLIST, after);
    expect(brief(entries)).toEqual([
      ['document', 'changed', 'title'],
      ['item:introduced', 'changed', 'weight'],
      ['item:introduced', 'changed', 'critical'],
    ]);
    expect(entries[1]).toMatchObject({ before: '5', after: '7' });
    expect(entries[2]).toMatchObject({ before: 'yes', after: 'no' });
  });

  it('reports an item moved to another section by section title', () => {
    const after: Checklist = structuredClone(DEFAULT_CHECKLIST);
    const [moved] = after.sections[0]!.items.splice(2, 1);
    after.sections[1]!.items.unshift(moved!);
    const entries = diffContent('checklist', DEFAULT_CHECKLIST, after);
    expect(entries).toEqual([
      {
        key: 'item:by_name',
        label: moved!.text,
        change: 'moved',
        field: 'section',
        before: 'Приветствие',
        after: 'Выявление потребности',
      },
    ]);
  });

  it('reports added and removed sections and items', () => {
    const after: Checklist = structuredClone(DEFAULT_CHECKLIST);
    after.sections.pop();
    after.sections.push({
      id: 'extra',
      title: 'Доп',
      items: [{ id: 'new_item', text: 'Новое', hint: '', weight: 1, critical: false, naAllowed: true }],
    });
    const changes = brief(diffContent('checklist', DEFAULT_CHECKLIST, after));
    expect(changes.slice(0, 2)).toEqual([
      ['section:extra', 'added', null],
      ['item:new_item', 'added', null],
    ]);
    expect(changes).toContainEqual(['section:closing', 'removed', null]);
    expect(changes).toContainEqual(['item:farewell', 'removed', null]);
  });
});

describe('diffContent: tariffs and classifier', () => {
  it('reports tariffs and services by id', () => {
    const after: TariffCatalogue = structuredClone(DEFAULT_TARIFFS);
    after.currency = 'руб.';
    after.tariffs[0]!.monthly = 550;
    after.tariffs[1]!.active = false;
    after.services.push({ id: 'tv_second', name: 'Второй телевизор', kind: 'service', monthly: 50 });
    after.tariffs = after.tariffs.filter((t) => t.id !== 'start50');
    const entries = diffContent('tariffs', DEFAULT_TARIFFS, after);
    expect(brief(entries)).toEqual([
      ['document', 'changed', 'currency'],
      ['tariff:home100', 'changed', 'monthly'],
      ['tariff:home200', 'changed', 'active'],
      ['service:tv_second', 'added', null],
      ['tariff:start50', 'removed', null],
    ]);
    expect(entries[1]).toMatchObject({ label: 'Домашний 100', before: '500', after: '550' });
  });

  it('reports classifier types by id, names per language and keys', () => {
    const after = structuredClone(DEFAULT_CLASSIFIER);
    after.types[0]!.names.en = 'Billing';
    after.types[1]!.key = null;
    expect(brief(diffContent('classifier', DEFAULT_CLASSIFIER, after))).toEqual([
      ['type:billing', 'changed', 'names.en'],
      ['type:termination', 'changed', 'key'],
    ]);
  });
});

describe('diffWords', () => {
  it('diffs Russian text word by word', () => {
    expect(diffWords('скорость вырастет вдвое', 'скорость вырастет втрое')).toEqual([
      { op: 'same', text: 'скорость вырастет ' },
      { op: 'del', text: 'вдвое' },
      { op: 'add', text: 'втрое' },
    ]);
  });

  it('keeps the text: the "same" and "del" parts rebuild the old text, "same" and "add" the new', () => {
    const before = 'Мария, пока проверяю платёж: за 100 ₽ в месяц больше.';
    const after = 'Мария, пока я проверяю платёж: всего за 150 ₽ в месяц больше!';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts.filter((p) => p.op === 'del').map((p) => p.text.trim())).toContain('100');
  });

  it('answers one "same" part for equal texts and nothing for two empty ones', () => {
    expect(diffWords('одно и то же', 'одно и то же')).toEqual([{ op: 'same', text: 'одно и то же' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'новое')).toEqual([{ op: 'add', text: 'новое' }]);
  });
});

describe('plan versions', () => {
  it('names what changed in the plan: the pay rule, an operator share, an operator added', () => {
    const operator = (userId: string, revenue: number) => ({
      userId,
      name: `Оператор ${revenue}`,
      shifts: 20,
      revenue,
      sales: 5,
      effectiveCalls: 100,
      connections: null,
      upgrades: null,
    });
    const before = { ...emptyPlan('2026-11'), operators: [operator('01ARZ3NDEKTSV4RRFFQ69G5FAV', 1000)] };
    const after = {
      ...before,
      pay: { ...before.pay, bonus: before.pay.bonus + 5000 },
      operators: [operator('01ARZ3NDEKTSV4RRFFQ69G5FAV', 1200), operator('01BX5ZZKBKACTAV9WEVGEMMVRZ', 800)],
    };
    const entries = diffContent('plan', before, after);
    expect(entries.map((e) => [e.change, e.key, e.field ?? null])).toEqual(
      expect.arrayContaining([
        ['changed', 'pay', 'bonus'],
        ['changed', 'operator:01ARZ3NDEKTSV4RRFFQ69G5FAV', 'revenue'],
        ['added', 'operator:01BX5ZZKBKACTAV9WEVGEMMVRZ', null],
      ]),
    );
    const t = createTranslator(consoleMessages, 'ru');
    expect(planFieldText('bonus', t)).toBe('Премия');
    expect(planFieldText('pay', t)).not.toBe('pay');
  });
});
