// Runtime-switchable translation with CLDR plurals from the browser's own Intl.PluralRules.
// browser.i18n (and @wxt-dev/i18n on top of it) is fixed to the browser's UI language, but an
// operator picks the panel language in the options page; i18next would cost a third of the
// content script's size budget for features we do not use. Messages are plain text: parameters
// are inserted as text and the result is rendered as a text node, never as HTML.
import type { Locale } from '../schema/primitives';

/** Plural forms by CLDR category; Russian needs one/few/many, Polish one/few/many, English one/other. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type Catalog<K extends string> = Record<K, Message>;
export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['ru', 'en', 'pl'];
export const DEFAULT_LOCALE: Locale = 'ru';

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

/**
 * Build `t(key, params)` for one locale. A plural message picks its form from `params.count`.
 * A key missing in a locale falls back to Russian, the language every key is written in first.
 */
export function createTranslator<K extends string>(
  catalogs: Record<Locale, Partial<Catalog<K>>> & Record<'ru', Catalog<K>>,
  locale: Locale,
): Translate<K> {
  return (key, params) => {
    const message = catalogs[locale][key] ?? catalogs.ru[key];
    if (typeof message === 'string') return interpolate(message, params);
    const count = Number(params?.count ?? 0);
    const form = message[pluralCategory(locale, count)] ?? message.other;
    return interpolate(form, params);
  };
}

/** The first supported locale among the browser's preferences, else Russian. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as Locale;
    if (LOCALES.includes(base)) return base;
  }
  return DEFAULT_LOCALE;
}
