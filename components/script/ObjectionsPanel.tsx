// The objections list, this call type's first: our hotkey opens it with the focus in it, a digit
// picks an objection (recorded as raised on the call) and then an answer, "handled" records that
// the subscriber moved on; Esc goes back to the list, and from the list back to the page.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { VariableValues } from '@/lib/content/variables';
import { takeFocus } from '@/lib/panel/focus';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { objectionUse, orderObjections } from '@/lib/panel/script-derive';
import type { CallRecord } from '@/lib/schema/call';
import type { Objection } from '@/lib/schema/content';
import { ObjectionCard } from './ObjectionCard';

interface Props {
  objections: readonly Objection[];
  call: CallRecord | null;
  callTypeId: string | null;
  values: VariableValues;
  /** Changes when our hotkey asks for the focus here; 0: never. */
  focusSeq: number;
  onRaise: (callId: string | null, objectionId: string, answerId: string | null, handled: boolean) => void;
  onExit: () => void;
}

const DIGIT = /^(?:Digit|Numpad)([1-9])$/;

export function ObjectionsPanel({ objections, call, callTypeId, values, focusSeq, onRaise, onExit }: Props) {
  const { t } = usePanelI18n();
  const root = useRef<HTMLDivElement>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const ordered = useMemo(() => orderObjections(objections, callTypeId), [objections, callTypeId]);
  const opened = ordered.find((o) => o.id === openId) ?? null;
  const used = opened ? objectionUse(call, opened.id) : null;
  const callId = call?.id ?? null;

  useLayoutEffect(() => {
    if (focusSeq === 0) return;
    setOpenId(null);
    takeFocus(root.current);
  }, [focusSeq]);

  // The button that had the focus goes away when the view switches: keep the keys coming here.
  const show = (id: string | null) => {
    setOpenId(id);
    root.current?.focus();
  };
  const choose = (objection: Objection | undefined) => {
    if (!objection) return;
    show(objection.id);
    onRaise(callId, objection.id, null, false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = DIGIT.exec(event.code);
    if (digit) {
      const n = Number(digit[1]) - 1;
      const answer = opened?.answers[n];
      if (opened) {
        if (answer) onRaise(callId, opened.id, answer.id, false);
      } else {
        choose(ordered[n]);
      }
    } else if (event.key === 'Escape') {
      if (opened) show(null);
      else onExit();
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: holds the focus between views so digits and Esc keep working
    <div class="objections" ref={root} tabIndex={-1} onKeyDown={onKeyDown} data-testid="objections-panel">
      <p class="hint">{t('objectionsHint')}</p>
      {opened ? (
        <>
          <button type="button" class="chip" onClick={() => show(null)}>
            {`\u2190 ${t('tabObjections')}`}
          </button>
          <ObjectionCard
            objection={opened}
            values={values}
            used={used}
            onAnswer={(answerId) => onRaise(callId, opened.id, answerId, false)}
            onHandled={() => {
              onRaise(callId, opened.id, used?.answerId ?? null, true);
              show(null);
            }}
          />
        </>
      ) : (
        <ol class="picks">
          {ordered.map((objection, i) => {
            const use = objectionUse(call, objection.id);
            return (
              <li key={objection.id}>
                <button
                  type="button"
                  class="pick"
                  data-objection-id={objection.id}
                  data-state={use ? (use.handled ? 'handled' : 'raised') : 'none'}
                  onClick={() => choose(objection)}
                >
                  <span class="pick__key">{i < 9 ? i + 1 : ''}</span>
                  <span class="pick__title">{objection.title}</span>
                  {use && <span class="pick__mark">{use.handled ? '\u2713' : '\u2022'}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
