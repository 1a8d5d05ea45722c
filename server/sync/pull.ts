// Download: the newest version of every document the user may see (organisation-wide plus their
// teams') that changed after the client's cursor. When the client's view was computed for other
// teams, or its cursor is ahead of the server (database restored from an older backup, R07), the
// answer is a reset: the full current set, which replaces what the client holds (R09: the client
// applies it in one transaction).
import type { PullAnswer } from '../../lib/schema/api';
import type { Database } from '../db/database';
import { toContentVersion, VERSION_COLUMNS, VERSION_FROM, type VersionRow } from '../documents/versions';

export interface Puller {
  orgId: string;
  teamIds: string[];
}

/** Names the set of documents a user sees; stable for the same organisation and teams. */
export function scopeOf(user: Puller): string {
  return `org:${user.orgId}|teams:${[...user.teamIds].sort().join(',')}`;
}

/**
 * The scope the client gets back also names the version at the answer's cursor (`|head:<id>`).
 * A database restored from an older backup re-issues cursor numbers to new versions; the head id
 * then no longer matches, and the client gets a reset even when the cursors have caught up (R07).
 */
function splitScope(scope: string | null): { base: string | null; head: string | null } {
  if (scope === null) return { base: null, head: null };
  const at = scope.lastIndexOf('|head:');
  return at < 0 ? { base: scope, head: null } : { base: scope.slice(0, at), head: scope.slice(at + 6) };
}

export async function pullContent(
  db: Database,
  user: Puller,
  cursor: number,
  scope: string | null,
): Promise<PullAnswer> {
  const current = scopeOf(user);
  // One snapshot for both reads: the answer's cursor never covers a version the answer lacks.
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const [org] = await tx.query<{ cursor: number }>(
      `select coalesce(max(v.cursor), 0) as cursor
         from document_versions v join documents d on d.id = v.document_id where d.org_id = $1`,
      [user.orgId],
    );
    const orgCursor = org?.cursor ?? 0;
    const client = splitScope(scope);
    let reset = client.base !== current || cursor > orgCursor;
    if (!reset && cursor > 0) {
      const [atCursor] = await tx.query<{ id: string }>('select id from document_versions where cursor = $1', [cursor]);
      reset = atCursor?.id !== client.head;
    }
    const rows = await tx.query<VersionRow>(
      `select * from (
         select distinct on (d.id) ${VERSION_COLUMNS} from ${VERSION_FROM}
          where d.org_id = $1 and (d.team_id is null or d.team_id = any($2::text[]))
          order by d.id, v.version desc) latest
        where latest.cursor > $3
        order by latest.cursor`,
      [user.orgId, user.teamIds, reset ? 0 : cursor],
    );
    const [head] = await tx.query<{ id: string }>('select id from document_versions where cursor = $1', [orgCursor]);
    return {
      cursor: orgCursor,
      scope: `${current}|head:${head?.id ?? 'none'}`,
      reset,
      documents: rows.map(toContentVersion),
    };
  });
}
