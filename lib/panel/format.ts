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

export function formatClock(epochMs: number, locale: Locale): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

export function typeName(classifier: Classifier, typeId: string, locale: Locale): string {
  return classifier.types.find((t) => t.id === typeId)?.names[locale] ?? typeId;
}
