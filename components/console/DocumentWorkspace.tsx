// The console's work on one content kind (scripts, objections, checklist, tariffs): pick a scope
// (organisation-wide or a team), start a draft from its current version (or the organisation's, or
// the built-in default), edit it beside a live preview, publish with a change note, browse the
// history, compare two versions and roll back by publishing an old version's body again.
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { chooseBase, effectiveBody, readWith } from '../../lib/console/base';
import { type ContentBodies, type ContentKind, defaultContent, readContent } from '../../lib/console/documents';
import { mayPublish } from '../../lib/console/permissions';
import { firstScope, scopesFor } from '../../lib/console/scopes';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { ContentVersion, DocumentSummary, SessionUser } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import { TariffCatalogue } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';
import type { Notice } from '../options/Notice';
import { BaseNotice } from './BaseNotice';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { DocumentHistory } from './DocumentHistory';
import { DraftEditor } from './DraftEditor';
import type { EditorContext, EditorProps } from './editor-props';
import { ScopePicker } from './ScopePicker';

const TITLES: Record<ContentKind, { title: ConsoleKey; intro: ConsoleKey; readOnly: ConsoleKey }> = {
  scripts: { title: 'scripts.title', intro: 'scripts.intro', readOnly: 'scripts.readOnly' },
  objections: { title: 'objections.title', intro: 'objections.intro', readOnly: 'objections.readOnly' },
  checklist: { title: 'checklist.title', intro: 'checklist.intro', readOnly: 'checklist.readOnly' },
  tariffs: { title: 'tariffs.title', intro: 'tariffs.intro', readOnly: 'tariffs.readOnly' },
};

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
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [classifiers, setClassifiers] = useState<DocumentSummary[] | null>(null);
  const [tariffDocs, setTariffDocs] = useState<DocumentSummary[] | null>(null);
  const scopes = scopesFor(user, documents, {
    org: (org) => t('scope.org', { org }),
    team: (team) => t('scope.team', { team }),
    otherTeam: (id) => t('scope.otherTeam', { id }),
  });
  const [scope, setScope] = useState<string | null>(() =>
    firstScope(scopes, (teamId) => mayPublish(user, kind, teamId)),
  );
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    try {
      setDocuments(await request('console.documents', { kind }));
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
    }
  }, [kind, t]);

  useEffect(() => onDirty?.(dirty), [dirty]);

  useEffect(() => {
    void load();
    // The preview's context: the call types and tariffs in effect. Without them the defaults serve.
    request('console.documents', { kind: 'classifier' }).then(setClassifiers, () => setClassifiers([]));
    if (kind !== 'tariffs')
      request('console.documents', { kind: 'tariffs' }).then(setTariffDocs, () => setTariffDocs([]));
  }, [load, kind]);

  const readOnly = !mayPublish(user, kind, scope);
  const own = documents?.find((doc) => doc.teamId === scope) ?? null;
  const org = scope === null ? null : (documents?.find((doc) => doc.teamId === null) ?? null);
  // Parsed once per loaded answer and scope, not on every keystroke of the draft.
  const base = useMemo(
    () => (documents ? chooseBase(own, org, (body) => readContent(kind, body), defaultContent(kind)) : null),
    [documents, scope, kind],
  );
  const callTypes = useMemo(
    () => effectiveBody(classifiers, scope, readClassifier, DEFAULT_CLASSIFIER).types,
    [classifiers, scope],
  );
  const tariffs = useMemo(
    () => (kind === 'tariffs' ? null : effectiveBody(tariffDocs, scope, readTariffs, defaultContent('tariffs'))),
    [tariffDocs, scope, kind],
  );
  const ctx: EditorContext = useMemo(() => ({ t, locale, callTypes, tariffs }), [t, locale, callTypes, tariffs]);

  async function publish(body: ContentBodies[K], note: string, done: (stored: ContentVersion) => string) {
    setBusy(true);
    setNotice(null);
    try {
      const stored = await request('console.publish', { kind, teamId: scope, body, note });
      setNotice({ kind: 'ok', text: done(stored) });
      await load();
      return true;
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function restore(version: ContentVersion) {
    const old = readContent(kind, version.body);
    if (!old.ok) {
      setNotice({ kind: 'error', text: t('history.unreadableContent', { version: version.version }) });
      return;
    }
    void publish(old.value, t('history.rollbackNote', { version: version.version }), (stored) =>
      t('history.restored', { version: version.version, newVersion: stored.version }),
    );
  }

  const titles = TITLES[kind];
  if (scopes.length === 0) {
    return (
      <section class="card" data-testid="console-no-scope">
        <p>{t('scope.none')}</p>
      </section>
    );
  }
  return (
    <>
      <section class="card workspace" data-testid="console-workspace" data-kind={kind}>
        <h2>{t(titles.title)}</h2>
        <p class="hint">{t(titles.intro)}</p>
        <ScopePicker
          t={t}
          scopes={scopes}
          value={scope}
          locked={dirty || busy}
          onChange={(next) => {
            setScope(next);
            setNotice(null);
          }}
        />
        {readOnly && <p class="notice notice-info">{t(titles.readOnly)}</p>}
        {base === null ? (
          notice === null && <p class="hint">{t('scope.loading')}</p>
        ) : (
          <>
            <BaseNotice
              t={t}
              locale={locale}
              base={base}
              keys={{
                org: 'doc.contentFromOrg',
                default: 'doc.contentFromDefault',
                unreadable: 'doc.contentUnreadable',
              }}
            />
            <DraftEditor
              // A new current version (or another scope) starts a fresh draft from it.
              key={`${scope ?? 'org'}:${own?.current.versionId ?? 'none'}`}
              kind={kind}
              ctx={ctx}
              base={base.body}
              // Nothing of its own yet, or an unreadable current version: the start may be published as is.
              isNew={own === null || base.from === 'unreadable'}
              readOnly={readOnly}
              busy={busy}
              Editor={Editor}
              onDirty={(next) => {
                setDirty(next);
                if (next) setNotice(null);
              }}
              onPublish={(body, note) =>
                publish(body, note, (stored) => t('publish.done', { version: stored.version }))
              }
            />
          </>
        )}
        <ConsoleNotice notice={notice} />
      </section>
      {own && (
        <DocumentHistory
          t={t}
          locale={locale}
          kind={kind}
          documentId={own.documentId}
          currentVersion={own.current.version}
          readOnly={readOnly}
          busy={busy}
          onRestore={restore}
        />
      )}
    </>
  );
}
