// Edits the operator's keyboard shortcuts (tagging, the call toggle, undo, and the panel's
// objections, module search and checklist) and the two time windows (wrap-up, undo). The draft is
// checked here first, with messages in the operator's language, so the background's schema check
// only ever sees well-formed settings.
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { Classifier } from '../../lib/schema/classifier';
import type { Hotkey, KeyCode, Modifiers } from '../../lib/schema/hotkeys';
import type { Locale } from '../../lib/schema/primitives';
import { Settings } from '../../lib/schema/settings';
import { comboLabel, KeyCapture, sameHotkey, sameModifiers } from './KeyCapture';
import { ModifierChecks } from './ModifierChecks';
import { errorNotice, type Notice, NoticeText } from './Notice';

type Props = {
  t: OptionsTranslate;
  locale: Locale;
  settings: Settings;
  classifier: Classifier;
  onSave: (settings: Settings) => Promise<void>;
};

/** The single-combination hotkeys, in the order they are shown. */
const NAMED = ['toggleCall', 'undoTag', 'objections', 'search', 'checklist'] as const;
type Named = (typeof NAMED)[number];

type Draft = Record<Named, Hotkey> & {
  tagModifiers: Modifiers;
  /** Kept as typed, so a half-typed number is not rewritten under the operator's fingers. */
  wrapUpSeconds: string;
  undoSeconds: string;
};

function toDraft(settings: Settings): Draft {
  return {
    tagModifiers: settings.tagModifiers,
    toggleCall: settings.toggleCall,
    undoTag: settings.undoTag,
    objections: settings.objections,
    search: settings.search,
    checklist: settings.checklist,
    wrapUpSeconds: String(settings.wrapUpSeconds),
    undoSeconds: String(settings.undoSeconds),
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

const hasBaseModifier = (m: Modifiers) => m.alt || m.ctrl || m.meta;

/** Everything wrong with the draft, as sentences; empty when it can be saved. */
function problems(draft: Draft, classifier: Classifier, locale: Locale, t: OptionsTranslate): string[] {
  const found: string[] = [];
  const named = NAMED.map((which) => [t(`hotkeys.${which}`), draft[which]] as const);
  if (!hasBaseModifier(draft.tagModifiers)) found.push(t('hotkeys.error.tagModifiers'));
  for (const [name, hotkey] of named) {
    if (!hasBaseModifier(hotkey.modifiers)) found.push(t('hotkeys.error.modifiers', { name }));
    if (!sameModifiers(hotkey.modifiers, draft.tagModifiers)) continue;
    const clash = classifier.types.find((type) => type.key === hotkey.key);
    if (clash) {
      found.push(
        t('hotkeys.error.clashType', {
          name,
          combo: comboLabel(hotkey.modifiers, hotkey.key, t),
          type: clash.names[locale],
        }),
      );
    }
  }
  named.forEach(([name, hotkey], i) => {
    for (const [other, earlier] of named.slice(0, i)) {
      if (sameHotkey(hotkey, earlier)) found.push(t('hotkeys.error.same', { name: other, other: name }));
    }
  });
  if (wholeNumber(draft.wrapUpSeconds, 0, 900) === null) {
    found.push(t('hotkeys.error.range', { name: t('hotkeys.wrapUp'), min: 0, max: 900 }));
  }
  if (wholeNumber(draft.undoSeconds, 1, 60) === null) {
    found.push(t('hotkeys.error.range', { name: t('hotkeys.undoWindow'), min: 1, max: 60 }));
  }
  return found;
}

export function HotkeysSection({ t, locale, settings, classifier, onSave }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const patch = (part: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...part }));
    setNotice(null);
  };

  async function save() {
    const found = problems(draft, classifier, locale, t);
    if (found.length > 0) {
      setNotice({ kind: 'error', text: t('common.fixFirst'), details: found });
      return;
    }
    const parsed = Settings.safeParse({
      ...settings,
      tagModifiers: draft.tagModifiers,
      toggleCall: draft.toggleCall,
      undoTag: draft.undoTag,
      objections: draft.objections,
      search: draft.search,
      checklist: draft.checklist,
      wrapUpSeconds: Number(draft.wrapUpSeconds.trim()),
      undoSeconds: Number(draft.undoSeconds.trim()),
    });
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      setNotice({ kind: 'error', text: t('common.schemaRefused'), details });
      return;
    }
    setBusy(true);
    try {
      await onSave(parsed.data);
      setDraft(toDraft(parsed.data));
      setNotice({ kind: 'ok', text: t('common.saved') });
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  const wrapUp = wholeNumber(draft.wrapUpSeconds, 0, 900);
  const undo = wholeNumber(draft.undoSeconds, 1, 60);

  return (
    <section class="card">
      <h2>{t('hotkeys.title')}</h2>
      <p class="hint">{t('hotkeys.intro')}</p>

      <fieldset>
        <legend>{t('hotkeys.tagModifiers')}</legend>
        <ModifierChecks t={t} value={draft.tagModifiers} onChange={(tagModifiers) => patch({ tagModifiers })} />
        <p class="hint">{t('hotkeys.tagHint', { combo: comboLabel(draft.tagModifiers, 'Digit1', t) })}</p>
      </fieldset>

      {NAMED.map((which) => (
        <HotkeyField
          key={which}
          t={t}
          label={t(`hotkeys.${which}`)}
          value={draft[which]}
          onChange={(hotkey) => patch({ [which]: hotkey })}
        />
      ))}

      <fieldset>
        <legend>{t('hotkeys.windows')}</legend>
        <div class="row">
          <div class="field">
            <label class="field-main">
              <span class="field-label">{t('hotkeys.wrapUp')}</span>
              <input
                type="number"
                min={0}
                max={900}
                step={1}
                value={draft.wrapUpSeconds}
                onInput={(event) => patch({ wrapUpSeconds: event.currentTarget.value })}
              />
            </label>
            {wrapUp !== null && (
              <small class="hint">
                {wrapUp === 0 ? t('hotkeys.wrapUpNone') : t('hotkeys.wrapUpHint', { count: wrapUp })}
              </small>
            )}
          </div>
          <div class="field">
            <label class="field-main">
              <span class="field-label">{t('hotkeys.undoWindow')}</span>
              <input
                type="number"
                min={1}
                max={60}
                step={1}
                value={draft.undoSeconds}
                onInput={(event) => patch({ undoSeconds: event.currentTarget.value })}
              />
            </label>
            {undo !== null && <small class="hint">{t('hotkeys.undoHint', { count: undo })}</small>}
          </div>
        </div>
      </fieldset>

      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          {t('common.save')}
        </button>
      </div>
      <NoticeText notice={notice} />
    </section>
  );
}

/** One hotkey: its modifiers, its key (pressed to capture), and the combination it makes. */
function HotkeyField(props: { t: OptionsTranslate; label: string; value: Hotkey; onChange: (hotkey: Hotkey) => void }) {
  const { t, label, value, onChange } = props;
  return (
    <fieldset>
      <legend>{label}</legend>
      <ModifierChecks t={t} value={value.modifiers} onChange={(modifiers) => onChange({ key: value.key, modifiers })} />
      <KeyCapture
        t={t}
        label={t('hotkeys.key')}
        value={value.key}
        onCapture={(key: KeyCode, held: Modifiers | null) => onChange({ key, modifiers: held ?? value.modifiers })}
      />
      <p class="hint">{t('hotkeys.current', { combo: comboLabel(value.modifiers, value.key, t) })}</p>
    </fieldset>
  );
}
