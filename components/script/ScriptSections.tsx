// The script side of the panel, under the tagger: tabs for the script, the objections and the
// checklist, all filled from the content the background sent for this call and the subscriber's
// values. Memoised: a clock tick re-renders none of it, and the tag path only what follows the call
// type. The script tab stays mounted (its module timer keeps running); the others mount when shown.
import { useMemo } from 'preact/hooks';
import { openItems } from '@/lib/content/checklist-score';
import { subscriberValues, type VariableValues } from '@/lib/content/variables';
import { describeHotkey } from '@/lib/hotkeys/match';
import type { PanelContent } from '@/lib/messaging/panel-protocol';
import { giveBackFocus } from '@/lib/panel/focus';
import { memo } from '@/lib/panel/memo';
import type { PanelUi, PendingMark, ScriptActions } from '@/lib/panel/script-actions';
import { callTypeOf, shownMarks } from '@/lib/panel/script-derive';
import type { CallRecord } from '@/lib/schema/call';
import type { Settings } from '@/lib/schema/settings';
import { ChecklistPanel } from './ChecklistPanel';
import { ObjectionsPanel } from './ObjectionsPanel';
import { PanelTabs } from './PanelTabs';
import { ScriptPanel } from './ScriptPanel';

interface Props {
  content: PanelContent;
  /** The current call (active, or in wrap-up). */
  call: CallRecord | null;
  /** The newest tag pressed on it and not stored yet. */
  pendingType: string | null;
  pendingAt: number | null;
  manual: VariableValues;
  marks: readonly PendingMark[];
  ui: PanelUi;
  settings: Settings;
  actions: ScriptActions;
  onModuleShown?: (latencyMs: number) => void;
  onSearchShown?: (latencyMs: number) => void;
}

const keysOf = (hotkey: Settings['search']) => describeHotkey(hotkey.modifiers, hotkey.key);

export const ScriptSections = memo(function ScriptSections(props: Props) {
  const { content, call, ui, settings, actions } = props;
  const subscriber = call?.subscriber;
  const values = useMemo(
    () => subscriberValues(subscriber ?? {}, content.tariffs, props.manual),
    [subscriber?.name, subscriber?.contract, subscriber?.tariff, subscriber?.balance, content.tariffs, props.manual],
  );
  const marks = useMemo(() => shownMarks(call, props.marks), [call, props.marks]);
  const open = content.checklist && call && call.endedAt === null ? openItems(content.checklist, marks).length : 0;
  const callTypeId = callTypeOf(call, props.pendingType);
  const focusSeq = (section: PanelUi['tab'] | 'search') => (ui.focus?.section === section ? ui.focus.seq : 0);
  const exit = () => {
    actions.showTab('script');
    giveBackFocus();
  };

  return (
    <section class="sections" data-testid="script-sections">
      <PanelTabs
        tab={ui.tab}
        keys={{
          script: keysOf(settings.search),
          objections: keysOf(settings.objections),
          checklist: keysOf(settings.checklist),
        }}
        open={open}
        onTab={actions.showTab}
      />
      <ScriptPanel
        content={content}
        call={call}
        callTypeId={callTypeId}
        tagAt={props.pendingAt}
        values={values}
        visible={ui.tab === 'script'}
        searchOpen={ui.searchOpen}
        searchSeq={focusSeq('search')}
        searchKeys={keysOf(settings.search)}
        actions={actions}
        onModuleShown={props.onModuleShown}
        onSearchShown={props.onSearchShown}
      />
      {ui.tab === 'objections' && (
        <ObjectionsPanel
          objections={content.objections.objections}
          call={call}
          callTypeId={callTypeId}
          values={values}
          focusSeq={focusSeq('objections')}
          onRaise={actions.raiseObjection}
          onExit={exit}
        />
      )}
      {ui.tab === 'checklist' && (
        <ChecklistPanel
          checklist={content.checklist}
          call={call}
          marks={marks}
          focusSeq={focusSeq('checklist')}
          onMark={actions.markItem}
          onExit={exit}
        />
      )}
    </section>
  );
});
