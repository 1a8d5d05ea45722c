// How the reports and the plan editor write numbers: counts, money with the tariff catalogue's
// currency sign and shares as percent, in the reader's locale through Intl (ru: «126 500 ₽»,
// «23,5 %»). Pure; the formatters are cached per locale.
import type { Locale } from '../schema/primitives';

/** The currency sign when no tariff catalogue says otherwise (DEFAULT_TARIFFS). */
export const FALLBACK_CURRENCY = '₽';

const formats = new Map<string, Intl.NumberFormat>();

function format(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    formats.set(id, found);
  }
  return found;
}

/** A whole number with the locale's grouping: «126 500». */
export function formatCount(value: number, locale: Locale): string {
  return format(locale, 'count', { maximumFractionDigits: 0 }).format(value);
}

/** A number with up to `digits` decimals: «1,15». */
export function formatDecimal(value: number, locale: Locale, digits = 2): string {
  return format(locale, `decimal${digits}`, { maximumFractionDigits: digits }).format(value);
}

/** Whole units of money with the catalogue's sign after them: «126 500 ₽». */
export function formatMoney(value: number, locale: Locale, currency: string = FALLBACK_CURRENCY): string {
  return `${formatCount(value, locale)}\u00a0${currency}`;
}

/** A share 0–1 as percent with at most one decimal: «23,5 %»; null: «—». */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return format(locale, 'percent', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** `part / whole`, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
