// One button per call type with its hotkey; the current call's tags, pending ones marked until
// the background has stored them; the undo of the last tag while its window is open.

import { undoableTag } from '@/lib/calls/rules';
import { describeHotkey } from '@/lib/hotkeys/match';
import type { PendingTag } from '@/lib/panel/controller';
import { typeName } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
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
        {classifier.types.map((type) => {
          const state = saved.has(type.id) ? 'saved' : waiting.has(type.id) ? 'pending' : 'none';
          return (
            <li key={type.id}>
              <button
                type="button"
                class={`tag tag--${state}`}
                disabled={!target}
                aria-pressed={state !== 'none'}
                data-testid={`tag-${type.id}`}
                data-state={state}
                onClick={() => onTag(type.id)}
              >
                <span class="tag__key">{type.key ? describeHotkey(modifiers, type.key) : ''}</span>
                <span class="tag__name">{type.names[locale]}</span>
                {state !== 'none' && (
                  <span class="tag__mark">{state === 'saved' ? t('tagSaved') : t('tagPending')}</span>
                )}
              </button>
            </li>
          );
        })}
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
