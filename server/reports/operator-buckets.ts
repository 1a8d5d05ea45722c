// The time buckets of the operator report, pure: every local midnight from the first day of the
// month holding `from` up to `to` (month-to-date attainment needs the days before `from` too), plus
// `from` itself when it falls inside a day, so the rows count exactly [from, to). SQL puts each call
// in its bucket with width_bucket(started_at, boundaries); each bucket knows its day, ISO week and
// month in the report's time zone.
import { addDays, firstOfMonth, type LocalDate, localDate, mondayOf, monthKey, startOfDay } from './period';

export interface Bucket {
  /** First instant of the bucket (epoch ms); the bucket ends where the next one starts, or at `to`. */
  start: number;
  /** Local midnight of the day the bucket belongs to. */
  dayStart: number;
  /** Local midnight of the following day. */
  dayEnd: number;
  /** Local midnight of the Monday starting the bucket's ISO week, and of the Monday after. */
  weekStart: number;
  weekEnd: number;
  /** `YYYY-MM` of the bucket's day, and its first local midnight. */
  month: string;
  monthStart: number;
}

export function operatorBuckets(from: number, to: number, tz: string): Bucket[] {
  const buckets: Bucket[] = [];
  const midnights = new Map<string, number>();
  const midnight = (date: LocalDate) => {
    const key = `${date.year}-${date.month}-${date.day}`;
    let found = midnights.get(key);
    if (found === undefined) {
      found = startOfDay(date, tz);
      midnights.set(key, found);
    }
    return found;
  };
  let day: LocalDate = firstOfMonth(localDate(from, tz));
  let dayStart = midnight(day);
  while (dayStart < to) {
    const next = addDays(day, 1);
    const dayEnd = midnight(next);
    const monday = mondayOf(day);
    const calendar = {
      dayStart,
      dayEnd,
      weekStart: midnight(monday),
      weekEnd: midnight(addDays(monday, 7)),
      month: monthKey(day),
      monthStart: midnight(firstOfMonth(day)),
    };
    buckets.push({ start: dayStart, ...calendar });
    if (from > dayStart && from < dayEnd) buckets.push({ start: from, ...calendar });
    day = next;
    dayStart = dayEnd;
  }
  return buckets;
}

/** Index of the first bucket starting at or after `at` (buckets.length when none does). */
export function firstBucketFrom(buckets: readonly Bucket[], at: number): number {
  let low = 0;
  let high = buckets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (buckets[middle]!.start < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
