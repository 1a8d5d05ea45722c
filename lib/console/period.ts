// The period the quality views ask the server about: whole local days, picked with date inputs.
// Pure conversions between epoch ms and the `YYYY-MM-DD` value of <input type="date">.

export interface Period {
  from: number;
  to: number;
}

const DAY = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of the local day containing `ms`. */
export function toDateInput(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Start (00:00:00.000) or end (23:59:59.999) of the local day an input value names; null if invalid. */
export function fromDateInput(value: string, edge: 'start' | 'end'): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d)) return null;
  if (edge === 'end') date.setHours(23, 59, 59, 999);
  return date.getTime();
}

/** The last `days` whole local days up to and including today. */
export function lastDays(now: number, days: number): Period {
  const end = fromDateInput(toDateInput(now), 'end') ?? now;
  const start = fromDateInput(toDateInput(now - (days - 1) * DAY), 'start') ?? now - days * DAY;
  return { from: start, to: end };
}

/** mm:ss, or h:mm:ss from an hour on, for call durations. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
