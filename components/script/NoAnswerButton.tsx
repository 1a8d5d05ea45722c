// "No suitable answer": the operator notes in a few words what the subscriber said that no module
// or answer covers; it goes to the scripts' authors (the console's feedback list). Enter sends,
// Esc cancels; a short confirmation follows.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { TextPrompt } from './TextPrompt';

interface Props {
  /** Resolves true once stored. */
  onSend: (text: string) => Promise<boolean>;
}

export function NoAnswerButton({ onSend }: Props) {
  const { t } = usePanelI18n();
  const [mode, setMode] = useState<'idle' | 'editing' | 'sent'>('idle');
  const button = useRef<HTMLButtonElement>(null);
  /** Esc in the field: the focus goes back to the button, not out of the panel. */
  const cancelled = useRef(false);
  useLayoutEffect(() => {
    if (cancelled.current) button.current?.focus();
    cancelled.current = false;
    if (mode !== 'sent') return;
    const timer = setTimeout(() => setMode('idle'), 4000);
    return () => clearTimeout(timer);
  }, [mode]);

  if (mode === 'editing') {
    return (
      <TextPrompt
        label={t('noAnswerPrompt')}
        maxLength={500}
        focus
        onSubmit={(text) => void onSend(text).then((ok) => ok && setMode('sent'))}
        onCancel={() => {
          cancelled.current = true;
          setMode('idle');
        }}
        testId="no-answer-form"
      />
    );
  }
  return (
    <p class="row">
      <button ref={button} type="button" class="chip" data-testid="no-answer" onClick={() => setMode('editing')}>
        {t('noAnswer')}
      </button>
      {mode === 'sent' && (
        <span class="hint" role="status" data-testid="no-answer-sent">
          {t('noAnswerSent')}
        </span>
      )}
    </p>
  );
}
