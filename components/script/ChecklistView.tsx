// A checklist (quality form) with marks: sections, items with their weight, critical and N/A
// markers, the score and what is still open. With `onMark` the marks can be set by mouse (the
// buttons) or keyboard (arrows move between items, Y/N/A mark and go on, Backspace clears; by key
// position, so any layout works); without it, read-only. `compare` adds a second column of marks
// (the console's calibration: the lead's marks beside the operator's self-check).
import { useRef, useState } from 'preact/hooks';
import { checklistItems, scoreChecklist } from '@/lib/content/checklist-score';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { Checklist, ChecklistItem, ChecklistMark, ChecklistMarks } from '@/lib/schema/content';
import { RichText } from '../RichText';

interface Props {
  checklist: Checklist;
  marks: ChecklistMarks;
  onMark?: (itemId: string, mark: ChecklistMark | null) => void;
  compare?: ChecklistMarks;
}

const LABELS = { yes: 'markYes', no: 'markNo', na: 'markNa' } as const satisfies Record<ChecklistMark, string>;
const MARKS: readonly ChecklistMark[] = ['yes', 'no', 'na'];
/** Marking keys by `KeyboardEvent.code`; null clears. */
const KEYS: Record<string, ChecklistMark | null> = {
  KeyY: 'yes',
  KeyN: 'no',
  KeyA: 'na',
  Backspace: null,
  Delete: null,
};

const markOf = (marks: ChecklistMarks | undefined, id: string) =>
  marks && Object.hasOwn(marks, id) ? marks[id] : undefined;

export function ChecklistView({ checklist, marks, onMark, compare }: Props) {
  const { t, locale } = usePanelI18n();
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const result = scoreChecklist(checklist, marks);
  const items = checklistItems(checklist);
  const failed = new Set(result.failedCritical);
  const open = items.filter((item) => result.open.includes(item.id));
  // The one item in the tab order (roving focus): the last one focused, else the first open one.
  const current = items.some((item) => item.id === active) ? active : (open[0] ?? items[0])?.id;

  const focusItem = (item: ChecklistItem | undefined) => {
    if (!item) return;
    setActive(item.id);
    root.current?.querySelector<HTMLElement>(`[data-item-id="${item.id}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!onMark || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-item-id]');
    const index = items.findIndex((item) => item.id === row?.dataset.itemId);
    const item = items[index];
    if (!item) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      focusItem(items[index + (event.key === 'ArrowDown' ? 1 : -1)]);
    } else if (event.code in KEYS) {
      const mark = KEYS[event.code] ?? null;
      if (mark === 'na' && !item.naAllowed) return;
      onMark(item.id, mark);
      if (mark) focusItem(items[index + 1]);
    } else {
      return;
    }
    event.preventDefault();
  };

  const score = t('score', { percent: result.percent.toLocaleString(locale) });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys of the focused item (roving focus) bubble here
    <div class="checklist" ref={root} onKeyDown={onKeyDown} data-testid="checklist">
      <p class="checklist__score" data-testid="checklist-score" data-passed={String(result.passed)}>
        {score}
        {!result.passed && <span class="badge badge--bad">{t('criticalFailed')}</span>}
      </p>
      {open.length > 0 && (
        <div class="hint" data-testid="checklist-open">
          {t('openItems', { count: open.length })}
          <ul>
            {open.map((item) => (
              <li key={item.id} class={item.critical ? 'is-critical' : undefined}>
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checklist.sections.map((section) => (
        <section key={section.id}>
          <h3 class="checklist__section">{section.title}</h3>
          <ul class="checks">
            {section.items.map((item) => {
              const mark = markOf(marks, item.id);
              const other = compare ? markOf(compare, item.id) : undefined;
              return (
                <li
                  key={item.id}
                  class={`check${item.critical ? ' check--critical' : ''}${failed.has(item.id) ? ' check--failed' : ''}`}
                  data-item-id={item.id}
                  tabIndex={onMark ? (item.id === current ? 0 : -1) : undefined}
                  onFocus={onMark ? () => setActive(item.id) : undefined}
                >
                  <span class="check__text">
                    {item.text}
                    {item.critical && (
                      <span class="badge badge--bad" title={t('critical')}>
                        !
                      </span>
                    )}
                    <span class="check__weight">{`\u00d7${item.weight}`}</span>
                  </span>
                  {item.hint && (
                    <span class="check__hint rt">
                      <RichText text={item.hint} />
                    </span>
                  )}
                  <span class="check__marks">
                    {onMark
                      ? MARKS.filter((m) => m !== 'na' || item.naAllowed).map((m) => (
                          <button
                            key={m}
                            type="button"
                            tabIndex={-1}
                            class={`mark mark--${m}`}
                            aria-pressed={mark === m}
                            data-set={m}
                            onClick={() => onMark(item.id, mark === m ? null : m)}
                          >
                            {t(LABELS[m])}
                          </button>
                        ))
                      : mark && <span class={`mark mark--${mark}`}>{t(LABELS[mark])}</span>}
                    {compare && (
                      <span class="mark mark--compare" title={t('selfCheck')} data-compare={other ?? ''}>
                        {other ? t(LABELS[other]) : '\u2014'}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
