// Appending to the outbox. Always called inside the transaction that writes the data the event
// describes, so a crash leaves both or neither (R02), and the per-device sequence is allocated
// in that same transaction, so concurrent writers never produce a gap or a duplicate (R15).
import Dexie from 'dexie';
import { EVENT_SCHEMA_VERSION, type EventType, type OutboxEvent } from '../schema/events';
import type { PanelDatabase } from './database';
import { newId } from './ids';

interface DeviceIdentity {
  deviceId: string;
  /** The sequence number the next event gets; starts at 1 for a new installation. */
  nextSeq: number;
}

const DEVICE_KEY = 'device';

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

export async function appendEvent(
  db: PanelDatabase,
  type: EventType,
  payload: unknown,
  at: number,
): Promise<OutboxEvent> {
  if (!Dexie.currentTransaction) throw new Error('appendEvent must run inside the transaction of its data');
  const identity = await deviceIdentity(db);
  const event: OutboxEvent = {
    id: newId(at),
    deviceId: identity.deviceId,
    seq: identity.nextSeq,
    type,
    at,
    schemaVersion: EVENT_SCHEMA_VERSION,
    payload,
  };
  await db.meta.put({ key: DEVICE_KEY, value: { ...identity, nextSeq: identity.nextSeq + 1 } });
  await db.outbox.add(event);
  return event;
}
