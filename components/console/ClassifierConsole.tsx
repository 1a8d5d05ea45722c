// The console's classifier work: pick a scope, load the server's classifier documents, edit the
// chosen one and publish it, and browse or restore its versions. A team without a document of its
// own starts from the organisation-wide list (or the default one). Leads work on their teams;
// admins also on the organisation-wide list; trainers see everything read-only (the server lets
// leads and admins publish a classifier).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import type { ContentVersion, DocumentSummary, SessionUser } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import type { Locale } from '../../lib/schema/primitives';
import type { Notice } from '../options/Notice';
import { ClassifierEditor } from './ClassifierEditor';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { type Scope, ScopePicker } from './ScopePicker';
import { VersionHistory } from './VersionHistory';

type Props = {
  t: ConsoleTranslate;
  ot: OptionsTranslate;
  locale: Locale;
  user: SessionUser;
};

/** Where the editor's starting list came from, for the line above it. */
type Base =
  | { from: 'current'; classifier: Classifier; version: ContentVersion }
  | { from: 'org'; classifier: Classifier; version: ContentVersion }
  | { from: 'default'; classifier: Classifier }
  | { from: 'unreadable'; classifier: Classifier; version: ContentVersion; message: string };

function readBody(version: ContentVersion): { ok: true; classifier: Classifier } | { ok: false; message: string } {
  const parsed = Classifier.safeParse(version.body);
  return parsed.success
    ? { ok: true, classifier: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? '' };
}

function baseFor(own: DocumentSummary | null, org: DocumentSummary | null): Base {
  if (own) {
    const read = readBody(own.current);
    return read.ok
      ? { from: 'current', classifier: read.classifier, version: own.current }
      : { from: 'unreadable', classifier: DEFAULT_CLASSIFIER, version: own.current, message: read.message };
  }
  if (org) {
    const read = readBody(org.current);
    if (read.ok) return { from: 'org', classifier: read.classifier, version: org.current };
  }
  return { from: 'default', classifier: DEFAULT_CLASSIFIER };
}

/**
 * Leads: their teams. Admins and trainers (who read the whole organisation): the organisation-wide
 * list, their teams, and any other team that already has a document (named by its id's tail, as
 * the session knows only the user's own team names).
 */
function scopesFor(user: SessionUser, documents: readonly DocumentSummary[] | null, t: ConsoleTranslate): Scope[] {
  const wholeOrg = user.role === 'admin' || user.role === 'trainer';
  const scopes: Scope[] = wholeOrg ? [{ teamId: null, label: t('scope.org', { org: user.orgName }) }] : [];
  for (const team of user.teams) scopes.push({ teamId: team.id, label: t('scope.team', { team: team.name }) });
  if (wholeOrg) {
    for (const doc of documents ?? []) {
      const teamId = doc.teamId;
      if (teamId !== null && !scopes.some((scope) => scope.teamId === teamId)) {
        scopes.push({ teamId, label: t('scope.otherTeam', { id: teamId.slice(-6) }) });
      }
    }
  }
  return scopes;
}

export function ClassifierConsole({ t, ot, locale, user }: Props) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const scopes = scopesFor(user, documents, t);
  const readOnly = user.role === 'trainer';
  const [scope, setScope] = useState<string | null>(scopes[0]?.teamId ?? null);
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
    const read = readBody(version);
    if (!read.ok) {
      setNotice({ kind: 'error', text: t('history.unreadable', { version: version.version }) });
      return;
    }
    void publish(
      { ...read.classifier, version: nextVersion },
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

  const base = documents ? baseFor(own, scope === null ? null : org) : null;
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
            <p class="hint" data-testid="console-base" data-from={base.from}>
              {base.from === 'current' &&
                t('doc.current', {
                  version: base.version.version,
                  when: new Date(base.version.publishedAt).toLocaleString(locale, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                  who: base.version.publishedBy,
                })}
              {base.from === 'org' && t('doc.fromOrg', { version: base.version.version })}
              {base.from === 'default' && t('doc.fromDefault')}
              {base.from === 'unreadable' &&
                t('doc.unreadable', { version: base.version.version, message: base.message })}
            </p>
            <ClassifierEditor
              // A new current version (or another scope) starts a fresh draft from it.
              key={`${scope ?? 'org'}:${own?.current.versionId ?? 'none'}`}
              t={t}
              ot={ot}
              base={base.classifier}
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
        <VersionHistory
          t={t}
          locale={locale}
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
