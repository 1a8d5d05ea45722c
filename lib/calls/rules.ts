// Pure rules of the call lifecycle and the tagger: which call a keystroke tags, when a tag can
// still be undone, when a call counts as untagged, which calls belong to the current shift.
// Kept free of storage and clocks so they are tested directly and shared by panel and background.
import type { CallRecord, CallTag, SubscriberContext } from '../schema/call';

/** A call still open, or ended with its wrap-up window still running, takes new tags. */
export function acceptsTags(call: CallRecord, now: number): boolean {
  return call.endedAt === null || (call.wrapUpUntil !== null && now <= call.wrapUpUntil);
}

/** The call a tag hotkey applies to: the active call, else the newest call still in wrap-up. */
export function tagTarget(calls: readonly CallRecord[], now: number): CallRecord | null {
  const active = calls.find((c) => c.endedAt === null);
  if (active) return active;
  let newest: CallRecord | null = null;
  for (const call of calls) {
    if (acceptsTags(call, now) && (!newest || call.startedAt > newest.startedAt)) newest = call;
  }
  return newest;
}

/** Flagged when its wrap-up window closed with no tag: it will be counted until tagged. */
export function isUntagged(call: CallRecord, now: number): boolean {
  return call.tags.length === 0 && call.endedAt !== null && !acceptsTags(call, now);
}

export function countUntagged(calls: readonly CallRecord[], now: number): number {
  return calls.reduce((n, call) => n + (isUntagged(call, now) ? 1 : 0), 0);
}

/**
 * Adding a tag: several types per call are allowed; the same type twice is a no-op so a
 * repeated keystroke or a retried message never doubles it.
 */
export function withTag(call: CallRecord, tag: CallTag): CallRecord | null {
  if (call.tags.some((t) => t.typeId === tag.typeId)) return null;
  return { ...call, tags: [...call.tags, tag], updatedAt: tag.at };
}

/** The tag an undo would remove, if the undo window is still open. */
export function undoableTag(call: CallRecord, now: number, undoSeconds: number): CallTag | null {
  const last = call.tags.at(-1);
  if (!last || now - last.at > undoSeconds * 1000) return null;
  return last;
}

export function endedCall(call: CallRecord, now: number, wrapUpSeconds: number): CallRecord {
  const endedAt = Math.max(now, call.startedAt);
  return {
    ...call,
    endedAt,
    durationMs: endedAt - call.startedAt,
    wrapUpUntil: endedAt + wrapUpSeconds * 1000,
    updatedAt: now,
  };
}

/** Merge what the adapter read; empty readings never erase what was read before. */
export function mergeContext(
  call: CallRecord,
  callerNumber: string | null,
  subscriber: SubscriberContext,
  now: number,
): CallRecord | null {
  const merged: SubscriberContext = { ...call.subscriber };
  for (const [field, value] of Object.entries(subscriber) as [keyof SubscriberContext, string | undefined][]) {
    if (value) merged[field] = value;
  }
  const number = callerNumber || call.callerNumber;
  const changed =
    number !== call.callerNumber ||
    (Object.keys(merged) as (keyof SubscriberContext)[]).some((k) => merged[k] !== call.subscriber[k]);
  return changed ? { ...call, callerNumber: number, subscriber: merged, updatedAt: now } : null;
}

/** A gap this long without calls starts a new shift. */
export const SHIFT_GAP_MS = 4 * 60 * 60 * 1000;

/** The calls of the current shift, newest first: back from the newest call until a long gap. */
export function shiftCalls(calls: readonly CallRecord[], now: number): CallRecord[] {
  const sorted = [...calls].sort((a, b) => b.startedAt - a.startedAt);
  const shift: CallRecord[] = [];
  let boundary = now;
  for (const call of sorted) {
    const end = call.endedAt ?? now;
    if (boundary - end > SHIFT_GAP_MS) break;
    shift.push(call);
    boundary = call.startedAt;
  }
  return shift;
}
