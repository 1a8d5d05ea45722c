// Compares two versions of a document: pick them from its history (the one before the current and
// the current, at first) and see what was added, removed, changed (field by field, word by word)
// or moved, keyed by the ids inside the document (lib/content/diff.ts).
import { useMemo, useState } from 'preact/hooks';
import { planFieldText } from '../../lib/console/plan-problem-text';
import { fieldText } from '../../lib/console/problem-text';
import { type DiffEntry, diffContent } from '../../lib/content/diff';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import { DiffText } from './DiffText';

const CHANGE_KEYS: Record<DiffEntry['change'], ConsoleKey> = {
  added: 'diff.added',
  removed: 'diff.removed',
  changed: 'diff.changed',
  moved: 'diff.moved',
};

type Props = {
  t: ConsoleTranslate;
  kind: DocumentKind;
  /** Newest first. */
  versions: readonly ContentVersion[];
};

function VersionSelect({
  label,
  testId,
  versions,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  versions: readonly ContentVersion[];
  value: string;
  onChange: (versionId: string) => void;
}) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <select data-testid={testId} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {versions.map((version) => (
          <option key={version.versionId} value={version.versionId}>
            {version.version}
            {version.note ? ` — ${version.note}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function EntryDetail({ t, entry }: { t: ConsoleTranslate; entry: DiffEntry }) {
  if (entry.change === 'changed' && entry.before !== undefined && entry.after !== undefined) {
    return <DiffText before={entry.before} after={entry.after} />;
  }
  if (entry.change === 'added' && entry.after !== undefined) return <span class="diff-add-text">{entry.after}</span>;
  if (entry.change === 'removed' && entry.before !== undefined) return <del class="diff-del">{entry.before}</del>;
  if (entry.change === 'moved') {
    const params = { from: entry.before ?? '', to: entry.after ?? '' };
    return (
      <span class="hint">{t(entry.field === 'section' ? 'diff.movedSection' : 'diff.movedPosition', params)}</span>
    );
  }
  return null;
}

export function VersionDiff({ t, kind, versions }: Props) {
  const [olderId, setOlderId] = useState(versions[1]?.versionId ?? versions[0]?.versionId ?? '');
  const [newerId, setNewerId] = useState(versions[0]?.versionId ?? '');
  const older = versions.find((v) => v.versionId === olderId) ?? versions[1] ?? versions[0];
  const newer = versions.find((v) => v.versionId === newerId) ?? versions[0];
  const entries = useMemo(
    () => (older && newer ? diffContent(kind, older.body, newer.body) : []),
    [kind, older, newer],
  );

  return (
    <section class="card" data-testid="console-diff">
      <h2>{t('diff.title')}</h2>
      {versions.length < 2 ? (
        <p class="hint">{t('diff.needTwo')}</p>
      ) : (
        <>
          <div class="row">
            <VersionSelect
              label={t('diff.from')}
              testId="diff-from"
              versions={versions}
              value={older?.versionId ?? ''}
              onChange={setOlderId}
            />
            <VersionSelect
              label={t('diff.to')}
              testId="diff-to"
              versions={versions}
              value={newer?.versionId ?? ''}
              onChange={setNewerId}
            />
          </div>
          {older === newer ? (
            <p class="hint">{t('diff.same')}</p>
          ) : entries.length === 0 ? (
            <p class="hint" data-testid="diff-empty">
              {t('diff.none')}
            </p>
          ) : (
            <ul class="diff-list" data-testid="diff-entries">
              {entries.map((entry, index) => (
                <li
                  key={`${entry.key}:${entry.field ?? ''}:${index}`}
                  class={`diff-entry diff-entry--${entry.change}`}
                  data-testid="diff-entry"
                  data-change={entry.change}
                  data-key={entry.key}
                >
                  <span class={`badge diff-badge diff-badge--${entry.change}`}>{t(CHANGE_KEYS[entry.change])}</span>{' '}
                  <strong>{kind === 'plan' ? planFieldText(entry.label, t) : entry.label}</strong>
                  {entry.field && entry.change === 'changed' && (
                    <span class="diff-field" data-field={entry.field}>
                      {' · '}
                      {kind === 'plan' ? planFieldText(entry.field, t) : fieldText(entry.field, t)}
                    </span>
                  )}
                  <div class="diff-detail">
                    <EntryDetail t={t} entry={entry} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
