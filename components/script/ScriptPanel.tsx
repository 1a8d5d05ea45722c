// The script for the call in front of the operator: the modules that fit its type (the last tag,
// or the one just pressed) and context (a negative balance, an upgrade for the tariff). The best
// one opens by itself when the call type changes; the others are listed, a second one can be
// stacked under the first ("one answer from two modules"), branches lead on, and the search finds
// any module. How long each module stays open goes to the call (view-timer.ts).
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { moduleContext, suggestModules } from '@/lib/content/selection';
import { templateVariables, type VariableValues, variableValue } from '@/lib/content/variables';
import type { PanelContent } from '@/lib/messaging/panel-protocol';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { ScriptActions } from '@/lib/panel/script-actions';
import { moduleOutcome } from '@/lib/panel/script-derive';
import { createViewTimer, FLUSH_MS } from '@/lib/panel/view-timer';
import type { CallRecord } from '@/lib/schema/call';
import { AskVariable } from './AskVariable';
import { ModuleCard } from './ModuleCard';
import { ModuleSearch } from './ModuleSearch';
import { NoAnswerButton } from './NoAnswerButton';

export type ScriptPanelActions = Pick<
  ScriptActions,
  'viewModule' | 'setOutcome' | 'setManual' | 'noAnswer' | 'openSection' | 'closeSearch'
>;

interface Props {
  content: PanelContent;
  call: CallRecord | null;
  /** The call type the script follows (see callTypeOf). */
  callTypeId: string | null;
  /** Keystroke time of a tag not stored yet: the e2e probe measures tag -> module shown. */
  tagAt: number | null;
  values: VariableValues;
  /** The Script tab is the one shown: only then do open modules count as read. */
  visible: boolean;
  searchOpen: boolean;
  searchSeq: number;
  searchKeys: string;
  actions: ScriptPanelActions;
  onModuleShown?: (latencyMs: number) => void;
  onSearchShown?: (latencyMs: number) => void;
}

/** At most this many modules stacked into one answer, and this many other suggestions listed. */
const STACK = 2;
const OTHERS = 6;

export function ScriptPanel(props: Props) {
  const { content, call, callTypeId, values, actions } = props;
  const { t } = usePanelI18n();
  const subscriber = call?.subscriber;
  const ctx = useMemo(
    () => ({ ...moduleContext(call, content.tariffs), callTypeId }),
    // The context reads only these of the call; a new state object alone changes nothing.
    [callTypeId, subscriber?.balance, subscriber?.tariff, content.tariffs, call !== null],
  );
  const suggestions = useMemo(() => suggestModules(content.scripts, ctx), [content.scripts, ctx]);
  const byId = useMemo(() => new Map(content.scripts.modules.map((m) => [m.id, m])), [content.scripts]);

  // Which modules are open: the best suggestion, until the operator chooses; a new call or call
  // type starts over with the best suggestion for it.
  const callId = call?.id ?? null;
  const autoKey = `${callId}|${callTypeId}`;
  const [chosen, setChosen] = useState<{ key: string; ids: string[] }>({ key: '', ids: [] });
  const ids = (chosen.key === autoKey ? chosen.ids : suggestions.slice(0, 1).map((m) => m.id)).filter((id) =>
    byId.has(id),
  );
  const setIds = (next: string[]) => setChosen({ key: autoKey, ids: next.slice(0, STACK) });
  const open = (id: string, stack: boolean) => {
    const first = ids[0];
    setIds(stack && first !== undefined && first !== id ? [first, id] : [id]);
  };
  const branch = (from: string, to: string) =>
    setIds(ids.includes(to) ? ids.filter((id) => id !== from) : ids.map((id) => (id === from ? to : id)));

  // The field for a missing variable: the one the operator pressed, else the first one missing
  // (until Esc; a missing value's button brings it back, with the focus).
  const [ask, setAsk] = useState<{ name?: string; focus?: boolean; quiet?: boolean }>({});
  const missing = ids
    .flatMap((id) => templateVariables(byId.get(id)!.text))
    .filter((name) => variableValue(values, name) === null);
  const asking = ask.name && missing.includes(ask.name) ? ask.name : ask.quiet ? undefined : missing[0];

  useLayoutEffect(() => {
    if (props.tagAt !== null && ids.length > 0) props.onModuleShown?.(performance.now() - props.tagAt);
  }, [props.tagAt]);

  const timer = useMemo(() => createViewTimer(actions.viewModule), [actions]);
  const counted = props.visible && call && call.endedAt === null ? call.id : null;
  const openKey = ids.join(' ');
  useEffect(() => timer.show(counted, openKey ? openKey.split(' ') : []), [timer, counted, openKey]);
  useEffect(() => {
    const flush = setInterval(timer.flush, FLUSH_MS);
    const end = () => timer.show(null, []);
    addEventListener('pagehide', end);
    return () => {
      clearInterval(flush);
      removeEventListener('pagehide', end);
      end();
    };
  }, [timer]);

  const others = suggestions.filter((m) => !ids.includes(m.id)).slice(0, OTHERS);
  return (
    <div class="script" data-testid="script-panel" hidden={!props.visible}>
      <button
        type="button"
        class="chip"
        data-testid="search-open"
        title={t('hotkeyHint', { keys: props.searchKeys })}
        onClick={() => actions.openSection('search')}
      >
        {t('search')}
      </button>
      {props.searchOpen && (
        <ModuleSearch
          modules={content.scripts.modules}
          focusSeq={props.searchSeq}
          onOpen={open}
          onClose={actions.closeSearch}
          onShown={props.onSearchShown}
        />
      )}
      {asking && (
        <AskVariable
          name={asking}
          focus={ask.focus === true}
          onSave={(value) => {
            actions.setManual(callId, asking, value);
            setAsk({ focus: ask.focus });
          }}
          onCancel={() => setAsk({ quiet: true })}
        />
      )}
      {ids.length === 0 && <p class="hint">{t('noModules')}</p>}
      {ids.map((id) => (
        <ModuleCard
          key={id}
          module={byId.get(id)!}
          values={values}
          outcome={moduleOutcome(call, id)}
          onOutcome={(outcome) => {
            actions.setOutcome(callId, id, outcome);
            if (outcome === 'objection') actions.openSection('objections');
          }}
          onBranch={(to) => branch(id, to)}
          onAsk={(name) => setAsk({ name, focus: true })}
          onClose={() => setIds(ids.filter((other) => other !== id))}
        />
      ))}
      {others.length > 0 && (
        <>
          <h3 class="section-title">{t('alsoFits')}</h3>
          <ul class="picks" data-testid="suggestions">
            {others.map((module) => (
              <li key={module.id} class="pick-row">
                <button type="button" class="pick" data-module-id={module.id} onClick={() => open(module.id, false)}>
                  <span class="pick__title">{module.title}</span>
                </button>
                <button
                  type="button"
                  class="icon-button"
                  data-stack={module.id}
                  title={t('stack')}
                  aria-label={t('stack')}
                  onClick={() => open(module.id, true)}
                >
                  +
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <NoAnswerButton onSend={(text) => actions.noAnswer(callId, ids[0] ?? null, text)} />
    </div>
  );
}
