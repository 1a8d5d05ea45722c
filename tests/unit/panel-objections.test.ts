// @vitest-environment happy-dom
// The objections tab: one keystroke opens it with the focus in it, this call type's objections
// come first, digits pick the objection and then the answer, raising and handling go to the call,
// Esc goes back and finally returns the focus to the page. Authored text stays text (R17).
import { h as jsx, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ObjectionCard } from '@/components/script/ObjectionCard';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { createTranslator } from '@/lib/i18n/translate';
import type { PanelContent } from '@/lib/messaging/protocol';
import { PanelI18n } from '@/lib/panel/i18n-context';
import { orderObjections } from '@/lib/panel/script-derive';
import type { CallRecord } from '@/lib/schema/call';
import { type Objection, ObjectionSet } from '@/lib/schema/content';
import { fakeUlid, makeCall, T0 } from './helpers';
import { focusedIn, type Harness, mountSections } from './panel-harness';

const objection = (id: string, title: string, callTypes: string[], answers: string[]): Objection => ({
  id,
  title,
  callTypes,
  answers: answers.map((text, i) => ({ id: `${id}_${i + 1}`, text })),
});

const OBJECTIONS = ObjectionSet.parse({
  objections: [
    objection('expensive', 'Дорого', [], ['Разница всего **{price_delta} ₽** в месяц.', 'Первый месяц бесплатно.']),
    objection('cheaper', 'У другого провайдера дешевле', ['termination'], ['Сравним: у них есть скрытые платежи.']),
    objection('think', 'Я подумаю', [], ['Отправлю предложение в SMS и перезвоню завтра.']),
    objection('tv_only', 'Нужен только ТВ', ['connection'], ['Пакет ТВ без интернета тоже есть.']),
    objection('xss', '<img src=x onerror="alert(1)">', [], ['<script>alert(1)</script> [ссылка](javascript:alert(1))']),
  ],
});

const CONTENT: PanelContent = {
  refs: {},
  scripts: { modules: [] },
  objections: OBJECTIONS,
  checklist: null,
  tariffs: null,
};

const tagged = (call: CallRecord, typeId: string): CallRecord => ({
  ...call,
  tags: [{ id: fakeUlid(5), typeId, at: T0 }],
});

const listed = (h: Harness) => h.$$('.pick[data-objection-id]').map((b) => b.dataset.objectionId);

let harness: Harness | null = null;
afterEach(() => {
  harness?.unmount();
  harness = null;
});

async function openByHotkey(call: CallRecord | null) {
  harness = await mountSections(CONTENT, call);
  harness.pageInput.focus();
  await act(() => harness!.actions.openSection('objections'));
  return harness;
}

describe('objection order', () => {
  it('puts this call type first, then those for any type, then the rest, each in the authors’ order', () => {
    const ids = (typeId: string | null) => orderObjections(OBJECTIONS.objections, typeId).map((o) => o.id);
    expect(ids('termination')).toEqual(['cheaper', 'expensive', 'think', 'xss', 'tv_only']);
    expect(ids(null)).toEqual(['expensive', 'think', 'xss', 'cheaper', 'tv_only']);
  });
});

describe('objections tab', () => {
  it('opens by one keystroke with the focus in it, the call type’s objections first', async () => {
    const h = await openByHotkey(tagged(makeCall(), 'termination'));
    expect(h.store.get().ui.tab).toBe('objections');
    expect(h.$('[data-testid="tab-objections"]')!.getAttribute('aria-selected')).toBe('true');
    expect(h.$('[data-testid="script-panel"]')!.hidden).toBe(true);
    expect(focusedIn(h)).toBe(h.$('[data-testid="objections-panel"]'));
    expect(listed(h)).toEqual(['cheaper', 'expensive', 'think', 'xss', 'tv_only']);
    expect(h.$$('.pick .pick__key').map((k) => k.textContent)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('a digit raises an objection, a digit picks an answer, «Отработано» records it handled', async () => {
    const call = makeCall({ subscriber: { tariff: 'Домашний 100' } });
    const h = await openByHotkey(call);
    await h.press('Digit1');
    const raised = () => h.sent.filter((s) => s.type === 'objection.raise').map((s) => s.body);
    expect(raised()).toEqual([{ callId: call.id, objectionId: 'expensive', answerId: null, handled: false }]);
    const card = h.$('[data-testid="objection-card"]')!;
    expect(card.dataset.objectionId).toBe('expensive');
    // Answers are numbered; their missing values are buttons, never braces.
    expect(h.$$('.answer').map((a) => a.dataset.answerId)).toEqual(['expensive_1', 'expensive_2']);
    expect(card.querySelector('strong')?.textContent).toBe('price delta ₽');
    expect(card.textContent).not.toMatch(/[{}]/);
    await h.press('Digit2');
    expect(raised().at(-1)).toEqual({
      callId: call.id,
      objectionId: 'expensive',
      answerId: 'expensive_2',
      handled: false,
    });
    expect(h.$('[data-answer-id="expensive_2"]')!.className).toContain('answer--used');
    expect(h.$('[data-answer-id="expensive_2"] button')!.getAttribute('aria-pressed')).toBe('true');
    // A digit with no answer does nothing.
    await h.press('Digit9');
    expect(raised()).toHaveLength(2);
    await h.click(h.$('[data-testid="objection-handled"]'));
    expect(raised().at(-1)).toEqual({
      callId: call.id,
      objectionId: 'expensive',
      answerId: 'expensive_2',
      handled: true,
    });
    // Back on the list, marked handled; the focus stays in the tab for the next digit.
    expect(h.$('[data-objection-id="expensive"]')!.dataset.state).toBe('handled');
    expect(focusedIn(h)).toBe(h.$('[data-testid="objections-panel"]'));
    await h.press('Digit2');
    expect(raised().at(-1)).toMatchObject({ objectionId: 'think', answerId: null, handled: false });
    expect(h.call()!.script!.objections).toEqual([
      { objectionId: 'expensive', at: T0, answerId: 'expensive_2', handled: true },
      { objectionId: 'think', at: T0, answerId: null, handled: false },
    ]);
  });

  it('Esc goes back to the list, then to the script and the page field the operator was in', async () => {
    const h = await openByHotkey(makeCall());
    await h.click(h.$('[data-objection-id="think"]'));
    expect(h.$('[data-testid="objection-card"]')).not.toBeNull();
    expect(focusedIn(h)).toBe(h.$('[data-testid="objections-panel"]'));
    await h.press('Escape');
    expect(h.$('[data-testid="objection-card"]')).toBeNull();
    expect(listed(h)).toHaveLength(5);
    await h.press('Escape');
    expect(h.store.get().ui.tab).toBe('script');
    expect(h.$('[data-testid="objections-panel"]')).toBeNull();
    expect(document.activeElement).toBe(h.pageInput);
  });

  it('still works without a call (nothing to record on, the background answers null)', async () => {
    const h = await openByHotkey(null);
    await h.press('Digit2');
    expect(h.sent.at(-1)).toEqual({
      type: 'objection.raise',
      body: { objectionId: 'think', answerId: null, handled: false },
    });
    expect(h.$('[data-testid="objection-card"]')!.dataset.objectionId).toBe('think');
  });

  it('a click on the tab opens it without taking the focus from the page', async () => {
    harness = await mountSections(CONTENT, makeCall());
    harness.pageInput.focus();
    await act(() => harness!.actions.showTab('objections'));
    expect(harness.$('[data-testid="objections-panel"]')).not.toBeNull();
    expect(document.activeElement).toBe(harness.pageInput);
  });

  it('R17: authored markup is shown as text', async () => {
    const h = await openByHotkey(makeCall());
    const item = h.$('[data-objection-id="xss"]')!;
    expect(item.textContent).toContain('<img src=x onerror="alert(1)">');
    await h.click(item);
    const card = h.$('[data-testid="objection-card"]')!;
    expect(card.textContent).toContain('<script>alert(1)</script> [ссылка](javascript:alert(1))');
    expect(h.root.querySelector('img, script, a')).toBeNull();
  });
});

describe('ObjectionCard without callbacks (the console preview)', () => {
  it('is read-only: answers shown, nothing to press', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const i18n = { t: createTranslator(panelMessages, 'en'), locale: 'en' as const };
    render(
      jsx(
        PanelI18n.Provider,
        { value: i18n },
        jsx(ObjectionCard, { objection: OBJECTIONS.objections[0]!, values: { price_delta: '100' } }),
      ),
      root,
    );
    expect(root.querySelector('strong')!.textContent).toBe('100 ₽');
    expect(root.querySelectorAll('.answer')).toHaveLength(2);
    expect([...root.querySelectorAll<HTMLButtonElement>('.answer__key')].every((b) => b.disabled)).toBe(true);
    expect(root.querySelector('[data-testid="objection-handled"]')).toBeNull();
    render(null, root);
    root.remove();
  });
});
