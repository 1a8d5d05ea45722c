// The one local database, opened only in the background context (DESIGN.md: data lives in the
// extension's origin). Shipped versions are never edited: a schema change adds `version(n+1)`
// with an `upgrade` that migrates rows in place, and the outbox is carried over untouched.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CallRecord } from '../schema/call';
import type { OutboxEvent } from '../schema/events';
import type { Site } from '../schema/settings';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'operator-panel';

export class PanelDatabase extends Dexie {
  calls!: EntityTable<CallRecord, 'id'>;
  /** Events waiting for upload; removed only when the server acknowledges them. */
  outbox!: EntityTable<OutboxEvent, 'id'>;
  /** Small singletons: device identity and sequence, settings, classifier. */
  meta!: Table<MetaRow, string>;
  sites!: EntityTable<Site, 'origin'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      calls: 'id, startedAt, endedAt',
      outbox: 'id, &seq',
      meta: 'key',
      sites: 'origin',
    });
  }
}
