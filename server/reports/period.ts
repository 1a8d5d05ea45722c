// Calendar arithmetic in an IANA time zone, pure, with nothing but Intl: local dates, the epoch ms
// of a local midnight (DST-correct: a day is 23, 24 or 25 hours long), ISO weeks (Monday) and
// months. The reports cut days and weeks here and hand the boundaries to SQL, so the database never
// needs to know about time zones (PGlite and PostgreSQL give the same answer).

/** A calendar date; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const HOUR_MS = 3600_000;
/** Every offset in use lies within UTC−12…UTC+14; one more hour of margin each side. */
const SEARCH_BEFORE_MS = 15 * HOUR_MS;
const SEARCH_AFTER_MS = 13 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let found = formatters.get(tz);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, found);
  }
  return found;
}

/** Whether `tz` names a time zone this runtime knows (IANA names such as Europe/Moscow, or UTC). */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading at `at` in `tz`, as the epoch ms that reading would be in UTC. */
function wallClock(at: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The calendar date in `tz` at `at`. */
export function localDate(at: number, tz: string): LocalDate {
  const wall = new Date(wallClock(at, tz));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

const dateKey = (d: LocalDate) => d.year * 10_000 + d.month * 100 + d.day;

/** The date `days` days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The first day of the month holding `date`. */
export function firstOfMonth(date: LocalDate): LocalDate {
  return { year: date.year, month: date.month, day: 1 };
}

/** `YYYY-MM`, the plan document's month format. */
export function monthKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** Whether `at` is the first instant of its day in `tz` (the bounds the console sends are). */
export function isLocalMidnight(at: number, tz: string): boolean {
  return startOfDay(localDate(at, tz), tz) === at;
}

/**
 * The first instant of `date` in `tz` (its local midnight). Where a DST jump skips midnight, the
 * day starts at the first instant that belongs to it.
 */
export function startOfDay(date: LocalDate, tz: string): number {
  const key = dateKey(date);
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Fast path: the offset at the guess, corrected once for a change between the guess and midnight.
  let at = wall - (wallClock(wall, tz) - wall);
  at = wall - (wallClock(at, tz) - at);
  if (dateKey(localDate(at, tz)) === key && dateKey(localDate(at - 1, tz)) < key) return at;
  // Midnight does not exist (or happens twice) here: search the first instant of the date.
  let before = wall - SEARCH_BEFORE_MS;
  let after = wall + SEARCH_AFTER_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dateKey(localDate(middle, tz)) >= key) after = middle;
    else before = middle;
  }
  return after;
}
