// One button per call type with its hotkey; the current call's tags, pending ones marked until
// the background has stored them; the undo of the last tag while its window is open.
//
// The buttons are memoised: a tag (or a clock tick, which the undo countdown needs) re-renders
// only the button whose state changed, which is on the keystroke-to-screen path.

import { undoableTag } from '@/lib/calls/rules';
import { describeHotkey } from '@/lib/hotkeys/match';
import type { PendingTag } from '@/lib/panel/controller';
import { typeName } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { memo } from '@/lib/panel/memo';
import type { CallRecord } from '@/lib/schema/call';
import type { Classifier } from '@/lib/schema/classifier';
import type { Modifiers } from '@/lib/schema/hotkeys';

interface Props {
  classifier: Classifier;
  modifiers: Modifiers;
  target: CallRecord | null;
  pending: PendingTag[];
  now: number;
  undoSeconds: number;
  onTag: (typeId: string) => void;
  onUndo: () => void;
}

type TagState = 'saved' | 'pending' | 'none';

interface TagButtonProps {
  typeId: string;
  keys: string;
  name: string;
  state: TagState;
  disabled: boolean;
  onTag: (typeId: string) => void;
}

const TagButton = memo(function TagButton({ typeId, keys, name, state, disabled, onTag }: TagButtonProps) {
  const { t } = usePanelI18n();
  return (
    <li>
      <button
        type="button"
        class={`tag tag--${state}`}
        disabled={disabled}
        aria-pressed={state !== 'none'}
        data-testid={`tag-${typeId}`}
        data-state={state}
        onClick={() => onTag(typeId)}
      >
        <span class="tag__key">{keys}</span>
        <span class="tag__name">{name}</span>
        {state !== 'none' && <span class="tag__mark">{state === 'saved' ? t('tagSaved') : t('tagPending')}</span>}
      </button>
    </li>
  );
});

export function Tagger({ classifier, modifiers, target, pending, now, undoSeconds, onTag, onUndo }: Props) {
  const { t, locale } = usePanelI18n();
  const saved = new Set(target?.tags.map((tag) => tag.typeId));
  const waiting = new Set(pending.filter((p) => p.callId === (target?.id ?? null)).map((p) => p.typeId));
  const undoable = target ? undoableTag(target, now, undoSeconds) : null;

  return (
    <section class="tagger" data-testid="tagger">
      <h2 class="section-title">{t('callTypes')}</h2>
      {!target && (
        <p class="hint" data-testid="no-call-hint">
          {t('noCallToTag')}
        </p>
      )}
      <ul class="tagger__list">
        {classifier.types.map((type) => (
          <TagButton
            key={type.id}
            typeId={type.id}
            keys={type.key ? describeHotkey(modifiers, type.key) : ''}
            name={type.names[locale]}
            state={saved.has(type.id) ? 'saved' : waiting.has(type.id) ? 'pending' : 'none'}
            disabled={!target}
            onTag={onTag}
          />
        ))}
      </ul>
      {undoable && (
        <button type="button" class="undo" onClick={onUndo} data-testid="undo-tag">
          {t('undo', {
            name: typeName(classifier, undoable.typeId, locale),
            seconds: Math.max(0, Math.ceil((undoable.at + undoSeconds * 1000 - now) / 1000)),
          })}
        </button>
      )}
    </section>
  );
}
