// @vitest-environment happy-dom
// The console's content editors in a DOM: editing a draft produces a body the schema accepts and
// publishes it with the note; an invalid draft shows the problem next to its field and cannot be
// published; the live preview fills the demo subscriber's values (name, price difference) and
// never shows raw {braces}; rollback republishes an old version's body with «Откат к версии N».

import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChecklistEditor } from '@/components/console/ChecklistEditor';
import { ConsoleApp } from '@/components/console/ConsoleApp';
import { DocumentWorkspace } from '@/components/console/DocumentWorkspace';
import { ObjectionsEditor } from '@/components/console/ObjectionsEditor';
import { ScriptsEditor } from '@/components/console/ScriptsEditor';
import { TariffsEditor } from '@/components/console/TariffsEditor';
import { PUBLISHERS } from '@/lib/console/permissions';
import { draftProblems } from '@/lib/console/problems';
import { DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { request } from '@/lib/messaging/client';
import type { ContentVersion, DocumentSummary, SessionUser } from '@/lib/schema/api';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '@/lib/schema/content';
import { KINDS } from '@/server/documents/kinds';
import { answerRequests, click, flush, LEAD, mount, TEAM, unmount, until } from './console-harness';
import { fakeUlid, T0 } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `ext://${path}` } } }));

vi.mock('@/lib/messaging/client', () => import('./console-harness').then((harness) => harness.fakeClientModule()));

const mockedRequest = vi.mocked(request);
const t = createTranslator(consoleMessages, 'ru');

/** What the fake background answers, per request type. */
let documents: Record<string, DocumentSummary[]>;
let versions: ContentVersion[];
let published: { kind: string; teamId: string | null; body: unknown; note: string }[];
let sessionUser: SessionUser;

function version(kind: ContentVersion['kind'], n: number, body: unknown, note = `v${n}`): ContentVersion {
  return {
    documentId: fakeUlid(800),
    versionId: fakeUlid(810 + n),
    kind,
    teamId: TEAM,
    version: n,
    cursor: n,
    body,
    note,
    publishedAt: T0 + n,
    publishedBy: 'Руководитель',
  };
}

beforeEach(() => {
  documents = {};
  versions = [];
  published = [];
  sessionUser = LEAD;
  answerRequests(mockedRequest, (type, body) => {
    if (type === 'options.load') return { settings: { locale: 'ru' } };
    if (type === 'session.get') return { server: 'http://127.0.0.1:8787', user: sessionUser, expiresAt: null };
    if (type === 'console.documents') return documents[body.kind as string] ?? [];
    if (type === 'console.versions') return versions;
    if (type === 'console.publish') {
      published.push(body as (typeof published)[number]);
      return version(body.kind as ContentVersion['kind'], 9, body.body, body.note as string);
    }
    throw new Error(`unexpected request ${type}`);
  });
});

afterEach(unmount);

/** Types into a field and lets Preact render, as a browser does between two keystrokes. */
async function type(element: Element | null, value: string) {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
    throw new Error('not a text field');
  }
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  await flush(1);
}

function field(el: HTMLElement, path: string): HTMLInputElement | HTMLTextAreaElement {
  const found = el.querySelector(`[data-path="${path}"]`);
  if (!(found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement)) throw new Error(`no field ${path}`);
  return found;
}

/** The preview's text: it lives in the shadow root the panel's stylesheet is scoped to. */
function previewText(el: HTMLElement, testId: string): string {
  const host = el.querySelector(`[data-testid="${testId}"]`);
  return host?.shadowRoot?.querySelector('[data-testid="preview-panel"]')?.textContent ?? '';
}

const scriptsWorkspace = () =>
  h(DocumentWorkspace<'scripts'>, { kind: 'scripts', t, locale: 'ru', user: LEAD, Editor: ScriptsEditor });

describe('scripts editor', () => {
  it('edits the default modules into a valid body and publishes it with the note', async () => {
    const el = await mount(scriptsWorkspace());
    expect(el.querySelector('[data-testid="console-base"]')?.getAttribute('data-from')).toBe('default');
    const publish = el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')!;
    expect(el.querySelector('[data-testid="draft-unsaved"]')).toBeNull();

    await type(field(el, 'modules.0.title'), 'Приветствие (новое)');
    await flush();
    expect(el.querySelector('[data-testid="draft-unsaved"]')?.textContent).toBe('Есть неопубликованные изменения.');
    // The list on the left follows the title.
    expect(el.querySelector('[data-testid="item-row"][data-index="0"]')?.textContent).toContain('Приветствие (новое)');

    // A new module, a keyword list and a branch to the first module.
    click(el.querySelector('[data-testid="item-add"]'));
    await flush();
    await type(field(el, 'modules.1.title'), 'Скидка на роутер');
    await type(field(el, 'modules.1.keywords'), 'роутер, скидка, ');
    click(el.querySelector('[data-testid="branch-add"]'));
    await flush();
    await type(field(el, 'modules.1.branches.0.when'), 'Дорого');
    await flush();
    expect(el.querySelector('[data-testid="field-problem"]')).toBeNull();

    await type(el.querySelector('[data-testid="console-note"]'), 'Новый модуль про роутер');
    await flush();
    expect(publish.disabled).toBe(false);
    click(publish);
    await flush();

    expect(published).toHaveLength(1);
    const sent = published[0]!;
    expect(sent.kind).toBe('scripts');
    expect(sent.teamId).toBe(TEAM);
    expect(sent.note).toBe('Новый модуль про роутер');
    const body = ScriptSet.parse(sent.body);
    expect(body.modules[0]?.title).toBe('Приветствие (новое)');
    const added = body.modules[1]!;
    expect(added.title).toBe('Скидка на роутер');
    expect(added.keywords).toEqual(['роутер', 'скидка']);
    expect(added.branches).toEqual([{ when: 'Дорого', goto: body.modules[0]!.id }]);
    expect(el.querySelector('[data-testid="console-notice"]')?.getAttribute('data-kind')).toBe('ok');
  });

  it('shows an invalid draft’s problems next to the field and never publishes it', async () => {
    const el = await mount(scriptsWorkspace());
    await type(el.querySelector('[data-testid="console-note"]'), 'Пустой заголовок');
    await type(field(el, 'modules.0.title'), '');
    await type(field(el, 'modules.0.id'), 'Bad Id!');
    await flush();

    const problems = [...el.querySelectorAll('[data-testid="field-problem"]')];
    const title = problems.find((p) => p.getAttribute('data-path') === 'modules.0.title');
    expect(title?.textContent).toBe('заполните поле (Модуль 1 › Заголовок)');
    // Right under its own input, not somewhere else on the page.
    expect(title?.closest('label')?.querySelector('input')).toBe(field(el, 'modules.0.title'));
    const id = problems.find((p) => p.getAttribute('data-path') === 'modules.0.id');
    expect(id?.textContent).toContain('только латиница');
    expect(el.querySelector('[data-testid="draft-problems"]')?.textContent).toContain(
      'Модуль 1 › Заголовок: заполните поле',
    );
    expect(el.querySelector('[data-testid="item-row"][data-index="0"]')?.getAttribute('data-invalid')).toBe('true');

    const publish = el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')!;
    expect(publish.disabled).toBe(true);
    // Even a click that reaches it (a stale enabled state) sends nothing.
    publish.disabled = false;
    click(publish);
    await flush();
    expect(published).toEqual([]);
    expect(mockedRequest.mock.calls.some(([type]) => type === 'console.publish')).toBe(false);
  });

  it('points a duplicate id at its field', async () => {
    const el = await mount(scriptsWorkspace());
    const second = DEFAULT_SCRIPTS.modules[1]!.id;
    await type(field(el, 'modules.0.id'), second);
    await flush();
    const duplicate = el.querySelector('[data-testid="field-problem"][data-path="modules.0.id"]');
    expect(duplicate?.textContent).toContain('такой идентификатор уже есть');
    expect(el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')?.disabled).toBe(true);
  });

  it('previews the module with the demo subscriber’s values, never raw braces', async () => {
    documents.tariffs = [];
    const el = await mount(scriptsWorkspace());
    const text = field(el, 'modules.0.text');
    await type(text, 'Здравствуйте, {first_name}! Ваш тариф «{tariff}». Всего на ');
    await flush();
    // The picker inserts at the cursor (here: the end of the text).
    (text as HTMLTextAreaElement).setSelectionRange(text.value.length, text.value.length);
    click(el.querySelector('[data-testid="variable-picker"] [data-var="price_delta"]'));
    await flush();
    expect(field(el, 'modules.0.text').value).toBe(
      'Здравствуйте, {first_name}! Ваш тариф «{tariff}». Всего на {price_delta}',
    );
    await type(
      field(el, 'modules.0.text'),
      `${field(el, 'modules.0.text').value} {currency} в месяц больше: **{upgrade_tariff}**.`,
    );
    await flush();

    const shown = previewText(el, 'module-preview');
    expect(shown).toContain('Здравствуйте, Мария!');
    expect(shown).toContain('Ваш тариф «Домашний 100»');
    const home100 = DEFAULT_TARIFFS.tariffs.find((x) => x.name === 'Домашний 100')!;
    const upgrade = DEFAULT_TARIFFS.tariffs.find((x) => x.id === home100.upgradeTo)!;
    expect(shown).toContain(`Всего на ${upgrade.monthly - home100.monthly} ₽ в месяц больше: ${upgrade.name}.`);
    expect(shown).not.toMatch(/[{}]/);
    // Bold is an element, not literal asterisks.
    const host = el.querySelector('[data-testid="module-preview"]')!;
    expect(host.shadowRoot?.querySelector('strong')?.textContent).toBe(upgrade.name);
    expect(el.querySelector('[data-testid="demo-subscriber"]')?.textContent).toContain('Иванова Мария Петровна');
  });

  it('keeps page-like markup in authored text as text in the preview', async () => {
    const el = await mount(scriptsWorkspace());
    await type(field(el, 'modules.0.text'), '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>x</script>');
    await flush();
    const host = el.querySelector('[data-testid="module-preview"]')!;
    expect(host.shadowRoot?.querySelector('img, script, a')).toBeNull();
    expect(previewText(el, 'module-preview')).toContain('<img src=x onerror=alert(1)>');
    // A variable the demo subscriber has no value for is asked for, never shown in braces.
    await type(field(el, 'modules.0.text'), 'Договор действует до {contract_end}.');
    expect(host.shadowRoot?.querySelector('.rt-missing')?.getAttribute('data-var')).toBe('contract_end');
    expect(previewText(el, 'module-preview')).not.toMatch(/[{}]/);
  });

  it('lets a lead only read the scripts of a team that is not theirs', async () => {
    const other = fakeUlid(950);
    documents.scripts = [
      { documentId: fakeUlid(951), kind: 'scripts', teamId: other, current: version('scripts', 1, { modules: [] }) },
    ];
    const admin: SessionUser = { ...LEAD, role: 'trainer' };
    const el = await mount(
      h(DocumentWorkspace<'scripts'>, { kind: 'scripts', t, locale: 'ru', user: admin, Editor: ScriptsEditor }),
    );
    expect(el.querySelector('[data-testid="console-draft"]')?.getAttribute('data-read-only')).toBe('true');
    expect(el.querySelector('[data-testid="console-publish"]')).toBeNull();
    expect(el.querySelector('[data-testid="item-add"]')).toBeNull();
  });
});

describe('console page', () => {
  it('orders the sections by role and keeps a draft from being left by accident', async () => {
    const el = await mount(h(ConsoleApp, {}));
    await until(() => el.querySelector('[data-testid="console"][data-state="lead"]'));
    const tabs = () => [...el.querySelectorAll('[data-testid^="nav-"]')].map((tab) => tab.getAttribute('data-testid'));
    expect(tabs()).toEqual([
      'nav-reports',
      'nav-plan',
      'nav-classifier',
      'nav-scripts',
      'nav-objections',
      'nav-tariffs',
      'nav-calls',
      'nav-quality',
      'nav-objectionStats',
      'nav-feedback',
      'nav-checklist',
    ]);
    // A lead lands on the reports (their first section).
    await until(() => el.querySelector('[data-testid="console-reports"]'));

    click(el.querySelector('[data-testid="nav-scripts"]'));
    expect(location.hash).toBe('#scripts');
    await until(() =>
      el.querySelector('[data-testid="console-workspace"][data-kind="scripts"] [data-testid="console-draft"]'),
    );
    await type(field(el, 'modules.0.title'), 'Черновик');
    await flush();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="nav-objections"]')?.disabled).toBe(true);
    click(el.querySelector('[data-testid="console-discard"]'));
    await flush();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="nav-objections"]')?.disabled).toBe(false);

    // A checklist is the trainer's: read-only for a lead.
    click(el.querySelector('[data-testid="nav-checklist"]'));
    const checklist = await until(() => el.querySelector('[data-testid="console-draft"][data-kind="checklist"]'));
    expect(checklist.getAttribute('data-read-only')).toBe('true');
    history.replaceState(null, '', '#');
  });

  it('opens a trainer on the checklist', async () => {
    sessionUser = { ...LEAD, role: 'trainer' };
    const el = await mount(h(ConsoleApp, {}));
    expect(el.querySelector('[data-testid^="nav-"]')?.getAttribute('data-testid')).toBe('nav-checklist');
    const draft = await until(() => el.querySelector('[data-testid="console-draft"]'));
    expect(draft.getAttribute('data-kind')).toBe('checklist');
    expect(draft.getAttribute('data-read-only')).toBe('false');
  });
});

describe('rollback', () => {
  it('republishes an old version’s body with «Откат к версии N»', async () => {
    const v1 = { modules: [] };
    const v2 = ScriptSet.parse({
      modules: [
        {
          id: 'hello',
          title: 'Привет',
          stage: 'opening',
          offer: 'none',
          when: { callTypes: [], balance: 'any', needsUpgrade: false },
          text: 'Здравствуйте!',
          branches: [],
          keywords: [],
        },
      ],
    });
    versions = [version('scripts', 1, v1), version('scripts', 2, v2)];
    documents.scripts = [{ documentId: fakeUlid(800), kind: 'scripts', teamId: TEAM, current: versions[1]! }];
    const el = await mount(scriptsWorkspace());
    const restore = el.querySelector('[data-testid="console-restore-1"]');
    click(restore?.querySelector('button') ?? null);
    await flush();
    click([...(restore?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Да') ?? null);
    await flush();
    expect(published).toEqual([{ kind: 'scripts', teamId: TEAM, body: v1, note: 'Откат к версии 1' }]);
  });
});

describe('objections editor', () => {
  it('adds an answer and previews it filled in', async () => {
    const el = await mount(
      h(DocumentWorkspace<'objections'>, { kind: 'objections', t, locale: 'ru', user: LEAD, Editor: ObjectionsEditor }),
    );
    click(el.querySelector('[data-testid="answer-add"]'));
    await flush();
    const answers = el.querySelectorAll('[data-testid="answer-text"]');
    await type(answers[answers.length - 1]!, '{first_name}, понимаю вас.');
    await type(el.querySelector('[data-testid="console-note"]'), 'Ещё ответ');
    await flush();
    expect(previewText(el, 'objection-preview')).toContain('Мария, понимаю вас.');
    click(el.querySelector('[data-testid="console-publish"]'));
    await flush();
    const body = ObjectionSet.parse(published[0]?.body);
    expect(body.objections[0]?.answers.at(-1)?.text).toBe('{first_name}, понимаю вас.');
  });
});

describe('tariffs editor', () => {
  it('recomputes the preview’s price difference from the draft catalogue', async () => {
    const el = await mount(
      h(DocumentWorkspace<'tariffs'>, { kind: 'tariffs', t, locale: 'ru', user: LEAD, Editor: TariffsEditor }),
    );
    const home100 = DEFAULT_TARIFFS.tariffs.findIndex((x) => x.name === 'Домашний 100');
    const upgradeId = DEFAULT_TARIFFS.tariffs[home100]!.upgradeTo;
    const upgrade = DEFAULT_TARIFFS.tariffs.findIndex((x) => x.id === upgradeId);
    await type(field(el, `tariffs.${upgrade}.monthly`), '1000');
    await flush();
    const delta = 1000 - DEFAULT_TARIFFS.tariffs[home100]!.monthly;
    expect(el.querySelector('[data-testid="tariff-values"] [data-var="price_delta"] td')?.textContent).toBe(
      String(delta),
    );
    expect(previewText(el, 'tariffs-preview')).toContain(`За ${delta} ₽ в месяц больше`);
    expect(previewText(el, 'tariffs-preview')).not.toMatch(/[{}]/);

    await type(field(el, `tariffs.${upgrade}.monthly`), '');
    await flush();
    expect(
      el.querySelector(`[data-testid="field-problem"][data-path="tariffs.${upgrade}.monthly"]`)?.textContent,
    ).toContain('введите число');
    expect(el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')?.disabled).toBe(true);
  });
});

describe('checklist editor', () => {
  it('lets a trainer edit weights, flags an invalid one and previews the form', async () => {
    const trainer: SessionUser = { ...LEAD, role: 'trainer' };
    const el = await mount(
      h(DocumentWorkspace<'checklist'>, { kind: 'checklist', t, locale: 'ru', user: trainer, Editor: ChecklistEditor }),
    );
    expect(el.querySelector('[data-testid="console-draft"]')?.getAttribute('data-read-only')).toBe('false');
    await type(field(el, 'sections.0.items.0.weight'), '0');
    expect(el.querySelector('[data-testid="field-problem"][data-path="sections.0.items.0.weight"]')?.textContent).toBe(
      'не меньше 1 (Раздел 1 › Пункт 1 › Вес)',
    );
    expect(el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')?.disabled).toBe(true);
    await type(field(el, 'sections.0.items.0.weight'), '7');
    await type(field(el, 'sections.0.items.0.text'), 'Поздоровался по стандарту');
    const preview = el.querySelector('[data-testid="checklist-preview"]')?.shadowRoot;
    expect(preview?.querySelector('[data-item-id]')?.textContent).toContain('Поздоровался по стандарту');
    expect(preview?.querySelector('[data-item-id]')?.textContent).toContain('×7');
    await type(el.querySelector('[data-testid="console-note"]'), 'Вес приветствия');
    click(el.querySelector('[data-testid="console-publish"]'));
    await flush();
    expect(Checklist.parse(published[0]?.body).sections[0]?.items[0]?.weight).toBe(7);
  });
});

describe('draft problems', () => {
  it('accept the default content and point at the exact field otherwise', () => {
    const tariffs = structuredClone(DEFAULT_TARIFFS);
    expect(draftProblems('tariffs', tariffs)).toEqual([]);
    tariffs.tariffs[0]!.upgradeTo = tariffs.tariffs[0]!.id;
    expect(draftProblems('tariffs', tariffs)).toContainEqual({
      path: ['tariffs', 0, 'upgradeTo'],
      code: 'selfTarget',
      params: {},
    });
    expect(TariffCatalogue.safeParse(tariffs).success).toBe(false);
  });

  it('point a branch to a removed module at the branch', () => {
    const scripts = structuredClone(DEFAULT_SCRIPTS);
    scripts.modules[0]!.branches = [{ when: 'Дорого', goto: 'no-such-module' }];
    expect(draftProblems('scripts', scripts)).toEqual([
      { path: ['modules', 0, 'branches', 0, 'goto'], code: 'unknownTarget', params: {} },
    ]);
  });

  it('offer editing to the same roles the server lets publish', () => {
    for (const [kind, rules] of Object.entries(KINDS)) {
      expect(PUBLISHERS[kind as keyof typeof PUBLISHERS], kind).toEqual(rules.publishers);
    }
  });
});
