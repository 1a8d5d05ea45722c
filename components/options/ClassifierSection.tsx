// Edits the call classifier: the list of call types the operator tags calls with. Changes stay in
// a local draft until saved; the draft is checked here (messages in the operator's language) and
// then by the background, whose refusal is shown as it comes. While a server session exists the
// server owns the classifier (leads edit it in the console), so the list is shown read-only.
// Also home of the draft checks and the new-row helper that the console's editor reuses.
import { useRef, useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import { type CallType, Classifier } from '../../lib/schema/classifier';
import type { Settings } from '../../lib/schema/settings';
import { type CallTypeEditRow, CallTypeTable } from './CallTypeTable';
import { ConfirmButton } from './ConfirmButton';
import { comboLabel, keyLabel, sameModifiers } from './KeyCapture';
import { errorNotice, type Notice, NoticeText } from './Notice';

export const MAX_TYPES = 30;
const ID_PATTERN = /^[a-z0-9_-]{1,40}$/;

type Props = {
  t: OptionsTranslate;
  settings: Settings;
  classifier: Classifier;
  /** The server that manages the classifier while someone is logged in; `null`: edited here. */
  managedBy: string | null;
  onSaved: (classifier: Classifier) => void;
};

/** A draft row; `rowKey` keeps Preact's identity while ids are edited and rows move. */
type Row = CallTypeEditRow;

/** Keys that, with the tag modifiers, would be the start/end-call or undo hotkey. */
function hotkeyKeys(settings: Settings): Set<string> {
  const keys = new Set<string>();
  for (const hotkey of [
    settings.toggleCall,
    settings.undoTag,
    settings.objections,
    settings.search,
    settings.checklist,
  ]) {
    if (sameModifiers(hotkey.modifiers, settings.tagModifiers)) keys.add(hotkey.key);
  }
  return keys;
}

/**
 * Everything wrong with a draft, in the reader's language. With `settings`, tag keys that would
 * clash with this operator's other hotkeys count too (a server classifier has no one operator).
 */
export function classifierProblems(
  types: readonly CallType[],
  t: OptionsTranslate,
  settings: Settings | null,
): string[] {
  const found: string[] = [];
  if (types.length === 0) found.push(t('classifier.error.empty'));
  if (types.length > MAX_TYPES) found.push(t('classifier.error.tooMany', { max: MAX_TYPES }));
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  const reserved = settings ? hotkeyKeys(settings) : new Set<string>();
  types.forEach((type, index) => {
    const n = index + 1;
    if (!ID_PATTERN.test(type.id)) found.push(t('classifier.error.id', { n }));
    if (!type.names.ru.trim()) found.push(t('classifier.error.name', { n, language: t('classifier.nameRu') }));
    if (!type.names.en.trim()) found.push(t('classifier.error.name', { n, language: t('classifier.nameEn') }));
    if (!type.names.pl.trim()) found.push(t('classifier.error.name', { n, language: t('classifier.namePl') }));
    const sameId = ids.get(type.id);
    if (type.id && sameId !== undefined)
      found.push(t('classifier.error.duplicateId', { id: type.id, n, other: sameId }));
    else ids.set(type.id, n);
    if (type.key === null) return;
    const sameKey = keys.get(type.key);
    if (sameKey !== undefined) {
      found.push(t('classifier.error.duplicateKey', { key: keyLabel(type.key, t), n, other: sameKey }));
    } else keys.set(type.key, n);
    if (settings && reserved.has(type.key)) {
      found.push(t('classifier.error.hotkeyClash', { n, combo: comboLabel(settings.tagModifiers, type.key, t) }));
    }
  });
  return found;
}

/** A blank type with an unused id and the first free digit key (if any) not in `reserved`. */
export function newCallType(types: readonly CallType[], reserved: ReadonlySet<string>): CallType {
  const usedIds = new Set(types.map((type) => type.id));
  let n = types.length + 1;
  while (usedIds.has(`type_${n}`)) n++;
  const usedKeys = new Set(types.map((type) => type.key));
  const freeDigit = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']
    .map((d) => `Digit${d}`)
    .find((code) => !usedKeys.has(code) && !reserved.has(code));
  return { id: `type_${n}`, names: { ru: '', en: '', pl: '' }, key: freeDigit ?? null };
}

/** Rows of a list that is only shown: the position is a stable enough identity. */
function toRowsFixed(saved: Classifier): Row[] {
  return saved.types.map((type, index) => ({ rowKey: index, isNew: false, type }));
}

function sameTypes(a: readonly CallType[], b: readonly CallType[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function ClassifierSection({ t, settings, classifier, managedBy, onSaved }: Props) {
  const nextKey = useRef(0);
  const toRows = (saved: Classifier): Row[] =>
    saved.types.map((type) => ({ rowKey: nextKey.current++, isNew: false, type }));

  const [rows, setRows] = useState<Row[]>(() => toRows(classifier));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const types = rows.map((row) => row.type);
  const dirty = !sameTypes(types, classifier.types);

  const edit = (next: Row[] | ((current: Row[]) => Row[])) => {
    setRows(next);
    setNotice(null);
  };

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    const a = rows[index];
    const b = rows[target];
    if (!a || !b) return;
    const next = rows.slice();
    next[index] = b;
    next[target] = a;
    edit(next);
  }

  function add() {
    const type = newCallType(types, hotkeyKeys(settings));
    edit([...rows, { rowKey: nextKey.current++, isNew: true, type }]);
  }

  function applySaved(saved: Classifier, text: string) {
    onSaved(saved);
    setRows(toRows(saved));
    setNotice({ kind: 'ok', text });
  }

  async function save() {
    const found = classifierProblems(types, t, settings);
    if (found.length > 0) {
      setNotice({ kind: 'error', text: t('common.fixFirst'), details: found });
      return;
    }
    const parsed = Classifier.safeParse({ version: classifier.version, types });
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      setNotice({ kind: 'error', text: t('common.schemaRefused'), details });
      return;
    }
    setBusy(true);
    try {
      const saved = await request('classifier.save', { classifier: parsed.data });
      applySaved(saved, t('classifier.saved', { version: saved.version }));
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    setBusy(true);
    try {
      const saved = await request('classifier.reset', {});
      applySaved(saved, t('classifier.resetDone'));
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  const reserved = hotkeyKeys(settings);
  const readOnly = managedBy !== null;
  // Read-only: always the stored list as it is now (sync may replace it while the page is open).
  const shown = readOnly ? toRowsFixed(classifier) : rows;
  return (
    <section class="card" data-testid="classifier-section" data-managed={readOnly ? 'true' : 'false'}>
      <h2>{t('classifier.title')}</h2>
      <p class="hint">{t('classifier.intro', { combo: comboLabel(settings.tagModifiers, null, t) })}</p>
      {readOnly && (
        <p class="notice notice-info" data-testid="classifier-managed">
          {t('classifier.managed', { server: managedBy })}
        </p>
      )}
      {/* A disabled fieldset makes every control of the rows read-only without touching them. */}
      <fieldset class="plain" disabled={readOnly}>
        <CallTypeTable t={t} rows={shown} reserved={reserved} edit={edit} move={move} />
      </fieldset>
      <p class="hint">
        {t('classifier.summary', { count: shown.length, version: classifier.version })}
        {dirty && !readOnly ? ` ${t('classifier.unsaved')}` : ''}
      </p>
      {!readOnly && (
        <div class="actions">
          <button type="button" disabled={busy || rows.length >= MAX_TYPES} onClick={add}>
            {t('classifier.add')}
          </button>
          <button type="button" class="primary" disabled={busy || !dirty} onClick={() => void save()}>
            {t('common.save')}
          </button>
          <button type="button" disabled={busy || !dirty} onClick={() => edit(toRows(classifier))}>
            {t('classifier.discard')}
          </button>
          <ConfirmButton
            label={t('classifier.reset')}
            question={t('classifier.resetQuestion')}
            yes={t('common.yes')}
            no={t('common.no')}
            disabled={busy}
            onConfirm={() => void reset()}
          />
        </div>
      )}
      <NoticeText notice={notice} />
    </section>
  );
}
