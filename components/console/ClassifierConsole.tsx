// The console's classifier work: pick a scope, load the server's classifier documents, edit the
// chosen one and publish it, browse, compare or restore its versions. A team without a document of
// its own starts from the organisation-wide list (or the default one). Leads work on their teams;
// admins also on the organisation-wide list; trainers see everything read-only (the server lets
// leads and admins publish a classifier).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import { chooseBase, readWith } from '../../lib/console/base';
import { mayPublish } from '../../lib/console/permissions';
import { firstScope, scopesFor } from '../../lib/console/scopes';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import type { ContentVersion, DocumentSummary, SessionUser } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import type { Notice } from '../options/Notice';
import { BaseNotice } from './BaseNotice';
import { ClassifierEditor } from './ClassifierEditor';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { DocumentHistory } from './DocumentHistory';
import { ScopePicker } from './ScopePicker';

type Props = {
  t: ConsoleTranslate;
  ot: OptionsTranslate;
  locale: Locale;
  user: SessionUser;
  /** Reports unpublished changes, so the page keeps the user from leaving them by accident. */
  onDirty?: (dirty: boolean) => void;
};

const readClassifier = (body: unknown) => readWith(Classifier, body);

export function ClassifierConsole({ t, ot, locale, user, onDirty }: Props) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const scopes = scopesFor(user, documents, {
    org: (org) => t('scope.org', { org }),
    team: (team) => t('scope.team', { team }),
    otherTeam: (id) => t('scope.otherTeam', { id }),
  });
  const [scope, setScope] = useState<string | null>(() =>
    firstScope(scopes, (teamId) => mayPublish(user, 'classifier', teamId)),
  );
  const readOnly = !mayPublish(user, 'classifier', scope);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    try {
      setDocuments(await request('console.documents', { kind: 'classifier' }));
    } catch (error) {
      setNotice(consoleErrorNotice(error, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => onDirty?.(dirty), [dirty]);

  const own = documents?.find((doc) => doc.teamId === scope) ?? null;
  const org = documents?.find((doc) => doc.teamId === null) ?? null;
  const nextVersion = (own?.current.version ?? 0) + 1;

  async function publish(body: Classifier, note: string, done: (version: ContentVersion) => string): Promise<boolean> {
    setBusy(true);
    setNotice(null);
    try {
      const stored = await request('console.publish', { kind: 'classifier', teamId: scope, body, note });
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
    const read = readClassifier(version.body);
    if (!read.ok) {
      setNotice({ kind: 'error', text: t('history.unreadable', { version: version.version }) });
      return;
    }
    void publish(
      { ...read.value, version: nextVersion },
      t('history.rollbackNote', { version: version.version }),
      (stored) => t('history.restored', { version: version.version, newVersion: stored.version }),
    );
  }

  if (scopes.length === 0) {
    return (
      <section class="card" data-testid="console-no-scope">
        <p>{t('scope.none')}</p>
      </section>
    );
  }

  const base = documents ? chooseBase(own, scope === null ? null : org, readClassifier, DEFAULT_CLASSIFIER) : null;
  return (
    <>
      <section class="card" data-testid="console-classifier">
        <h2>{t('classifier.title')}</h2>
        <p class="hint">{t('classifier.intro')}</p>
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
        {readOnly && <p class="notice notice-info">{t('doc.readOnly')}</p>}
        {base === null ? (
          notice === null && <p class="hint">{t('scope.loading')}</p>
        ) : (
          <>
            <BaseNotice
              t={t}
              locale={locale}
              base={base}
              keys={{ org: 'doc.fromOrg', default: 'doc.fromDefault', unreadable: 'doc.unreadable' }}
            />
            <ClassifierEditor
              // A new current version (or another scope) starts a fresh draft from it.
              key={`${scope ?? 'org'}:${own?.current.versionId ?? 'none'}`}
              t={t}
              ot={ot}
              base={base.body}
              nextVersion={nextVersion}
              isNew={own === null}
              readOnly={readOnly}
              busy={busy}
              onDirty={(next) => {
                setDirty(next);
                // A new edit makes the last outcome old news.
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
          kind="classifier"
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
