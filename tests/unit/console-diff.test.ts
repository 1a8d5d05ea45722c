// @vitest-environment happy-dom
// Comparing two versions of a document in the console: the history's versions are offered in two
// choosers (the previous and the current one at first), every added, removed, changed or moved
// thing is listed by its name, a changed text is shown word by word with <del>/<ins> elements,
// and authored text with markup in it stays text.

import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiffText } from '@/components/console/DiffText';
import { DocumentHistory } from '@/components/console/DocumentHistory';
import { VersionDiff } from '@/components/console/VersionDiff';
import { fieldText } from '@/lib/console/problem-text';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { request } from '@/lib/messaging/client';
import type { ContentVersion } from '@/lib/schema/api';
import type { ScriptModule, ScriptSet } from '@/lib/schema/content';
import { attach, flush, unmount } from './console-harness';
import { fakeUlid, T0 } from './helpers';

vi.mock('@/lib/messaging/client', () => import('./console-harness').then((harness) => harness.fakeClientModule()));

const mockedRequest = vi.mocked(request);
const t = createTranslator(consoleMessages, 'ru');

function module(id: string, title: string, text: string): ScriptModule {
  return {
    id,
    title,
    stage: 'offer',
    offer: 'none',
    when: { callTypes: [], balance: 'any', needsUpgrade: false },
    text,
    branches: [],
    keywords: [],
  };
}

const V1: ScriptSet = {
  modules: [
    module('hello', 'Приветствие', 'Здравствуйте, {first_name}!'),
    module('speed', 'Скорость', 'За {price_delta} ₽ в месяц скорость вырастет вдвое.'),
    module('old', 'Старая акция', 'Роутер в подарок.'),
  ],
};
const V2: ScriptSet = {
  modules: [
    module('speed', 'Скорость', 'Всего за {price_delta} ₽ в месяц скорость вырастет до {upgrade_speed} Мбит/с.'),
    module('hello', 'Приветствие', 'Здравствуйте, {first_name}!'),
    module('tv', 'Телевидение', '<img src=x onerror=alert(1)> **150 каналов**'),
  ],
};
const V3: ScriptSet = { modules: [...V2.modules, module('bundle', 'Пакет', 'Интернет и ТВ вместе.')] };

function version(n: number, body: unknown): ContentVersion {
  return {
    documentId: fakeUlid(10),
    versionId: fakeUlid(20 + n),
    kind: 'scripts',
    teamId: null,
    version: n,
    cursor: n,
    body,
    note: `Версия ${n}`,
    publishedAt: T0 + n,
    publishedBy: 'Руководитель',
  };
}

const VERSIONS = [version(3, V3), version(2, V2), version(1, V1)];

afterEach(unmount);

function choose(select: Element | null, value: string) {
  if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const entries = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid="diff-entry"]')].map((entry) => [
    entry.getAttribute('data-change'),
    entry.getAttribute('data-key'),
  ]);

describe('version diff', () => {
  it('compares the previous version with the current one first', () => {
    const el = attach(h(VersionDiff, { t, kind: 'scripts', versions: VERSIONS }));
    expect(el.querySelector<HTMLSelectElement>('[data-testid="diff-from"]')?.value).toBe(VERSIONS[1]!.versionId);
    expect(el.querySelector<HTMLSelectElement>('[data-testid="diff-to"]')?.value).toBe(VERSIONS[0]!.versionId);
    expect(entries(el)).toEqual([['added', 'module:bundle']]);
    const added = el.querySelector('[data-testid="diff-entry"]');
    expect(added?.textContent).toContain('добавлено');
    expect(added?.textContent).toContain('Пакет');
    expect(added?.textContent).toContain('Интернет и ТВ вместе.');
  });

  it('lists added, removed, changed and moved modules between two chosen versions', async () => {
    const el = attach(h(VersionDiff, { t, kind: 'scripts', versions: VERSIONS }));
    choose(el.querySelector('[data-testid="diff-from"]'), VERSIONS[2]!.versionId);
    choose(el.querySelector('[data-testid="diff-to"]'), VERSIONS[1]!.versionId);
    await flush(1);
    const found = entries(el);
    expect(found).toContainEqual(['added', 'module:tv']);
    expect(found).toContainEqual(['removed', 'module:old']);
    expect(found).toContainEqual(['changed', 'module:speed']);
    expect(
      found.some(([change, key]) => change === 'moved' && (key === 'module:hello' || key === 'module:speed')),
    ).toBe(true);
    expect(found.filter(([, key]) => key === 'module:hello').every(([change]) => change === 'moved')).toBe(true);

    const changed = el.querySelector('[data-testid="diff-entry"][data-change="changed"][data-key="module:speed"]')!;
    expect(changed.querySelector('[data-field]')?.textContent).toContain('Текст');
    const removedWords = [...changed.querySelectorAll('del')].map((node) => node.textContent).join('|');
    const addedWords = [...changed.querySelectorAll('ins')].map((node) => node.textContent).join('|');
    expect(removedWords).toContain('вдвое');
    expect(addedWords).toContain('Всего');
    expect(addedWords).toContain('{upgrade_speed}');
    // Unchanged words stay plain.
    expect(changed.querySelector('[data-testid="diff-text"]')?.textContent).toBe(
      'ЗаВсего за {price_delta} ₽ в месяц скорость вырастет вдвоедо {upgrade_speed} Мбит/с.',
    );
    expect(el.querySelector('[data-change="removed"]')?.querySelector('del')?.textContent).toBe('Роутер в подарок.');
  });

  it('says when the two versions are the same or the same version is chosen twice', async () => {
    const same = [version(2, V1), version(1, V1)];
    const el = attach(h(VersionDiff, { t, kind: 'scripts', versions: same }));
    expect(el.querySelector('[data-testid="diff-empty"]')?.textContent).toBe('Версии совпадают.');
    choose(el.querySelector('[data-testid="diff-from"]'), same[0]!.versionId);
    await flush(1);
    expect(el.textContent).toContain('Выбрана одна и та же версия.');
    render(h(VersionDiff, { t, kind: 'scripts', versions: [version(1, V1)] }), el);
    expect(el.textContent).toContain('Для сравнения нужны хотя бы две версии.');
  });

  it('keeps markup in authored text as text', async () => {
    const el = attach(h(VersionDiff, { t, kind: 'scripts', versions: VERSIONS }));
    choose(el.querySelector('[data-testid="diff-from"]'), VERSIONS[2]!.versionId);
    choose(el.querySelector('[data-testid="diff-to"]'), VERSIONS[1]!.versionId);
    await flush(1);
    const tv = el.querySelector('[data-key="module:tv"]')!;
    expect(tv.querySelector('img')).toBeNull();
    expect(tv.textContent).toContain('<img src=x onerror=alert(1)> **150 каналов**');
  });

  it('builds the word diff from elements only', () => {
    const el = attach(
      h(DiffText, { before: 'Дорого <b>очень</b>', after: 'Недорого <b>очень</b> <script>x</script>' }),
    );
    expect(el.querySelector('b, script')).toBeNull();
    expect(el.querySelector('del')?.textContent).toBe('Дорого');
    expect(el.querySelector('ins')?.textContent).toBe('Недорого');
    expect(el.textContent).toBe('ДорогоНедорого <b>очень</b> <script>x</script>');
  });

  it('names changed fields in the author’s language', () => {
    expect(fieldText('text', t)).toBe('Текст');
    expect(fieldText('names.ru', t)).toBe('Название (RU)');
    expect(fieldText('unknownField', t)).toBe('unknownField');
  });
});

describe('document history', () => {
  beforeEach(() => {
    mockedRequest.mockReset();
    mockedRequest.mockImplementation((async (type: string) => {
      if (type === 'console.versions') return [VERSIONS[2], VERSIONS[0], VERSIONS[1]];
      throw new Error(`unexpected request ${type}`);
    }) as typeof request);
  });

  it('lists the versions newest first and compares the last two', async () => {
    const el = attach(
      h(DocumentHistory, {
        t,
        locale: 'ru',
        kind: 'scripts',
        documentId: fakeUlid(10),
        currentVersion: 3,
        readOnly: false,
        busy: false,
        onRestore: () => {},
      }),
    );
    await flush(4);
    expect(
      [...el.querySelectorAll('[data-testid="console-version"]')].map((row) => row.getAttribute('data-version')),
    ).toEqual(['3', '2', '1']);
    expect(el.querySelector('[data-testid="console-restore-3"] button')).toBeNull();
    expect(el.querySelector('[data-testid="console-restore-2"] button')?.textContent).toBe('Вернуть эту версию');
    expect(entries(el)).toEqual([['added', 'module:bundle']]);
  });
});
