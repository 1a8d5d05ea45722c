// The one local database, opened only in the background context (DESIGN.md: data lives in the
// extension's origin). Shipped versions are never edited: a schema change adds `version(n+1)`
// with an `upgrade` that migrates rows in place, and the outbox is carried over untouched.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ContentVersion } from '../schema/api';
import type { CallRecord } from '../schema/call';
import type { OutboxEvent } from '../schema/events';
import type { Site } from '../schema/settings';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** An event the server acknowledged, kept for a while in case the server loses it (R07). */
export interface SentEvent extends OutboxEvent {
  sentAt: number;
}

export const DATABASE_NAME = 'operator-panel';

export class PanelDatabase extends Dexie {
  calls!: EntityTable<CallRecord, 'id'>;
  /** Events waiting for upload; removed only when the server acknowledges them. */
  outbox!: EntityTable<OutboxEvent, 'id'>;
  /** Small singletons: device identity and sequence, settings, classifier, session, pull cursor. */
  meta!: Table<MetaRow, string>;
  sites!: EntityTable<Site, 'origin'>;
  /** The newest version of every server document visible to the user, replaced by each pull. */
  documents!: EntityTable<ContentVersion, 'documentId'>;
  /** Acknowledged events, pruned after 14 days: what a server restored from a backup lacks. */
  sent!: EntityTable<SentEvent, 'id'>;
  /**
   * Every content version pulled, current or not, by version id: what a call started with stays
   * readable after a newer release and after a worker restart (R11). Pruned by document-store.ts.
   */
  contentVersions!: EntityTable<ContentVersion, 'versionId'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      calls: 'id, startedAt, endedAt',
      outbox: 'id, &seq',
      meta: 'key',
      sites: 'origin',
    });
    // Version 2 (sync): only new tables, so no upgrade function; the outbox is untouched (R12).
    this.version(2).stores({
      documents: 'documentId, kind',
      sent: 'id, &seq, sentAt',
    });
    // Version 3 (scripts, objections, checklists): a new table only; the outbox is untouched (R12).
    // The documents already pulled are the versions calls in progress started with: copy them.
    this.version(3)
      .stores({ contentVersions: 'versionId, documentId, kind' })
      .upgrade(async (tx) => {
        await tx.table('contentVersions').bulkPut(await tx.table('documents').toArray());
      });
  }
}
