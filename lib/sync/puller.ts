// Downloads content: everything that changed after the stored cursor, applied with the new cursor
// in one transaction (document-store.ts, R09). A `reset` whose cursor is behind ours means the
// server went back in time (restored backup, R07): the syncer then checks what it lost of ours.
import { invalidateConfig } from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { applyPull, loadPullState } from '../db/document-store';
import type { ApiClient } from './api-client';

export interface PullReport {
  documents: number;
  reset: boolean;
  /** The server's cursor is behind the one this device had: it lost history. */
  serverWentBack: boolean;
}

export async function pullDocuments(db: PanelDatabase, api: ApiClient): Promise<PullReport> {
  const before = await loadPullState(db);
  const answer = await api.pull(before.cursor, before.scope);
  const applied = await applyPull(db, answer, before);
  // The classifier in effect may have changed: panels re-read it.
  if (applied && (answer.reset || answer.documents.length > 0)) invalidateConfig(db, 'classifier');
  return {
    documents: applied ? answer.documents.length : 0,
    reset: applied && answer.reset,
    serverWentBack: applied && answer.reset && answer.cursor < before.cursor,
  };
}
