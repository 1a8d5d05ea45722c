// @vitest-environment happy-dom
// The live self-check: items marked by mouse and by keyboard (arrows, Y/N/A by key position,
// Backspace clears), shown at once while the background stores them, the open items summarised
// with the critical ones standing out, the score; and the read-only view with a second column of
// marks that the console's calibration uses.
import { h as jsx, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecklistView } from '@/components/script/ChecklistView';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { createTranslator } from '@/lib/i18n/translate';
import type { PanelContent } from '@/lib/messaging/protocol';
import { PanelI18n } from '@/lib/panel/i18n-context';
import { shownMarks } from '@/lib/panel/script-derive';
import type { CallRecord } from '@/lib/schema/call';
import { Checklist, type ChecklistItem } from '@/lib/schema/content';
import { makeCall } from './helpers';
import { focusedIn, type Harness, mountSections } from './panel-harness';

const item = (id: string, weight: number, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id,
  text: `Пункт ${id}`,
  hint: '',
  weight,
  critical: false,
  naAllowed: false,
  ...extra,
});

const CHECKLIST = Checklist.parse({
  title: 'Контроль звонка',
  sections: [
    {
      id: 'start',
      title: 'Начало',
      items: [item('greet', 1), item('verify', 2, { critical: true, hint: 'Спросить **номер договора**' })],
    },
    { id: 'sale', title: 'Продажа', items: [item('offer', 3, { naAllowed: true }), item('close', 1)] },
  ],
});

const CONTENT: PanelContent = {
  refs: {},
  scripts: { modules: [] },
  objections: { objections: [] },
  checklist: CHECKLIST,
  tariffs: null,
};

const row = (h: Harness, id: string) => h.$(`[data-item-id="${id}"]`)!;
const pressed = (h: Harness, id: string) =>
  row(h, id).querySelector('[aria-pressed="true"]')?.getAttribute('data-set') ?? null;
const marks = (h: Harness) =>
  h.sent.filter((s) => s.type === 'checklist.mark').map((s) => [s.body.itemId, s.body.mark]);

let harness: Harness | null = null;
afterEach(() => {
  harness?.unmount();
  harness = null;
});

async function openChecklist(call: CallRecord | null, byHotkey = true) {
  harness = await mountSections(CONTENT, call);
  harness.pageInput.focus();
  await act(() => (byHotkey ? harness!.actions.openSection('checklist') : harness!.actions.showTab('checklist')));
  return harness;
}

describe('checklist self-check', () => {
  it('marks by mouse: shown at once, sent to the call, pressed again clears', async () => {
    const call = makeCall();
    const h = await openChecklist(call, false);
    expect(document.activeElement).toBe(h.pageInput);
    h.hold = true;
    await h.click(row(h, 'verify').querySelector('[data-set="yes"]'));
    // Not answered yet: the mark shows anyway.
    expect(pressed(h, 'verify')).toBe('yes');
    expect(h.call()!.script).toBeUndefined();
    await h.release();
    expect(h.call()!.script!.checklist).toEqual({ verify: 'yes' });
    expect(h.store.get().marks).toEqual([]);
    expect(pressed(h, 'verify')).toBe('yes');
    await h.click(row(h, 'verify').querySelector('[data-set="yes"]'));
    expect(marks(h)).toEqual([
      ['verify', 'yes'],
      ['verify', null],
    ]);
    expect(pressed(h, 'verify')).toBeNull();
    // N/A only where allowed.
    expect(row(h, 'greet').querySelector('[data-set="na"]')).toBeNull();
    expect(row(h, 'offer').querySelector('[data-set="na"]')).not.toBeNull();
  });

  it('marks by keyboard: the hotkey focuses the first open item, Y/N/A mark and move on, arrows move', async () => {
    const call = makeCall({ script: { modules: [], objections: [], checklist: { greet: 'yes' } } });
    const h = await openChecklist(call);
    expect(focusedIn(h)).toBe(row(h, 'verify'));
    await h.press('KeyN');
    expect(focusedIn(h)).toBe(row(h, 'offer'));
    // A on an item without N/A does nothing; on one with it, marks N/A.
    await h.press('ArrowDown');
    expect(focusedIn(h)).toBe(row(h, 'close'));
    await h.press('KeyA');
    await h.press('ArrowUp');
    await h.press('KeyA');
    expect(focusedIn(h)).toBe(row(h, 'close'));
    await h.press('KeyY');
    await h.press('ArrowUp');
    await h.press('ArrowUp');
    await h.press('Backspace');
    // Modified keys are left alone (they are the page's or our hotkeys).
    await h.press('KeyY', { altKey: true, shiftKey: true });
    expect(marks(h)).toEqual([
      ['verify', 'no'],
      ['offer', 'na'],
      ['close', 'yes'],
      ['verify', null],
    ]);
    expect(h.call()!.script!.checklist).toEqual({ greet: 'yes', offer: 'na', close: 'yes' });
    // Esc hands the focus back to the page.
    await h.press('Escape');
    expect(h.store.get().ui.tab).toBe('script');
    expect(document.activeElement).toBe(h.pageInput);
  });

  it('summarises what is still open, critical items first to see, with the score', async () => {
    const call = makeCall({ script: { modules: [], objections: [], checklist: { greet: 'yes', offer: 'na' } } });
    const h = await openChecklist(call, false);
    const open = h.$('[data-testid="checklist-open"]')!;
    expect(open.textContent).toContain('Не отмечены 2 пункта');
    expect([...open.querySelectorAll('li')].map((li) => [li.textContent, li.className])).toEqual([
      ['Пункт verify', 'is-critical'],
      ['Пункт close', ''],
    ]);
    expect(row(h, 'verify').className).toContain('check--critical');
    expect(row(h, 'verify').textContent).toContain('номер договора');
    expect(row(h, 'verify').querySelector('strong')?.textContent).toBe('номер договора');
    // 1 of 4 applicable weight done (offer is N/A); the open critical item fails the call.
    const score = h.$('[data-testid="checklist-score"]')!;
    expect(score.textContent).toContain('Итог: 25 %');
    expect(score.dataset.passed).toBe('false');
    expect(h.$('[data-testid="tab-checklist"] .badge')!.textContent).toBe('2');
    await h.click(row(h, 'verify').querySelector('[data-set="yes"]'));
    await h.click(row(h, 'close').querySelector('[data-set="yes"]'));
    expect(h.$('[data-testid="checklist-open"]')).toBeNull();
    expect(score.textContent).toBe('Итог: 100 %');
    expect(score.dataset.passed).toBe('true');
    expect(h.$('[data-testid="tab-checklist"] .badge')).toBeNull();
  });

  it('needs a call to mark; without a checklist says so', async () => {
    const h = await openChecklist(null, false);
    expect(h.$('[data-testid="checklist-panel"]')!.textContent).toContain('Нет звонка');
    expect(h.$('[data-item-id] button')).toBeNull();
    h.unmount();
    harness = await mountSections({ ...CONTENT, checklist: null }, makeCall());
    await act(() => harness!.actions.showTab('checklist'));
    expect(harness.text()).toContain('Чек-лист не опубликован');
  });

  it('shows the marks not yet confirmed over the stored ones, for that call only', () => {
    const call = makeCall({ script: { modules: [], objections: [], checklist: { greet: 'yes', close: 'no' } } });
    const pending = [
      { callId: call.id, itemId: 'close', mark: null },
      { callId: call.id, itemId: 'offer', mark: 'na' as const },
      { callId: 'another', itemId: 'greet', mark: 'no' as const },
    ];
    expect(shownMarks(call, pending)).toEqual({ greet: 'yes', offer: 'na' });
    expect(shownMarks(null, pending)).toEqual({});
    expect(shownMarks(call, [])).toBe(call.script!.checklist);
  });
});

describe('ChecklistView read-only with a second column (calibration)', () => {
  it('shows both marks and no buttons', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const i18n = { t: createTranslator(panelMessages, 'en'), locale: 'en' as const };
    render(
      jsx(
        PanelI18n.Provider,
        { value: i18n },
        jsx(ChecklistView, {
          checklist: CHECKLIST,
          marks: { greet: 'yes', verify: 'no', offer: 'na', close: 'yes' },
          compare: { greet: 'yes', verify: 'yes' },
        }),
      ),
      root,
    );
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('[tabindex]')).toBeNull();
    const cells = (id: string) => [...root.querySelectorAll(`[data-item-id="${id}"] .mark`)].map((m) => m.textContent);
    expect(cells('verify')).toEqual(['No', 'Yes']);
    expect(cells('close')).toEqual(['Yes', '—']);
    expect(root.querySelector('.mark--compare')!.getAttribute('title')).toBe('Self-check');
    // Weight done 1 + 1 of 1 + 2 + 1 applicable (offer is N/A); the critical item marked no fails it.
    expect(root.querySelector('[data-testid="checklist-score"]')!.textContent).toBe('Score: 50 %critical item failed');
    expect(root.querySelector(`[data-item-id="verify"]`)!.className).toContain('check--failed');
    render(null, root);
    root.remove();
  });
});
