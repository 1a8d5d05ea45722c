// The demo organisation's content: the default classifier, script modules, objection answers and
// tariff catalogue published organisation-wide by the admin, and the call checklist by the trainer
// (who builds it in the real world). The demo call history records these versions.
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '../../lib/content/defaults';
import type { DocumentKind } from '../../lib/schema/api';
import type { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../../lib/schema/content';
import type { Database } from '../db/database';
import { publishVersion } from '../documents/publish';

/** What the demo call history is made with: the published bodies and their version ids. */
export interface DemoContent {
  versions: Record<DocumentKind, string>;
  scripts: ScriptSet;
  objections: ObjectionSet;
  checklist: Checklist;
  tariffs: TariffCatalogue;
}

const RELEASES: { kind: DocumentKind; body: unknown; note: string; by: 'admin' | 'trainer' }[] = [
  { kind: 'classifier', body: DEFAULT_CLASSIFIER, note: 'Классификатор по умолчанию', by: 'admin' },
  { kind: 'tariffs', body: DEFAULT_TARIFFS, note: 'Тарифы и услуги на текущий месяц', by: 'admin' },
  { kind: 'scripts', body: DEFAULT_SCRIPTS, note: 'Речевые модули: допродажа на входящих', by: 'admin' },
  { kind: 'objections', body: DEFAULT_OBJECTIONS, note: 'Ответы на частые возражения', by: 'admin' },
  { kind: 'checklist', body: DEFAULT_CHECKLIST, note: 'Чек-лист по итогам обучения', by: 'trainer' },
];

export async function publishDemoContent(
  db: Database,
  orgId: string,
  publishers: { admin: string; trainer: string },
  now: number,
): Promise<DemoContent> {
  const versions = {} as Record<DocumentKind, string>;
  for (const release of RELEASES) {
    const version = await publishVersion(db, {
      orgId,
      kind: release.kind,
      teamId: null,
      body: release.body,
      note: release.note,
      publishedBy: publishers[release.by],
      now,
    });
    versions[release.kind] = version.versionId;
  }
  return {
    versions,
    scripts: DEFAULT_SCRIPTS,
    objections: DEFAULT_OBJECTIONS,
    checklist: DEFAULT_CHECKLIST,
    tariffs: DEFAULT_TARIFFS,
  };
}
