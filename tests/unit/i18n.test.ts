// Translations: every catalog has every key, plurals follow each language's rules, parameters
// are inserted as text.
import { describe, expect, it } from 'vitest';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { createTranslator, pickLocale } from '@/lib/i18n/translate';

describe('panel messages', () => {
  it('have the same keys in Russian, English and Polish', () => {
    const keys = Object.keys(panelMessages.ru).sort();
    expect(Object.keys(panelMessages.en).sort()).toEqual(keys);
    expect(Object.keys(panelMessages.pl).sort()).toEqual(keys);
  });

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

  it('insert parameters as plain text', () => {
    const t = createTranslator(panelMessages, 'en');
    expect(t('requestFailed', { message: '<b>x</b> {name}' })).toBe('Not saved: <b>x</b> {name}');
  });

  it('choose the locale from browser preferences, Russian by default', () => {
    expect(pickLocale(['pl-PL', 'en'])).toBe('pl');
    expect(pickLocale(['de-DE'])).toBe('ru');
  });
});
