// The periods of the morning reports: yesterday, this week (from Monday), this month, or two dates.
// Reports take [from, to) in epoch ms with days cut in the reader's time zone, which is sent along
// (`tz`) so the server's days are the same days the picker shows. Pure local-calendar arithmetic.
import type { Period } from './period';

export type PeriodPreset = 'yesterday' | 'week' | 'month' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['yesterday', 'week', 'month', 'custom'];

/** [from, to): local midnight to local midnight. */
export interface ReportPeriod {
  from: number;
  to: number;
}

function midnight(ms: number, dayDelta = 0): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + dayDelta).getTime();
}

/** The preset's period as of `now` (every period but yesterday runs to the end of today). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: number): ReportPeriod {
  const tomorrow = midnight(now, 1);
  if (preset === 'yesterday') return { from: midnight(now, -1), to: midnight(now) };
  if (preset === 'week') {
    // getDay(): Sunday 0 … Saturday 6; the week starts on Monday.
    const sinceMonday = (new Date(now).getDay() + 6) % 7;
    return { from: midnight(now, -sinceMonday), to: tomorrow };
  }
  const date = new Date(now);
  return { from: new Date(date.getFullYear(), date.getMonth(), 1).getTime(), to: tomorrow };
}

/** The date picker's inclusive days (…23:59:59.999) as a report period. */
export function fromPickedDays(days: Period): ReportPeriod {
  return { from: midnight(days.from), to: midnight(days.to, 1) };
}

/** A report period as the date picker's inclusive days. */
export function toPickedDays(period: ReportPeriod): Period {
  return { from: period.from, to: Math.max(period.from, period.to - 1) };
}

/** A calendar month `YYYY-MM` as a report period. */
export function monthPeriod(month: string): ReportPeriod {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return { from: new Date(year, index, 1).getTime(), to: new Date(year, index + 1, 1).getTime() };
}

/** `YYYY-MM` of the local month containing `ms`. */
export function monthOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The reader's IANA time zone, when the browser knows it. */
export function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
