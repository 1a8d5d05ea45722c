// The panel's root: reads the controller's view, provides the translator, lays the host out on
// the page and composes the sections. Holds no data of its own beyond a resize preview.
//
// It re-renders on every state and every clock tick; the callbacks it hands down are made once
// per controller so the memoised parts (header, tag buttons, call rows, the script sections) can
// skip those renders.
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { countUntagged } from '@/lib/calls/rules';
import { describeHotkey } from '@/lib/hotkeys/match';
import type { PanelKey } from '@/lib/i18n/panel-messages-ru';
import { panelMessagesRu } from '@/lib/i18n/panel-messages-ru';
import { type Catalog, createTranslator, pickLocale } from '@/lib/i18n/translate';
import type { PanelController } from '@/lib/panel/controller';
import { PanelI18n } from '@/lib/panel/i18n-context';
import { applyLayout } from '@/lib/panel/layout';
import { useNow, useStore } from '@/lib/panel/store';
import type { OutcomeKind } from '@/lib/schema/call';
import { DEFAULT_PANEL } from '@/lib/settings/defaults';
import { CallCard } from './CallCard';
import { CollapsedTab } from './CollapsedTab';
import { OutcomePicker } from './OutcomePicker';
import { PanelHeader } from './PanelHeader';
import { PlanSummary } from './PlanSummary';
import { RecentCalls } from './RecentCalls';
import { ResizeHandle } from './ResizeHandle';
import { ScriptSections } from './script/ScriptSections';
import { Tagger } from './Tagger';

interface Props {
  controller: PanelController;
  host: HTMLElement;
  /**
   * Whether the host is in the page yet. The panel is rendered before it is put there; the page
   * is narrowed for it (push mode) only once it is, so the two appear together.
   */
  attached: boolean;
  /** Called after a confirmed tag is on screen, with keystroke -> screen milliseconds. */
  onTagShown?: (latencyMs: number) => void;
  /** Called when a tag pressed has its module on screen, with keystroke -> screen milliseconds. */
  onModuleShown?: (latencyMs: number) => void;
  onPlanShown?: (latencyMs: number) => void;
  /** Called when search results are on screen, with keystroke -> screen milliseconds. */
  onSearchShown?: (latencyMs: number) => void;
  onReady?: () => void;
}

/** The same object for "no values typed", so the memoised sections see no change. */
const NO_VALUES = {};

export function PanelApp({
  controller,
  host,
  attached,
  onTagShown,
  onModuleShown,
  onSearchShown,
  onPlanShown,
  onReady,
}: Props) {
  const view = useStore(controller.store);
  const now = useNow(500);
  const [previewWidth, setPreviewWidth] = useState<number | null>(null);
  const data = view.data;
  const locale = data?.settings.locale ?? pickLocale(navigator.languages);
  // Russian is built in; another language's strings come with the content (until then: Russian).
  const messages = view.content?.messages;
  const i18n = useMemo(() => {
    const other = messages?.locale === locale ? (messages.catalog as Partial<Catalog<PanelKey>>) : {};
    return { t: createTranslator({ ru: panelMessagesRu, en: other, pl: other }, locale), locale };
  }, [locale, messages]);
  const { t } = i18n;
  const prefs = data?.site.panel ?? DEFAULT_PANEL;
  const layoutPrefs = previewWidth === null ? prefs : { ...prefs, width: previewWidth };

  useLayoutEffect(() => {
    if (attached) applyLayout(host, host.ownerDocument, layoutPrefs);
  }, [host, attached, layoutPrefs.width, layoutPrefs.collapsed, layoutPrefs.mode]);
  useLayoutEffect(() => {
    if (data) onReady?.();
  }, [data !== null]);
  useLayoutEffect(() => {
    if (view.lastConfirmed) onTagShown?.(performance.now() - view.lastConfirmed.startedAt);
  }, [view.lastConfirmed?.seq]);

  const actions = useMemo(
    () => ({
      toggleCall: () => void controller.toggleCall(),
      tag: (typeId: string) => void controller.tag(typeId),
      tagCall: (callId: string, typeId: string) => void controller.tag(typeId, callId),
      undo: () => void controller.undo(),
      addOutcome: (callId: string, kind: OutcomeKind, itemId: string | null) =>
        void controller.addOutcome(callId, kind, itemId),
      removeOutcome: (callId: string, id: string) => void controller.removeOutcome(callId, id),
    }),
    [controller],
  );
  const current = data?.current ?? null;
  const untagged = data ? countUntagged(data.recent, now) : 0;
  const pendingTag = view.pending.findLast((p) => p.callId === (current?.id ?? null)) ?? null;

  return (
    <PanelI18n.Provider value={i18n}>
      {prefs.collapsed ? (
        <CollapsedTab
          inCall={current !== null && current.endedAt === null}
          untagged={untagged}
          onExpand={() => controller.setPanel({ ...prefs, collapsed: false })}
        />
      ) : (
        <div class="panel" data-testid="panel" data-ready={data ? 'true' : 'false'}>
          <ResizeHandle
            width={prefs.width}
            onPreview={setPreviewWidth}
            onCommit={(width) => {
              setPreviewWidth(null);
              controller.setPanel({ ...prefs, width });
            }}
          />
          <PanelHeader prefs={prefs} sync={data?.sync} onChange={controller.setPanel} />
          {view.link !== 'live' && (
            <p class="notice" data-testid="link-status">
              {view.link === 'error' ? t('linkError', { message: view.linkMessage ?? '' }) : t('connecting')}
            </p>
          )}
          {view.error && (
            <button
              type="button"
              class="notice notice--error"
              data-testid="panel-error"
              onClick={controller.dismissError}
            >
              {t('requestFailed', { message: view.error })}
            </button>
          )}
          {data && (
            <>
              <CallCard
                call={current}
                now={now}
                onToggle={actions.toggleCall}
                toggleKeys={describeHotkey(data.settings.toggleCall.modifiers, data.settings.toggleCall.key)}
              />
              <Tagger
                classifier={data.classifier}
                modifiers={data.settings.tagModifiers}
                target={current}
                pending={view.pending}
                now={now}
                undoSeconds={data.settings.undoSeconds}
                onTag={actions.tag}
                onUndo={actions.undo}
              />
              {view.content && (
                <ScriptSections
                  content={view.content}
                  call={current}
                  pendingType={pendingTag?.typeId ?? null}
                  pendingAt={pendingTag?.startedAt ?? null}
                  manual={view.manual[current?.id ?? ''] ?? NO_VALUES}
                  marks={view.marks}
                  ui={view.ui}
                  settings={data.settings}
                  actions={controller}
                  onModuleShown={onModuleShown}
                  onSearchShown={onSearchShown}
                />
              )}
              {current && (
                <OutcomePicker
                  call={current}
                  tariffs={view.content?.tariffs ?? null}
                  onAdd={actions.addOutcome}
                  onRemove={actions.removeOutcome}
                />
              )}
              {view.plan && <PlanSummary plan={view.plan} outcomeAt={view.outcomeAt} onShown={onPlanShown} />}
              <RecentCalls calls={data.recent} classifier={data.classifier} now={now} onTag={actions.tagCall} />
            </>
          )}
        </div>
      )}
    </PanelI18n.Provider>
  );
}
