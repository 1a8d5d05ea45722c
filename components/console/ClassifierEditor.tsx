// The draft of one server classifier document in the console: names in the three languages, order,
// tag keys, added and removed types (the options page's CallTypeRow), and the publish form with
// its required change note. The draft is checked here; the server checks again and its refusal is
// shown in words by the parent.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { Classifier } from '../../lib/schema/classifier';
import { type CallTypeEditRow, CallTypeTable } from '../options/CallTypeTable';
import { classifierProblems, MAX_TYPES, newCallType } from '../options/ClassifierSection';
import type { Notice } from '../options/Notice';
import { ConsoleNotice } from './ConsoleNotice';

const NOTE_MAX = 500;

/** A draft row; `rowKey` keeps Preact's identity while ids are edited and rows move. */
type Row = CallTypeEditRow;

type Props = {
  t: ConsoleTranslate;
  /** The options page's texts, for the reused call-type rows and draft checks. */
  ot: OptionsTranslate;
  /** What the draft starts from: the current version, or the org-wide/default list for a new one. */
  base: Classifier;
  /** The version number the next publication gets. */
  nextVersion: number;
  /** A first publication may publish the starting list unchanged. */
  isNew: boolean;
  readOnly: boolean;
  busy: boolean;
  onDirty: (dirty: boolean) => void;
  /** Publishes; resolves `true` when the server stored it (the parent then shows the new version). */
  onPublish: (body: Classifier, note: string) => Promise<boolean>;
};

export function ClassifierEditor({ t, ot, base, nextVersion, isNew, readOnly, busy, onDirty, onPublish }: Props) {
  const nextKey = useRef(0);
  const toRows = (from: Classifier): Row[] =>
    from.types.map((type) => ({ rowKey: nextKey.current++, isNew: false, type }));
  const [rows, setRows] = useState<Row[]>(() => toRows(base));
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  const types = rows.map((row) => row.type);
  const dirty = JSON.stringify(types) !== JSON.stringify(base.types);
  useEffect(() => onDirty(dirty && !readOnly), [dirty, readOnly]);

  const edit = (next: Row[] | ((current: Row[]) => Row[])) => {
    setRows(next);
    setNotice(null);
  };

  function move(index: number, delta: -1 | 1) {
    const a = rows[index];
    const b = rows[index + delta];
    if (!a || !b) return;
    const next = rows.slice();
    next[index] = b;
    next[index + delta] = a;
    edit(next);
  }

  async function publish() {
    const found = classifierProblems(types, ot, null);
    if (found.length > 0) {
      setNotice({ kind: 'error', text: t('publish.fixFirst'), details: found });
      return;
    }
    const parsed = Classifier.safeParse({ version: nextVersion, types });
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      setNotice({ kind: 'error', text: t('publish.schemaRefused'), details });
      return;
    }
    const text = note.trim();
    if (!text) {
      setNotice({ kind: 'error', text: t('publish.noteMissing') });
      return;
    }
    setNotice(null);
    if (await onPublish(parsed.data, text)) setNote('');
  }

  return (
    <div class="classifier-editor" data-testid="console-editor" data-read-only={readOnly ? 'true' : 'false'}>
      {/* A disabled fieldset makes every control of the reused rows read-only at once. */}
      <fieldset class="plain" disabled={readOnly || busy}>
        <CallTypeTable t={ot} rows={rows} edit={edit} move={move} />
        {!readOnly && (
          <>
            <div class="actions">
              <button
                type="button"
                data-testid="console-add-type"
                disabled={rows.length >= MAX_TYPES}
                onClick={() =>
                  edit([
                    ...rows,
                    { rowKey: nextKey.current++, isNew: true, type: newCallType(types, new Set<string>()) },
                  ])
                }
              >
                {ot('classifier.add')}
              </button>
              <button type="button" data-testid="console-discard" disabled={!dirty} onClick={() => edit(toRows(base))}>
                {t('editor.discard')}
              </button>
              {dirty && <span class="hint">{t('editor.unsaved')}</span>}
            </div>
            <div class="publish">
              <h3>{t('publish.title')}</h3>
              <label class="field">
                <span class="field-label">{t('publish.note')}</span>
                <input
                  type="text"
                  data-testid="console-note"
                  maxLength={NOTE_MAX}
                  value={note}
                  onInput={(event) => {
                    setNote(event.currentTarget.value);
                    setNotice(null);
                  }}
                />
                <small class="hint">{t('publish.noteHint')}</small>
              </label>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  data-testid="console-publish"
                  disabled={!dirty && !isNew}
                  onClick={() => void publish()}
                >
                  {t('publish.button')}
                </button>
              </div>
            </div>
          </>
        )}
      </fieldset>
      <ConsoleNotice notice={notice} />
    </div>
  );
}
