// Shared helpers for unit tests: a fresh fake-IndexedDB database per test, and call fixtures.
import { PanelDatabase } from '@/lib/db/database';
import type { CallRecord } from '@/lib/schema/call';
import { callRecord } from '../support/call-fixture';

let counter = 0;
export function freshDb(): PanelDatabase {
  counter += 1;
  return new PanelDatabase(`test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function fakeUlid(n: number): string {
  let s = '';
  let x = n;
  for (let i = 0; i < 26; i++) {
    s = ULID_CHARS[x % 32] + s;
    x = Math.floor(x / 32);
  }
  return s;
}

export function makeCall(overrides: Partial<CallRecord> = {}): CallRecord {
  return callRecord(T0, {
    id: fakeUlid(Math.floor(Math.random() * 1e9)),
    direction: 'inbound',
    versions: { classifier: 0 },
    ...overrides,
  });
}
