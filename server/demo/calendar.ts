// Days and months in the demo organisation's time zone (Europe/Moscow, the reports' default), and
// which of them each demo operator works, so the demo's shifts start at 09:00 local time, "this
// month" is the month there, and the plan's shift counts are the days the history has calls on.
export const DEMO_TIME_ZONE = 'Europe/Moscow';

const DAY_MS = 86_400_000;
/** Days on in every 7; each operator's days off fall on other weekdays, so every day is staffed. */
const DAYS_ON = 5;

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: DEMO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The local date and time at `at`, as numbers. */
function localParts(at: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of parts.formatToParts(at)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

/** The zone's offset from UTC at `at`, in ms (Moscow: +3 h all year). */
function offsetAt(at: number): number {
  const p = localParts(at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (at - (((at % 1000) + 1000) % 1000));
}

/** One local calendar day: `YYYY-MM-DD` and the instant it starts. */
export interface LocalDay {
  date: string;
  start: number;
}

/** The instant local midnight of that date begins. */
function midnight(year: number, month: number, day: number): number {
  const utc = Date.UTC(year, month - 1, day);
  return utc - offsetAt(utc - offsetAt(utc));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` of the local month containing `at`. */
export function monthOf(at: number): string {
  const p = localParts(at);
  return `${p.year}-${pad(p.month)}`;
}

/** Every day of `month` (`YYYY-MM`), in order. */
export function daysOfMonth(month: string): LocalDay[] {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  const count = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => ({
    date: `${month}-${pad(i + 1)}`,
    start: midnight(year, number, i + 1),
  }));
}

/** The local day containing `at`. */
export function dayOf(at: number): LocalDay {
  const p = localParts(at);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, start: midnight(p.year, p.month, p.day) };
}

/**
 * The days of `month` the demo operator number `index` works: five days on, two off, the days off
 * moved by two weekdays per operator, and no more than `most` in a month (the last ones are left
 * off: days of leave).
 */
export function shiftDays(month: string, index: number, most: number): LocalDay[] {
  return daysOfMonth(month)
    .filter((day) => {
      const dayNumber = Math.floor(Date.parse(`${day.date}T00:00:00Z`) / DAY_MS);
      return (((dayNumber + 2 * index) % 7) + 7) % 7 < DAYS_ON;
    })
    .slice(0, most);
}
