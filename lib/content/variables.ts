// Fills script variables (`{first_name}`, `{price_delta}`…) from what the CRM page showed of the
// subscriber and from the tariff catalogue. Page text is messy ("-150,00 ₽", "  домашний  100 "),
// so money and tariff names are parsed leniently; a value that cannot be known is left out, and
// the panel asks the operator for it instead of showing raw braces.
import type { SubscriberContext } from '../schema/call';
import type { Tariff, TariffCatalogue } from '../schema/content';

/** Variable name → the text it is replaced with. */
export type VariableValues = Record<string, string>;

/** `{name}` in authored text: letters, digits and `_`, starting with a letter or `_`. */
export const VARIABLE_PATTERN = /\{([A-Za-z_][A-Za-z0-9_]{0,39})\}/g;

/** A whole variable name, as `VARIABLE_PATTERN` captures it. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** Every variable `subscriberValues` can fill (authors may use others; the operator types them). */
export const KNOWN_VARIABLES = [
  'name',
  'first_name',
  'contract',
  'tariff',
  'balance',
  'tariff_price',
  'tariff_speed',
  'upgrade_tariff',
  'upgrade_price',
  'price_delta',
  'upgrade_speed',
  'currency',
] as const;
export type KnownVariable = (typeof KNOWN_VARIABLES)[number];

/** The value of `name` in `values`, or null; own properties only, so `{constructor}` stays unknown. */
export function variableValue(values: VariableValues | undefined, name: string): string | null {
  if (!values || !Object.hasOwn(values, name)) return null;
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Names of the variables `text` uses, in order of first use, each once. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE_PATTERN)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

// ---- Money ----

const MINUS = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
/** Spaces (incl. no-break and thin) and apostrophes between digits group thousands. */
const DIGIT_GROUPING = /(\d)[\s\u00A0\u2009\u202F'’]+(?=\d)/g;
const AMOUNT = /(-)?\s*(\d[\d.,]*)/;

/**
 * The amount in a money text as the CRM shows it: "-150,00 ₽" → -150, "1 234,50 руб." → 1234.5,
 * "−75.5" → -75.5. A separator followed by one or two digits at the end is the decimal point;
 * any other `.`/`,` groups thousands. Null when there is no number.
 */
export function parseMoney(text: string): number | null {
  const match = AMOUNT.exec(text.replace(MINUS, '-').replace(DIGIT_GROUPING, '$1'));
  if (!match) return null;
  const digits = match[2]!.replace(/[.,]+$/, '');
  const parts = digits.split(/[.,]/);
  const last = parts[parts.length - 1]!;
  let value: number;
  if (parts.length > 1 && last.length <= 2) {
    value = Number(`${parts.slice(0, -1).join('')}.${last}`);
  } else {
    value = Number(parts.join(''));
  }
  if (!Number.isFinite(value)) return null;
  if (match[1]) value = -value;
  return value === 0 ? 0 : value;
}

// ---- Tariffs ----

/** How tariff names compare: case, ё/е, quotes, repeated spaces and spaces around "+" do not count. */
export function normaliseTariffName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“”']/g, '')
    .replace(/\s*\+\s*/g, '+')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Per catalogue: normalised name or alias → tariff; built once, catalogues are immutable versions. */
const nameIndexes = new WeakMap<TariffCatalogue, Map<string, Tariff>>();

function nameIndex(catalogue: TariffCatalogue): Map<string, Tariff> {
  let index = nameIndexes.get(catalogue);
  if (!index) {
    index = new Map();
    // Names first, then aliases: a tariff's own name wins over another tariff's alias.
    for (const tariff of catalogue.tariffs) {
      const key = normaliseTariffName(tariff.name);
      if (!index.has(key)) index.set(key, tariff);
    }
    for (const tariff of catalogue.tariffs) {
      for (const alias of tariff.aliases) {
        const key = normaliseTariffName(alias);
        if (key !== '' && !index.has(key)) index.set(key, tariff);
      }
    }
    nameIndexes.set(catalogue, index);
  }
  return index;
}

/** The catalogue's tariff the page's tariff text names (by name or alias), archived ones included. */
export function matchTariff(catalogue: TariffCatalogue | null, name: string | undefined): Tariff | null {
  if (!catalogue || name === undefined) return null;
  const key = normaliseTariffName(name);
  if (key === '') return null;
  return nameIndex(catalogue).get(key) ?? null;
}

/** The tariff to offer instead of `tariff`: its `upgradeTo`, if that exists and is still sold. */
export function upgradeFor(catalogue: TariffCatalogue | null, tariff: Tariff | null): Tariff | null {
  if (!catalogue || !tariff || tariff.upgradeTo === null) return null;
  const upgrade = catalogue.tariffs.find((t) => t.id === tariff.upgradeTo);
  return upgrade?.active ? upgrade : null;
}

// ---- Subscriber ----

const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The first name in a full name as Russian CRMs write it: «Иванова Мария Петровна» (surname,
 * name, patronymic) → «Мария»; any other number of words → the first word.
 */
export function firstName(fullName: string): string {
  const words = clean(fullName).split(' ');
  return (words.length === 3 ? words[1] : words[0]) ?? '';
}

/**
 * The variables known for this subscriber: page fields, their tariff's price and speed, the
 * upgrade the catalogue offers and the price difference. Only known values are present; `manual`
 * (what the operator typed) overrides anything.
 */
export function subscriberValues(
  subscriber: SubscriberContext,
  catalogue: TariffCatalogue | null,
  manual?: VariableValues,
): VariableValues {
  const values: VariableValues = {};
  const set = (name: string, value: string | number | null | undefined) => {
    const text = typeof value === 'number' ? String(value) : clean(value ?? undefined);
    if (text !== '') values[name] = text;
  };

  const name = clean(subscriber.name);
  set('name', name);
  if (name !== '') set('first_name', firstName(name));
  set('contract', subscriber.contract);
  set('tariff', subscriber.tariff);
  set('balance', subscriber.balance);

  if (catalogue) {
    set('currency', catalogue.currency);
    const current = matchTariff(catalogue, subscriber.tariff);
    if (current) {
      set('tariff_price', current.monthly);
      set('tariff_speed', current.speedMbps);
      const upgrade = upgradeFor(catalogue, current);
      if (upgrade) {
        set('upgrade_tariff', upgrade.name);
        set('upgrade_price', upgrade.monthly);
        set('price_delta', upgrade.monthly - current.monthly);
        set('upgrade_speed', upgrade.speedMbps);
      }
    }
  }

  if (manual) {
    for (const key of Object.keys(manual)) {
      if (!VARIABLE_NAME.test(key)) continue;
      const value = variableValue(manual, key);
      if (value !== null) values[key] = value.trim();
    }
  }
  return values;
}
