// Below a content draft: the "unsaved changes" marker, discard, and publishing with the required
// change note. Publishing is refused (and the button disabled) while the draft has problems.
import { useState } from 'preact/hooks';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

const NOTE_MAX = 500;

type Props = {
  t: ConsoleTranslate;
  dirty: boolean;
  /** A scope without a document of its own may publish its starting content unchanged. */
  isNew: boolean;
  valid: boolean;
  busy: boolean;
  onDiscard: () => void;
  /** Resolves `true` when the server stored the version. */
  onPublish: (note: string) => Promise<boolean>;
};

export function PublishBar({ t, dirty, isNew, valid, busy, onDiscard, onPublish }: Props) {
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);

  async function publish() {
    const text = note.trim();
    if (!text) {
      setNoteMissing(true);
      return;
    }
    if (await onPublish(text)) setNote('');
  }

  return (
    <div class="publish" data-testid="publish-bar">
      <div class="actions">
        <button type="button" data-testid="console-discard" disabled={!dirty || busy} onClick={onDiscard}>
          {t('editor.discard')}
        </button>
        {dirty && (
          <span class="unsaved" data-testid="draft-unsaved">
            {t('editor.unsaved')}
          </span>
        )}
      </div>
      <h3>{t('publish.title')}</h3>
      <label class="field">
        <span class="field-label">{t('publish.note')}</span>
        <input
          type="text"
          data-testid="console-note"
          maxLength={NOTE_MAX}
          value={note}
          disabled={busy}
          onInput={(event) => {
            setNote(event.currentTarget.value);
            setNoteMissing(false);
          }}
        />
        {noteMissing ? (
          <small class="field-error" role="alert">
            {t('publish.noteMissing')}
          </small>
        ) : (
          <small class="hint">{t('publish.noteHint')}</small>
        )}
      </label>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="console-publish"
          disabled={busy || !valid || (!dirty && !isNew)}
          onClick={() => void publish()}
        >
          {t('publish.button')}
        </button>
        {!valid && <span class="field-error">{t('publish.invalid')}</span>}
      </div>
    </div>
  );
}
