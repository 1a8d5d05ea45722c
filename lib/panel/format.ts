// Display formatting for the panel: durations, clock times, call type names.
import type { Classifier } from '../schema/classifier';
import type { Locale } from '../schema/primitives';

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

// `toLocaleTimeString(locale, options)` builds a new formatter on every call (every call row and
// the sync badge, on every render); one formatter per locale gives the same text.
const clocks = new Map<Locale, Intl.DateTimeFormat>();

export function formatClock(epochMs: number, locale: Locale): string {
  let clock = clocks.get(locale);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    clocks.set(locale, clock);
  }
  return clock.format(epochMs);
}

// The same for numbers: `toLocaleString(locale)` also builds a formatter per call, and the plan
// view formats about ten figures on every update (the outcome path).
const numbers = new Map<Locale, Intl.NumberFormat>();

/** A whole number in the locale's grouping ("126 500" in Russian). */
export function formatWhole(value: number, locale: Locale): string {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numbers.set(locale, format);
  }
  return format.format(Math.round(value));
}

export function typeName(classifier: Classifier, typeId: string, locale: Locale): string {
  return classifier.types.find((t) => t.id === typeId)?.names[locale] ?? typeId;
}
