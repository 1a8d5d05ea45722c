// `/api/v1/documents`: the console's view of content. Listing and version history for leads (their
// teams and organisation-wide), trainers and admins (the whole organisation); publishing and
// rollback by the roles each kind allows (kinds.ts). Operators get content through sync only.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { DocumentKind, type DocumentSummary, PublishBody } from '../../lib/schema/api';
import { ShortText } from '../../lib/schema/primitives';
import type { AppEnv } from '../auth/context';
import { requireAuth } from '../auth/middleware';
import type { ServerDeps } from '../deps';
import { ApiFailure, parseJson } from '../http/errors';
import { limitBody, ulidValue } from '../sync/params';
import { assertMayPublish, assertMayRead, mayReadTeam } from './access';
import { findDocument, publishVersion, rollbackTo } from './publish';
import { listVersions, toContentVersion, VERSION_COLUMNS, VERSION_FROM, type VersionRow } from './versions';

/** Content bodies are text a person edited: a megabyte is far beyond any real one. */
const MAX_PUBLISH_BYTES = 1024 * 1024;

const RollbackBody = z.object({
  version: z.number().check(z.int(), z.positive()),
  note: z.optional(ShortText(400)),
});

function kindValue(raw: string | undefined): DocumentKind {
  const parsed = DocumentKind.safeParse(raw);
  if (!parsed.success) throw new ApiFailure('bad_request', `kind: expected one of ${DocumentKind.options.join(', ')}`);
  return parsed.data;
}

export function documentRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(deps.now));

  app.get('/', async (c) => {
    const user = c.var.user;
    assertMayRead(user);
    const rawKind = c.req.query('kind');
    const kind = rawKind === undefined ? null : kindValue(rawKind);
    const everyTeam = user.role === 'admin' || user.role === 'trainer';
    const rows = await c.var.db.query<VersionRow>(
      `select distinct on (d.id) ${VERSION_COLUMNS} from ${VERSION_FROM}
        where d.org_id = $1 and ($2::text is null or d.kind = $2)
          and ($3 or d.team_id is null or d.team_id = any($4::text[]))
        order by d.id, v.version desc`,
      [user.orgId, kind, everyTeam, user.teamIds],
    );
    const list: DocumentSummary[] = rows.map((row) => ({
      documentId: row.document_id,
      kind: row.kind,
      teamId: row.team_id,
      current: toContentVersion(row),
    }));
    return c.json(list);
  });

  app.get('/:documentId/versions', async (c) => {
    const user = c.var.user;
    assertMayRead(user);
    const document = await findDocument(c.var.db, user.orgId, ulidValue('documentId', c.req.param('documentId')));
    if (!mayReadTeam(user, document.teamId)) throw new ApiFailure('forbidden', "this is another team's document");
    return c.json(await listVersions(c.var.db, document.id));
  });

  app.post('/:kind/publish', limitBody(MAX_PUBLISH_BYTES), async (c) => {
    const user = c.var.user;
    const kind = kindValue(c.req.param('kind'));
    const body = await parseJson(c, PublishBody);
    await assertMayPublish(c.var.db, user, kind, body.teamId);
    const version = await publishVersion(c.var.db, {
      orgId: user.orgId,
      kind,
      teamId: body.teamId,
      body: body.body,
      note: body.note,
      publishedBy: user.id,
      now: deps.now(),
    });
    return c.json(version, 201);
  });

  app.post('/:documentId/rollback', limitBody(MAX_PUBLISH_BYTES), async (c) => {
    const user = c.var.user;
    const documentId = ulidValue('documentId', c.req.param('documentId'));
    const body = await parseJson(c, RollbackBody);
    const document = await findDocument(c.var.db, user.orgId, documentId);
    await assertMayPublish(c.var.db, user, document.kind, document.teamId);
    const version = await rollbackTo(c.var.db, {
      orgId: user.orgId,
      documentId: document.id,
      version: body.version,
      note: body.note ?? '',
      publishedBy: user.id,
      now: deps.now(),
    });
    return c.json(version, 201);
  });

  return app;
}
