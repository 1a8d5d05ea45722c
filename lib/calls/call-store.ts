// Call operations on the database. Each one writes the call row and its outbox event in one
// transaction: what the panel shows is exactly what will be uploaded, and a killed worker leaves
// both or neither (R02).
import { currentContentRefs } from '../content/effective';
import { classifierForCall, currentClassifier, loadSettings } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { newId } from '../db/ids';
import { appendEvent, appendEventAs, type DeviceIdentity, prefetchDevice } from '../db/outbox';
import {
  type CallDirection,
  type CallRecord,
  type CallSource,
  EMPTY_SCRIPT,
  type SubscriberContext,
} from '../schema/call';
import type { EventType } from '../schema/events';
import { rememberOnCommit } from './committed-copies';
import { endedCall, mergeContext, tagTarget, undoableTag, withTag } from './rules';

export class CallError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'bad_request',
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** How far back the background looks for the active call and the shift. */
export const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function recentCalls(db: PanelDatabase, now: number, limit = 200): Promise<CallRecord[]> {
  return db.calls
    .where('startedAt')
    .above(now - RECENT_WINDOW_MS)
    .reverse()
    .limit(limit)
    .toArray();
}

async function activeCall(db: PanelDatabase): Promise<CallRecord | undefined> {
  // endedAt is null for the active call; null is not indexable, so scan the recent ones.
  return (await db.calls.orderBy('startedAt').reverse().limit(20).toArray()).find((c) => c.endedAt === null);
}

/**
 * The transaction of every call write: the call, its outbox event (and the device row in meta).
 * `documents` and `contentVersions` only for reading: the classifier and content in effect, and the
 * versions a call started with, may be server documents.
 */
export function callTransaction<T>(db: PanelDatabase, work: () => Promise<T>): Promise<T> {
  // An async scope function: Dexie keeps its transaction zone across native awaits only for those.
  return db.transaction('rw', [db.calls, db.outbox, db.meta, db.documents, db.contentVersions], async () => {
    prefetchDevice(db);
    return await work();
  });
}

const rw = callTransaction;

/**
 * The end of every call write: the call and its event go to IndexedDB together, one round trip
 * to the browser's storage process instead of two. (An explicit `IDBTransaction.commit()` here
 * would save one more, but a write failing before it reaches IndexedDB, say a payload that
 * cannot be cloned, would then commit the call without its event: R02.) With `device`, the
 * event is numbered from it and nothing waits for the device row (see `appendEventAs`).
 */
export function saveCall(
  db: PanelDatabase,
  call: CallRecord,
  type: EventType,
  payload: unknown,
  now: number,
  { create = false, device }: { create?: boolean; device?: DeviceIdentity } = {},
): Promise<unknown> {
  rememberOnCommit(db, call);
  return Promise.all([
    create ? db.calls.add(call) : db.calls.put(call),
    device ? appendEventAs(db, device, type, payload, now) : appendEvent(db, type, payload, now),
  ]);
}

/**
 * The call a panel action applies to: the one named, else the active call, else the newest one in
 * its wrap-up window; null when there is none. Inside a call transaction.
 */
export async function actionTarget(
  db: PanelDatabase,
  callId: string | undefined,
  now: number,
): Promise<CallRecord | null> {
  if (callId) return (await db.calls.get(callId)) ?? null;
  return tagTarget(await recentCalls(db, now, 20), now);
}

export interface StartCall {
  source: CallSource;
  origin: string | null;
  tabId: number | null;
  callerNumber?: string | null;
  direction?: CallDirection;
  subscriber?: SubscriberContext;
}

/** Start a call, or return the active one: two detectors seeing the same call make one record. */
export function startCall(db: PanelDatabase, input: StartCall, now: number): Promise<CallRecord> {
  return rw(db, async () => {
    const active = await activeCall(db);
    if (active) return active;
    const classifier = await currentClassifier(db);
    // Everything the call will show and be checked against, fixed for its whole life (R11).
    const content = await currentContentRefs(db);
    const call: CallRecord = {
      id: newId(now),
      startedAt: now,
      endedAt: null,
      durationMs: null,
      direction: input.direction ?? 'unknown',
      source: input.source,
      origin: input.origin,
      sourceTabId: input.tabId,
      callerNumber: input.callerNumber ?? null,
      subscriber: input.subscriber ?? {},
      tags: [],
      wrapUpUntil: null,
      versions: { classifier: classifier.ref, ...content },
      script: EMPTY_SCRIPT,
      updatedAt: now,
    };
    await saveCall(db, call, 'call.started', call, now, { create: true });
    return call;
  });
}

/** End the active call (if any) and open its wrap-up window. */
export function endCall(db: PanelDatabase, now: number, onlyTabId?: number): Promise<CallRecord | null> {
  return rw(db, async () => {
    const active = await activeCall(db);
    if (!active) return null;
    if (onlyTabId !== undefined && (active.source === 'manual' || active.sourceTabId !== onlyTabId)) return null;
    const { wrapUpSeconds } = await loadSettings(db);
    const ended = endedCall(active, now, wrapUpSeconds);
    await saveCall(db, ended, 'call.ended', ended, now);
    return ended;
  });
}

export async function toggleCall(db: PanelDatabase, now: number): Promise<CallRecord | null> {
  const ended = await endCall(db, now);
  if (ended) return ended;
  return startCall(db, { source: 'manual', origin: null, tabId: null, direction: 'inbound' }, now);
}

export function tagCall(
  db: PanelDatabase,
  typeId: string,
  callId: string | undefined,
  now: number,
): Promise<CallRecord> {
  return rw(db, async () => {
    const call = callId ? await db.calls.get(callId) : tagTarget(await recentCalls(db, now, 20), now);
    if (!call) throw new CallError('not_found', callId ? 'no such call' : 'no call to tag');
    // The call's own classifier version, not necessarily the newest (R11).
    const classifier = await classifierForCall(db, call);
    if (!classifier.types.some((t) => t.id === typeId))
      throw new CallError('bad_request', `unknown call type "${typeId}"`);
    const tag = { id: newId(now), typeId, at: now };
    const tagged = withTag(call, tag);
    if (!tagged) return call;
    await saveCall(db, tagged, 'call.tagged', { callId: call.id, tag }, now);
    return tagged;
  });
}

export function undoLastTag(db: PanelDatabase, callId: string | undefined, now: number): Promise<CallRecord> {
  return rw(db, async () => {
    const { undoSeconds } = await loadSettings(db);
    const candidates = callId ? [await db.calls.get(callId)] : await recentCalls(db, now, 20);
    // Without an id, undo the most recently tagged call.
    const call = candidates
      .filter((c): c is CallRecord => c !== undefined && c.tags.length > 0)
      .sort((a, b) => (b.tags.at(-1)?.at ?? 0) - (a.tags.at(-1)?.at ?? 0))[0];
    const tag = call && undoableTag(call, now, undoSeconds);
    if (!call || !tag) throw new CallError('conflict', 'nothing to undo');
    const untagged = { ...call, tags: call.tags.filter((t) => t.id !== tag.id), updatedAt: now };
    await saveCall(db, untagged, 'call.untagged', { callId: call.id, tagId: tag.id }, now);
    return untagged;
  });
}

/** Attach what a site adapter read to the active call. */
export function updateContext(
  db: PanelDatabase,
  callerNumber: string | null,
  subscriber: SubscriberContext,
  now: number,
): Promise<CallRecord | null> {
  return rw(db, async () => {
    const active = await activeCall(db);
    if (!active) return null;
    const merged = mergeContext(active, callerNumber, subscriber, now);
    if (!merged) return active;
    await saveCall(db, merged, 'call.updated', merged, now);
    return merged;
  });
}
