// Keyboard search over modules: case and ё/е do not matter, every query word must start a word of
// the title, keywords or text, title hits come first, and 500 modules are searched
// correctly (their speed is measured by `npm run bench`, search_ms_p95, not asserted here).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS } from '@/lib/content/defaults';
import { createModuleIndex, searchModules, searchWords } from '@/lib/content/search';
import type { ScriptModule } from '@/lib/schema/content';

function mod(id: string, title: string, text = 'текст', keywords: string[] = []): ScriptModule {
  return {
    id,
    title,
    stage: 'offer',
    offer: 'none',
    when: { callTypes: [], balance: 'any', needsUpgrade: false },
    text,
    branches: [],
    keywords,
  };
}

const modules = [
  mod('a', 'Приветствие', 'Добрый день! Компания «ТелеКом+».'),
  mod('b', 'Скорость вдвое', 'Пока проверяю платёж: скорость вырастет', ['повышение', 'апгрейд']),
  mod('c', 'Аренда роутера', 'Wi-Fi роутер за 99 ₽ в месяц', ['оборудование']),
  mod('d', 'Оборудование в аренду', 'ТВ-приставка и роутер', []),
  mod('e', 'Ёлочная акция', 'Скидка на новый год'),
  mod('f', 'Перезвон', 'Когда удобно, чтобы я перезвонил? {first_name}', ['подумаю']),
];
const index = createModuleIndex(modules);
const find = (query: string, limit?: number) => searchModules(index, query, limit).map((m) => m.id);

describe('searchModules', () => {
  it('finds by word prefix in title, keywords or text', () => {
    expect(find('привет')).toEqual(['a']);
    expect(find('апгр')).toEqual(['b']);
    expect(find('компан')).toEqual(['a']);
    expect(find('99')).toEqual(['c']);
  });

  it('ignores case', () => {
    expect(find('ПРИВЕТСТВИЕ')).toEqual(['a']);
    expect(find('wi-fi')).toEqual(['c']);
    expect(find('WI')).toEqual(['c']);
  });

  it('treats ё and е alike, both ways', () => {
    expect(find('елочн')).toEqual(['e']);
    expect(find('ёлочн')).toEqual(['e']);
    expect(find('платеж')).toEqual(['b']);
    expect(find('платёж')).toEqual(['b']);
  });

  it('needs every query word to match, in any order', () => {
    expect(find('роутер аренд')).toEqual(['c', 'd']);
    expect(find('аренд роутер приставка')).toEqual(['d']);
    expect(find('роутер кофе')).toEqual([]);
  });

  it('matches word starts only, not the middle of a word', () => {
    expect(find('утер')).toEqual([]);
    expect(find('ветствие')).toEqual([]);
  });

  it('ranks title matches first, then keyword matches, then the authors order', () => {
    // "оборудование" is d's title and c's keyword.
    expect(find('оборуд')).toEqual(['d', 'c']);
    // "роутер" is in c's title and in d's text only.
    expect(find('роутер')).toEqual(['c', 'd']);
    // Both words in d's title beat one word in c's title.
    expect(find('оборудование аренд')).toEqual(['d', 'c']);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    expect(find('')).toEqual([]);
    expect(find('   ')).toEqual([]);
    expect(find('!!! ,,')).toEqual([]);
  });

  it('does not find modules by variable names in their text', () => {
    expect(find('first')).toEqual([]);
    expect(find('подумаю')).toEqual(['f']);
  });

  it('caps the answer at limit', () => {
    expect(find('роутер', 1)).toEqual(['c']);
    expect(find('роутер', 0)).toEqual([]);
  });

  it('finds the demo modules the way an operator types', () => {
    const demo = createModuleIndex(DEFAULT_SCRIPTS.modules);
    const ids = (q: string) => searchModules(demo, q).map((m) => m.id);
    expect(ids('подум')[0]).toBe('think_callback');
    expect(ids('дорого')).toContain('upgrade_value');
    expect(ids('пакет тв')).toContain('bundle_tv');
    expect(ids('расторж')[0]).toBe('retention');
  });

  it('splits words on anything that is not a letter or digit', () => {
    expect(searchWords('Wi-Fi роутер: 99₽, «ТВ»!')).toEqual(['wi', 'fi', 'роутер', '99', 'тв']);
  });

  it('finds the right modules among 500', () => {
    const words = ['тариф', 'скорость', 'роутер', 'баланс', 'платёж', 'акция', 'пакет', 'телевидение', 'интернет'];
    const many = Array.from({ length: 500 }, (_, i) =>
      mod(
        `m${i}`,
        `${words[i % words.length]} модуль ${i}`,
        Array.from({ length: 60 }, (_, k) => `${words[(i + k) % words.length]}${k}`).join(' '),
        [words[(i * 7) % words.length]!, `ключ${i}`],
      ),
    );
    const big = createModuleIndex(many);
    const queries = ['т', 'тар', 'скорость роут', 'ключ4', 'модуль 49', 'пакет телев интер', 'ничего'];
    for (const q of queries.slice(0, -1)) expect(searchModules(big, q, 20).length).toBeGreaterThan(0);
    expect(searchModules(big, 'ничего', 20)).toEqual([]);
    expect(searchModules(big, 'ключ499').map((m) => m.id)).toEqual(['m499']);
  });
});
