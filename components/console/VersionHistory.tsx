// Every published version of the selected document (number, when, who, note), newest first, and
// "restore this version": the parent publishes that version's body again as a new version, since a
// published version never changes. Server text (names, notes) is shown as text only.
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ContentVersion } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { ConfirmButton } from '../options/ConfirmButton';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  /** Newest first. */
  versions: readonly ContentVersion[];
  currentVersion: number;
  readOnly: boolean;
  busy: boolean;
  onRestore: (version: ContentVersion) => void;
};

export function VersionHistory({ t, locale, versions, currentVersion, readOnly, busy, onRestore }: Props) {
  if (versions.length === 0) return <p class="hint">{t('history.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="history">
        <thead>
          <tr>
            <th scope="col">{t('history.colVersion')}</th>
            <th scope="col">{t('history.colWhen')}</th>
            <th scope="col">{t('history.colWho')}</th>
            <th scope="col">{t('history.colNote')}</th>
            {!readOnly && <th scope="col">{t('history.colActions')}</th>}
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.versionId} data-testid="console-version" data-version={version.version}>
              <td class="num">
                {version.version}
                {version.version === currentVersion && <span class="badge">{t('history.current')}</span>}
              </td>
              <td>
                {new Date(version.publishedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td>{version.publishedBy}</td>
              <td class="note">{version.note}</td>
              {!readOnly && (
                <td class="row-actions" data-testid={`console-restore-${version.version}`}>
                  {version.version !== currentVersion && (
                    <ConfirmButton
                      label={t('history.restore')}
                      question={t('history.restoreQuestion', { version: version.version })}
                      yes={t('common.yes')}
                      no={t('common.no')}
                      disabled={busy}
                      onConfirm={() => onRestore(version)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
