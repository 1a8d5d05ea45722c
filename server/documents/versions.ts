// Reading published versions: one SQL select list and one row-to-ContentVersion mapping, shared by
// pull, the documents API and version lookups for calls, so every answer has the same shape.
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import type { Queryable } from '../db/database';

/** Columns of `document_versions v join documents d join users u`, in the shape of VersionRow. */
export const VERSION_COLUMNS = `d.id as document_id, v.id as version_id, d.kind, d.team_id, v.version, v.cursor,
  v.body, v.note, v.published_at, u.name as published_by_name`;

export const VERSION_FROM = `document_versions v join documents d on d.id = v.document_id
  join users u on u.id = v.published_by`;

export interface VersionRow {
  document_id: string;
  version_id: string;
  kind: DocumentKind;
  team_id: string | null;
  version: number;
  cursor: number;
  body: unknown;
  note: string;
  published_at: number;
  published_by_name: string;
}

export function toContentVersion(row: VersionRow): ContentVersion {
  return {
    documentId: row.document_id,
    versionId: row.version_id,
    kind: row.kind,
    teamId: row.team_id,
    version: row.version,
    cursor: row.cursor,
    body: row.body,
    note: row.note,
    publishedAt: row.published_at,
    // The publisher's display name (the console shows it); the user id stays in the database.
    publishedBy: row.published_by_name,
  };
}

/** One version by its id, within an organisation; null when there is none there. */
export async function findVersion(db: Queryable, orgId: string, versionId: string): Promise<ContentVersion | null> {
  const [row] = await db.query<VersionRow>(
    `select ${VERSION_COLUMNS} from ${VERSION_FROM} where v.id = $1 and d.org_id = $2`,
    [versionId, orgId],
  );
  return row ? toContentVersion(row) : null;
}

/** Every version of a document, newest first. */
export async function listVersions(db: Queryable, documentId: string): Promise<ContentVersion[]> {
  const rows = await db.query<VersionRow>(
    `select ${VERSION_COLUMNS} from ${VERSION_FROM} where v.document_id = $1 order by v.version desc`,
    [documentId],
  );
  return rows.map(toContentVersion);
}
