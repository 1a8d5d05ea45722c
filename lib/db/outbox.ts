// Appending to the outbox. Always called inside the transaction that writes the data the event
// describes, so a crash leaves both or neither (R02), and the per-device sequence is allocated
// in that same transaction, so concurrent writers never produce a gap or a duplicate (R15).
import Dexie from 'dexie';
import { EVENT_SCHEMA_VERSION, type EventType, type OutboxEvent } from '../schema/events';
import type { MetaRow, PanelDatabase } from './database';
import { newId } from './ids';

export interface DeviceIdentity {
  deviceId: string;
  /** The sequence number the next event gets; starts at 1 for a new installation. */
  nextSeq: number;
}

export const DEVICE_KEY = 'device';

/** The installation's identity, created once. A reinstall has an empty database: a new device (R08). */
export async function deviceIdentity(db: PanelDatabase): Promise<DeviceIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(DEVICE_KEY);
    if (row) return row.value as DeviceIdentity;
    const identity = { deviceId: newId(), nextSeq: 1 };
    await db.meta.put({ key: DEVICE_KEY, value: identity });
    return identity;
  });
}

/**
 * Device rows read at the start of a write transaction, before its first `appendEvent` needs them:
 * the read then travels to the storage process together with the writer's own first reads instead
 * of after them (one round trip less on the tag and outcome paths). Keyed by the Dexie transaction
 * and consumed once, so a second event in the same transaction reads the row the first one wrote.
 */
const prefetched = new WeakMap<object, PromiseLike<MetaRow | undefined>>();

/** Start reading the device row in the current transaction (see `prefetched`). */
export function prefetchDevice(db: PanelDatabase): void {
  const tx = Dexie.currentTransaction;
  if (tx) prefetched.set(tx, db.meta.get(DEVICE_KEY));
}

/** This transaction's early device read, if it has one not yet used (each is used once). */
function takePrefetched(): PromiseLike<MetaRow | undefined> | undefined {
  const tx = Dexie.currentTransaction;
  const early = tx ? prefetched.get(tx) : undefined;
  if (tx && early) prefetched.delete(tx);
  return early;
}

/** The device row as stored when this transaction began: the early read if still untaken, else now. */
export function storedDeviceRow(db: PanelDatabase): PromiseLike<MetaRow | undefined> {
  return takePrefetched() ?? db.meta.get(DEVICE_KEY);
}

/**
 * Runs `done` once the current transaction has committed, `undone` if it aborts. On the IndexedDB
 * transaction itself: for a nested Dexie transaction that is the parent's, so `done` never runs
 * for a write that is rolled back.
 */
export function afterCommit(done: () => void, undone?: () => void): void {
  const idb = Dexie.currentTransaction?.idbtrans;
  idb?.addEventListener('complete', done);
  if (undone) idb?.addEventListener('abort', undone);
}

/**
 * The device identity as this context last committed it: what the next event's number is, unless
 * someone else wrote the row since (only a write that reads the row to confirm may rely on it).
 */
const committedDevices = new WeakMap<PanelDatabase, DeviceIdentity>();

export function committedDevice(db: PanelDatabase): DeviceIdentity | undefined {
  return committedDevices.get(db);
}

async function deviceForEvent(db: PanelDatabase): Promise<DeviceIdentity> {
  const early = takePrefetched();
  const row = early && (await early);
  // No early read, or no row yet (a new installation): read, and create it if need be.
  return row ? (row.value as DeviceIdentity) : deviceIdentity(db);
}

type Listener = () => void;
const listeners = new WeakMap<PanelDatabase, Set<Listener>>();

/**
 * Called after a transaction that appended events has committed: the syncer uploads soon after
 * every local write without each writer having to know about it.
 */
export function onEventAppended(db: PanelDatabase, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

function notifyOnCommit(db: PanelDatabase): void {
  const set = listeners.get(db);
  if (!set?.size) return;
  afterCommit(() => {
    for (const listener of set) listener();
  });
}

const OUTSIDE = 'appendEvent must run inside the transaction of its data';

export async function appendEvent(
  db: PanelDatabase,
  type: EventType,
  payload: unknown,
  at: number,
): Promise<OutboxEvent> {
  if (!Dexie.currentTransaction) throw new Error(OUTSIDE);
  return appendEventAs(db, await deviceForEvent(db), type, payload, at);
}

/**
 * `appendEvent` with the device identity already in hand for this transaction (read in it, or a
 * committed copy the caller confirms in it before commit): both writes are sent at the call.
 */
export async function appendEventAs(
  db: PanelDatabase,
  identity: DeviceIdentity,
  type: EventType,
  payload: unknown,
  at: number,
): Promise<OutboxEvent> {
  if (!Dexie.currentTransaction) throw new Error(OUTSIDE);
  const event: OutboxEvent = {
    id: newId(at),
    deviceId: identity.deviceId,
    seq: identity.nextSeq,
    type,
    at,
    schemaVersion: EVENT_SCHEMA_VERSION,
    payload,
  };
  // Both writes go out together: inside one transaction IndexedDB runs them in order, and each
  // request awaited on its own costs a round trip to the browser's storage process (the tag path).
  const next: DeviceIdentity = { deviceId: identity.deviceId, nextSeq: identity.nextSeq + 1 };
  const written = Promise.all([db.meta.put({ key: DEVICE_KEY, value: next }), db.outbox.add(event)]);
  afterCommit(
    () => committedDevices.set(db, next),
    () => committedDevices.delete(db),
  );
  await written;
  notifyOnCommit(db);
  return event;
}
