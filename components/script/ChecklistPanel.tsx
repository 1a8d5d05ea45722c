// The operator's live self-check against the call's checklist version: items ticked by mouse or
// keyboard while the call runs, what is still open shown on top (critical items stand out), so
// nothing is forgotten before the call ends. Our hotkey focuses the first open item; Esc gives the
// focus back to the page.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { takeFocus } from '@/lib/panel/focus';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { CallRecord } from '@/lib/schema/call';
import type { Checklist, ChecklistMark, ChecklistMarks } from '@/lib/schema/content';
import { ChecklistView } from './ChecklistView';

interface Props {
  checklist: Checklist | null;
  /** The call the marks go to (active or in wrap-up); null: nothing to mark. */
  call: CallRecord | null;
  marks: ChecklistMarks;
  /** Changes when our hotkey asks for the focus here; 0: never. */
  focusSeq: number;
  onMark: (callId: string, itemId: string, mark: ChecklistMark | null) => void;
  onExit: () => void;
}

export function ChecklistPanel({ checklist, call, marks, focusSeq, onMark, onExit }: Props) {
  const { t } = usePanelI18n();
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (focusSeq > 0) takeFocus(root.current?.querySelector<HTMLElement>('[tabindex="0"]'));
  }, [focusSeq]);

  if (!checklist) return <p class="hint">{t('checklistNone')}</p>;
  const callId = call?.id;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc from anywhere in the checklist leaves it
    <div
      ref={root}
      data-testid="checklist-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onExit();
      }}
    >
      <p class="hint">{callId ? t('checklistHint') : t('noCallToTag')}</p>
      <ChecklistView
        checklist={checklist}
        marks={marks}
        onMark={callId ? (itemId, mark) => onMark(callId, itemId, mark) : undefined}
      />
    </div>
  );
}
