// The console's work on one content kind (scripts, objections, checklist, tariffs): pick a scope
// (organisation-wide or a team), start a draft from its current version (or the organisation's, or
// the built-in default), edit it beside a live preview, publish with a change note, browse the
// history, compare two versions and roll back by publishing an old version's body again.
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { effectiveBody, readWith } from '../../lib/console/base';
import { type ContentBodies, type ContentKind, defaultContent, readContent } from '../../lib/console/documents';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { DocumentSummary, SessionUser } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import { TariffCatalogue } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';
import { DraftEditor } from './DraftEditor';
import type { EditorContext, EditorProps } from './editor-props';
import { useVersionedDocument } from './use-versioned-document';
import { VersionedWorkspace } from './VersionedWorkspace';

const TITLES: Record<ContentKind, { title: ConsoleKey; intro: ConsoleKey; readOnly: ConsoleKey }> = {
  scripts: { title: 'scripts.title', intro: 'scripts.intro', readOnly: 'scripts.readOnly' },
  objections: { title: 'objections.title', intro: 'objections.intro', readOnly: 'objections.readOnly' },
  checklist: { title: 'checklist.title', intro: 'checklist.intro', readOnly: 'checklist.readOnly' },
  tariffs: { title: 'tariffs.title', intro: 'tariffs.intro', readOnly: 'tariffs.readOnly' },
};

const BASE_KEYS = {
  org: 'doc.contentFromOrg',
  default: 'doc.contentFromDefault',
  unreadable: 'doc.contentUnreadable',
} as const;

const readClassifier = (body: unknown) => readWith(Classifier, body);
const readTariffs = (body: unknown) => readWith(TariffCatalogue, body);

type Props<K extends ContentKind> = {
  kind: K;
  t: ConsoleTranslate;
  locale: Locale;
  user: SessionUser;
  Editor: ComponentType<EditorProps<ContentBodies[K]>>;
  /** Reports unpublished changes, so the page keeps the user from leaving them by accident. */
  onDirty?: (dirty: boolean) => void;
};

export function DocumentWorkspace<K extends ContentKind>({ kind, t, locale, user, Editor, onDirty }: Props<K>) {
  const [classifiers, setClassifiers] = useState<DocumentSummary[] | null>(null);
  const [tariffDocs, setTariffDocs] = useState<DocumentSummary[] | null>(null);
  const doc = useVersionedDocument<ContentBodies[K]>({
    kind,
    t,
    user,
    onDirty,
    read: (body) => readContent(kind, body),
    fallback: defaultContent(kind),
    unreadableKey: 'history.unreadableContent',
  });
  const { scope } = doc;

  useEffect(() => {
    // The preview's context: the call types and tariffs in effect. Without them the defaults serve.
    request('console.documents', { kind: 'classifier' }).then(setClassifiers, () => setClassifiers([]));
    if (kind !== 'tariffs')
      request('console.documents', { kind: 'tariffs' }).then(setTariffDocs, () => setTariffDocs([]));
  }, [kind]);

  const callTypes = useMemo(
    () => effectiveBody(classifiers, scope, readClassifier, DEFAULT_CLASSIFIER).types,
    [classifiers, scope],
  );
  const tariffs = useMemo(
    () => (kind === 'tariffs' ? null : effectiveBody(tariffDocs, scope, readTariffs, defaultContent('tariffs'))),
    [tariffDocs, scope, kind],
  );
  const ctx: EditorContext = useMemo(() => ({ t, locale, callTypes, tariffs }), [t, locale, callTypes, tariffs]);

  const titles = TITLES[kind];
  return (
    <VersionedWorkspace
      t={t}
      locale={locale}
      kind={kind}
      doc={doc}
      card={{ class: 'card workspace', testId: 'console-workspace', kind }}
      keys={{ ...titles, noScope: 'scope.none', base: BASE_KEYS }}
      editor={(base) => (
        <DraftEditor
          key={doc.draftKey}
          kind={kind}
          ctx={ctx}
          base={base.body}
          // Nothing of its own yet, or an unreadable current version: the start may be published as is.
          isNew={doc.own === null || base.from === 'unreadable'}
          readOnly={doc.readOnly}
          busy={doc.busy}
          Editor={Editor}
          onDirty={doc.markDirty}
          onPublish={doc.publishDraft}
        />
      )}
    />
  );
}
