// Shared helpers for unit tests: a fresh fake-IndexedDB database per test, and call fixtures.
import { invalidateConfig } from '@/lib/db/config-store';
import { PanelDatabase } from '@/lib/db/database';
import { applyPull, loadPullState } from '@/lib/db/document-store';
import type { SessionUser } from '@/lib/schema/api';
import type { CallRecord } from '@/lib/schema/call';
import type { PlanDocument } from '@/lib/schema/plan';
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

/** The logged-in operator of the background tests: one team, `TEST_TEAM`. */
export const TEST_TEAM = fakeUlid(1);
export const TEST_USER: SessionUser = {
  id: fakeUlid(3),
  login: 'operator',
  name: 'Оператор',
  role: 'operator',
  orgId: fakeUlid(4),
  orgName: 'Demo',
  teams: [{ id: TEST_TEAM, name: 'Team A' }],
};

let planSerial = 1000;

/**
 * Stores `body` as the next version of the test team's one plan document, as a pull would (with
 * the puller's invalidation after it).
 */
export async function pullPlan(db: PanelDatabase, body: PlanDocument, at: number): Promise<void> {
  planSerial += 1;
  const before = await loadPullState(db);
  const doc = {
    documentId: fakeUlid(99),
    versionId: fakeUlid(planSerial),
    kind: 'plan' as const,
    teamId: TEST_TEAM,
    version: planSerial,
    cursor: before.cursor + 1,
    body,
    note: '',
    publishedAt: at,
    publishedBy: 'lead',
  };
  await applyPull(db, { cursor: before.cursor + 1, scope: 'test', reset: false, documents: [doc] }, before, at);
  invalidateConfig(db, 'classifier');
}
