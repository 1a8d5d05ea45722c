// Translations: every catalog has every key, plurals follow each language's rules, parameters
// are inserted as text.
import { describe, expect, it } from 'vitest';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { optionsMessages } from '@/lib/i18n/options-messages';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { type Catalog, createTranslator, LOCALES, type Message, pickLocale } from '@/lib/i18n/translate';
import type { Locale } from '@/lib/schema/primitives';

const CATALOGS: [string, Record<Locale, Catalog<string>>][] = [
  ['panel', panelMessages],
  ['options', optionsMessages],
  ['console', consoleMessages],
];

/** `{name}` parameters of a message, all plural forms together. */
function params(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of (text ?? '').matchAll(/\{(\w+)\}/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

describe.each(CATALOGS)('%s messages', (_name, catalogs) => {
  const keys = Object.keys(catalogs.ru).sort();

  it('have the same keys in Russian, English and Polish', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(keys);
    expect(Object.keys(catalogs.pl).sort()).toEqual(keys);
  });

  it('have no empty message', () => {
    for (const locale of LOCALES) {
      const empty = keys.filter((key) => {
        const message = catalogs[locale][key];
        return typeof message === 'string' ? !message.trim() : !message?.other.trim();
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it('use the same parameters in every language', () => {
    for (const locale of ['en', 'pl'] as const) {
      const differ = keys.filter(
        (key) => JSON.stringify(params(catalogs[locale][key]!)) !== JSON.stringify(params(catalogs.ru[key]!)),
      );
      expect(differ, locale).toEqual([]);
    }
  });

  it('give every plural message each form its language needs, in every language', () => {
    for (const locale of LOCALES) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const ru = catalogs.ru[key];
        const message = catalogs[locale][key];
        // A plural in Russian is a plural everywhere (and the other way round).
        expect(typeof message, `${locale} ${key}`).toBe(typeof ru);
        if (typeof message !== 'object') continue;
        const missing = needed.filter((category) => message[category] === undefined);
        expect(missing, `${locale} ${key}`).toEqual([]);
      }
    }
  });
});

describe('panel messages', () => {
  it('pick Russian and Polish plural forms', () => {
    const ru = createTranslator(panelMessages, 'ru');
    expect([1, 2, 5, 11, 21, 22].map((count) => ru('untaggedCount', { count }))).toEqual([
      '1 звонок без типа',
      '2 звонка без типа',
      '5 звонков без типа',
      '11 звонков без типа',
      '21 звонок без типа',
      '22 звонка без типа',
    ]);
    const pl = createTranslator(panelMessages, 'pl');
    expect([1, 3, 5, 22].map((count) => pl('untaggedCount', { count }))).toEqual([
      '1 rozmowa bez typu',
      '3 rozmowy bez typu',
      '5 rozmów bez typu',
      '22 rozmowy bez typu',
    ]);
    expect(createTranslator(panelMessages, 'en')('untaggedCount', { count: 1 })).toBe('1 untagged call');
  });

  it('count waiting changes on the sync badge in each language', () => {
    const ru = createTranslator(panelMessages, 'ru');
    expect([1, 3, 5, 21].map((count) => ru('syncWaiting', { count }))).toEqual([
      '1 ждёт',
      '3 ждут',
      '5 ждут',
      '21 ждёт',
    ]);
    const pl = createTranslator(panelMessages, 'pl');
    expect([1, 3, 5].map((count) => pl('syncWaiting', { count }))).toEqual(['1 czeka', '3 czekają', '5 czeka']);
    expect(createTranslator(panelMessages, 'en')('syncWaiting', { count: 512 })).toBe('512 waiting');
  });

  it('insert parameters as plain text', () => {
    const t = createTranslator(panelMessages, 'en');
    expect(t('requestFailed', { message: '<b>x</b> {name}' })).toBe('Not saved: <b>x</b> {name}');
  });

  it('choose the locale from browser preferences, Russian by default', () => {
    expect(pickLocale(['pl-PL', 'en'])).toBe('pl');
    expect(pickLocale(['de-DE'])).toBe('ru');
  });
});

describe('options and console messages', () => {
  it('count waiting and set-aside changes with the right plural forms', () => {
    const ru = createTranslator(optionsMessages, 'ru');
    expect(ru('sync.waiting', { count: 2 })).toBe('2 изменения ждут отправки.');
    expect(ru('sync.waiting', { count: 5 })).toBe('5 изменений ждут отправки.');
    const pl = createTranslator(optionsMessages, 'pl');
    expect(pl('sync.waiting', { count: 1 })).toBe('1 zmiana czeka na wysłanie.');
    expect(pl('sync.waiting', { count: 12 })).toBe('12 zmian czeka na wysłanie.');
  });

  it('write the rollback note with the restored version number', () => {
    expect(createTranslator(consoleMessages, 'en')('history.rollbackNote', { version: 3 })).toBe(
      'Rollback to version 3',
    );
    expect(createTranslator(consoleMessages, 'ru')('history.rollbackNote', { version: 3 })).toBe('Откат к версии 3');
  });

  it('keep server text as text in console errors', () => {
    const t = createTranslator(consoleMessages, 'pl');
    expect(t('error.forbidden', { message: '<img src=x onerror=alert(1)>' })).toBe(
      'Brak uprawnień: <img src=x onerror=alert(1)>',
    );
  });
});
