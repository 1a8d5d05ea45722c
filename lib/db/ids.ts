// ULIDs for calls, tags, events and the device: sortable by time, made without coordination.
import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

export function newId(now: number = Date.now()): string {
  return next(now);
}
