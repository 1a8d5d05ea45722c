// The workflow every versioned document of the console shares (classifier, content kinds, plan):
// the scopes the user may pick, the scope's documents and the base a draft starts from, publishing
// with a change note, rolling back by publishing an old version's body again, and the busy / dirty /
// outcome state around them. Each workspace keeps only its editor and its body's schema.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type Base, chooseBase, type ReadResult } from '../../lib/console/base';
import { mayPublish } from '../../lib/console/permissions';
import { firstScope, type Scope, scopesFor } from '../../lib/console/scopes';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { ContentVersion, DocumentKind, DocumentSummary, SessionUser } from '../../lib/schema/api';
import type { Notice } from '../options/Notice';
import { consoleErrorNotice } from './ConsoleNotice';

export interface VersionedDocumentOptions<B> {
  kind: DocumentKind;
  t: ConsoleTranslate;
  user: SessionUser;
  /** Reports unpublished changes, so the page keeps the user from leaving them by accident. */
  onDirty?: (dirty: boolean) => void;
  /** Reads a stored body as this kind's body. */
  read: (body: unknown) => ReadResult<B>;
  /** What a scope without a readable document starts from; keep it the same object between renders. */
  fallback: B;
  /** The outcome line when an old version does not read as the kind's body. */
  unreadableKey: 'history.unreadable' | 'history.unreadableContent';
  /** Adjusts an old version's body before it is published again (the classifier numbers it anew). */
  restored?: (body: B, own: DocumentSummary | null) => B;
}

export interface VersionedDocument<B> {
  scopes: Scope[];
  scope: string | null;
  /** Picks another scope; the last outcome line goes with the old one. */
  pickScope: (next: string | null) => void;
  readOnly: boolean;
  /** The scope's own document, if it has one. */
  own: DocumentSummary | null;
  /** What the draft starts from; null until the documents are loaded. */
  base: Base<B> | null;
  busy: boolean;
  dirty: boolean;
  notice: Notice;
  /** A new current version (or another scope) starts a fresh draft from it: the editor's key. */
  draftKey: string;
  /** The editor's dirty report; a new edit makes the last outcome old news. */
  markDirty: (next: boolean) => void;
  /** Publishes a draft with its change note; true when it was stored. */
  publishDraft: (body: B, note: string) => Promise<boolean>;
  /** Publishes an old version's body again, noting which one it was. */
  restore: (version: ContentVersion) => void;
}

export function useVersionedDocument<B>(options: VersionedDocumentOptions<B>): VersionedDocument<B> {
  const { kind, t, user, onDirty, read, fallback, unreadableKey, restored } = options;
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
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
  }, [load]);

  const readOnly = !mayPublish(user, kind, scope);
  const own = documents?.find((doc) => doc.teamId === scope) ?? null;
  const org = scope === null ? null : (documents?.find((doc) => doc.teamId === null) ?? null);
  // Parsed once per loaded answer and scope, not on every keystroke of the draft.
  const base = useMemo(
    () => (documents ? chooseBase(own, org, read, fallback) : null),
    [documents, scope, kind, fallback],
  );

  async function publish(body: B, note: string, done: (stored: ContentVersion) => string) {
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
    const old = read(version.body);
    if (!old.ok) {
      setNotice({ kind: 'error', text: t(unreadableKey, { version: version.version }) });
      return;
    }
    void publish(
      restored ? restored(old.value, own) : old.value,
      t('history.rollbackNote', { version: version.version }),
      (stored) => t('history.restored', { version: version.version, newVersion: stored.version }),
    );
  }

  return {
    scopes,
    scope,
    pickScope: (next) => {
      setScope(next);
      setNotice(null);
    },
    readOnly,
    own,
    base,
    busy,
    dirty,
    notice,
    draftKey: `${scope ?? 'org'}:${own?.current.versionId ?? 'none'}`,
    markDirty: (next) => {
      setDirty(next);
      if (next) setNotice(null);
    },
    publishDraft: (body, note) => publish(body, note, (stored) => t('publish.done', { version: stored.version })),
    restore,
  };
}
