// The history card of a document (its versions, restore) and, below it, the comparison of two of
// its versions. Loads the versions again whenever a new one becomes current.
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import type { Notice } from '../options/Notice';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { VersionDiff } from './VersionDiff';
import { VersionHistory } from './VersionHistory';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  kind: DocumentKind;
  documentId: string;
  currentVersion: number;
  readOnly: boolean;
  busy: boolean;
  onRestore: (version: ContentVersion) => void;
};

export function DocumentHistory({ t, locale, kind, documentId, currentVersion, readOnly, busy, onRestore }: Props) {
  const [versions, setVersions] = useState<ContentVersion[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    let stale = false;
    request('console.versions', { documentId })
      .then((list) => {
        if (!stale) setVersions([...list].sort((a, b) => b.version - a.version));
      })
      .catch((error: unknown) => {
        if (!stale) setNotice(consoleErrorNotice(error, t));
      });
    return () => {
      stale = true;
    };
  }, [documentId, currentVersion]);

  return (
    <>
      <section class="card" data-testid="console-history">
        <h2>{t('history.title')}</h2>
        {versions === null && notice === null && <p class="hint">{t('history.loading')}</p>}
        {versions && (
          <VersionHistory
            t={t}
            locale={locale}
            versions={versions}
            currentVersion={currentVersion}
            readOnly={readOnly}
            busy={busy}
            onRestore={onRestore}
          />
        )}
        <ConsoleNotice notice={notice} />
      </section>
      {versions && versions.length > 0 && <VersionDiff t={t} kind={kind} versions={versions} />}
    </>
  );
}
