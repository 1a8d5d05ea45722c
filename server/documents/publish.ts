// Publishing content: validates the body for its kind, stores it as the document's next immutable
// version and notifies every server process (LISTEN/NOTIFY, delivered at commit) so online panels
// pull within seconds (R10). Publishes of one organisation are serialised by a lock, so cursors
// commit in the order they were handed out and a pull never skips a version.
import { ulid } from 'ulid';
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import type { Database, Queryable } from '../db/database';
import { CONTENT_CHANNEL } from '../deps';
import { ApiFailure } from '../http/errors';
import { isStorable } from '../sync/pg-text';
import { assertTeamInOrg } from './access';
import { KINDS } from './kinds';
import { findVersion } from './versions';

const PUBLISH_LOCK = 748_213_002;

export interface PublishInput {
  orgId: string;
  kind: DocumentKind;
  teamId: string | null;
  body: unknown;
  note: string;
  /** The publishing user's id. */
  publishedBy: string;
  now: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The body as it will be stored for `version`, or a 400 with the schema's complaint. */
function validBody(kind: DocumentKind, body: unknown, version: number): unknown {
  // The server numbers versions: whatever `version` the editor sent is replaced before checking.
  const numbered = isPlainObject(body) ? { ...body, version } : body;
  const parsed = KINDS[kind].schema.safeParse(numbered);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    throw new ApiFailure('bad_request', `invalid ${kind}: ${problems}`);
  }
  if (!isStorable(parsed.data))
    throw new ApiFailure('bad_request', `invalid ${kind}: text holds a NUL or broken character`);
  return parsed.data;
}

export async function publishVersion(db: Database, input: PublishInput): Promise<ContentVersion> {
  validBody(input.kind, input.body, 1); // fail fast, before taking the organisation's lock
  if (!isStorable(input.note)) throw new ApiFailure('bad_request', 'note: holds a NUL or broken character');
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PUBLISH_LOCK, input.orgId]);
    await assertTeamInOrg(tx, input.orgId, input.teamId);
    const documentId = await documentFor(tx, input);
    const [next] = await tx.query<{ version: number }>(
      'select coalesce(max(version), 0) + 1 as version from document_versions where document_id = $1',
      [documentId],
    );
    const version = next?.version ?? 1;
    const body = validBody(input.kind, input.body, version);
    const versionId = ulid(input.now);
    const [row] = await tx.query<{ cursor: number }>(
      `insert into document_versions (id, document_id, version, body, note, published_by, published_at)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7) returning cursor`,
      [versionId, documentId, version, JSON.stringify(body), input.note, input.publishedBy, input.now],
    );
    await tx.query('select pg_notify($1, $2)', [CONTENT_CHANNEL, `${input.orgId}:${row?.cursor}`]);
    const stored = await findVersion(tx, input.orgId, versionId);
    if (!stored) throw new Error('the version just published cannot be read back');
    return stored;
  });
}

/** The document for (organisation, kind, team), created on its first publish. */
async function documentFor(tx: Queryable, input: PublishInput): Promise<string> {
  await tx.query(
    `insert into documents (id, org_id, kind, team_id, created_at) values ($1, $2, $3, $4, $5)
     on conflict (org_id, kind, (coalesce(team_id, ''))) do nothing`,
    [ulid(input.now), input.orgId, input.kind, input.teamId, input.now],
  );
  const [row] = await tx.query<{ id: string }>(
    `select id from documents where org_id = $1 and kind = $2 and coalesce(team_id, '') = coalesce($3::text, '')`,
    [input.orgId, input.kind, input.teamId],
  );
  if (!row) throw new Error('the document just created cannot be read back');
  return row.id;
}

export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  teamId: string | null;
}

/** A document of the organisation, or 404 (also for another organisation's document). */
export async function findDocument(db: Queryable, orgId: string, documentId: string): Promise<StoredDocument> {
  const [row] = await db.query<{ id: string; kind: DocumentKind; team_id: string | null }>(
    'select id, kind, team_id from documents where id = $1 and org_id = $2',
    [documentId, orgId],
  );
  if (!row) throw new ApiFailure('not_found', 'no such document');
  return { id: row.id, kind: row.kind, teamId: row.team_id };
}

export interface RollbackInput {
  orgId: string;
  documentId: string;
  version: number;
  note: string;
  publishedBy: string;
  now: number;
}

/** Publishes an earlier version's body again as a new version; published versions never change. */
export async function rollbackTo(db: Database, input: RollbackInput): Promise<ContentVersion> {
  const document = await findDocument(db, input.orgId, input.documentId);
  const [old] = await db.query<{ body: unknown }>(
    'select body from document_versions where document_id = $1 and version = $2',
    [document.id, input.version],
  );
  if (!old) throw new ApiFailure('not_found', `this document has no version ${input.version}`);
  const note = `Rollback to version ${input.version}${input.note ? `: ${input.note}` : ''}`.slice(0, 500);
  return publishVersion(db, { ...input, kind: document.kind, teamId: document.teamId, body: old.body, note });
}
