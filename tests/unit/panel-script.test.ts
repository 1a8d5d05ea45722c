// @vitest-environment happy-dom
// The panel's script tab: suggestions follow the call type (a tag just pressed included) and the
// subscriber's context, a missing value is asked for and never shown as {braces}, two modules
// stack into one answer, branches lead on, outcomes and module views go to the call, and the
// search works from the keyboard alone. Plus the view timer behind `script.view`.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_OBJECTIONS,
  DEFAULT_SCRIPTS,
  DEFAULT_TARIFFS,
  DEMO_SUBSCRIBER,
} from '@/lib/content/defaults';
import type { PanelContent } from '@/lib/messaging/protocol';
import { createViewTimer } from '@/lib/panel/view-timer';
import type { CallRecord } from '@/lib/schema/call';
import { type ScriptModule, ScriptSet, TariffCatalogue } from '@/lib/schema/content';
import { fakeUlid, makeCall, T0 } from './helpers';
import { focusedIn, type Harness, mountSections, type Probes } from './panel-harness';

const ANY: ScriptModule['when'] = { callTypes: [], balance: 'any', needsUpgrade: false };

function module(id: string, overrides: Partial<ScriptModule>): ScriptModule {
  return {
    id,
    title: id,
    stage: 'needs',
    offer: 'none',
    when: ANY,
    text: id,
    branches: [],
    keywords: [],
    ...overrides,
  };
}

const SCRIPTS = ScriptSet.parse({
  modules: [
    module('hello', { title: 'Приветствие', stage: 'opening', text: 'Здравствуйте, {first_name}!' }),
    module('debt', {
      title: 'Минус на счёте',
      when: { callTypes: ['billing'], balance: 'negative', needsUpgrade: false },
      text: 'На счёте **{balance}**.',
      branches: [{ when: 'Оплатил', goto: 'upgrade' }],
    }),
    module('upgrade', {
      title: 'Скорость вдвое',
      stage: 'offer',
      offer: 'upgrade',
      when: { callTypes: ['billing', 'tech_support'], balance: 'any', needsUpgrade: true },
      text: 'Тариф «{upgrade_tariff}» всего на {price_delta} {currency} дороже.',
    }),
    module('router', {
      title: 'Перезагрузка роутера',
      when: { callTypes: ['tech_support'], balance: 'any', needsUpgrade: false },
      text: 'Перезагрузите роутер.',
      keywords: ['модем'],
    }),
    module('callback', {
      title: 'Перезвонить позже',
      stage: 'closing',
      offer: 'callback',
      text: 'Запишу номер {callback_phone}, {first_name}.',
      keywords: ['подумаю'],
    }),
  ],
});

const TARIFFS = TariffCatalogue.parse({
  currency: '₽',
  services: [],
  tariffs: [
    {
      id: 'h100',
      name: 'Домашний 100',
      aliases: [],
      kind: 'internet',
      monthly: 500,
      speedMbps: 100,
      upgradeTo: 'h200',
      active: true,
    },
    {
      id: 'h200',
      name: 'Домашний 200',
      aliases: [],
      kind: 'internet',
      monthly: 600,
      speedMbps: 200,
      upgradeTo: null,
      active: true,
    },
  ],
});

const CONTENT: PanelContent = {
  refs: { scripts: 1, objections: 0, checklist: 0, tariffs: 1 },
  scripts: SCRIPTS,
  objections: { objections: [] },
  checklist: null,
  tariffs: TARIFFS,
};

const SUBSCRIBER = { name: 'Иванова Мария Петровна', tariff: 'Домашний 100', balance: '-150,00 ₽', contract: 'Д-1' };

function tagged(call: CallRecord, ...types: string[]): CallRecord {
  return { ...call, tags: types.map((typeId, i) => ({ id: fakeUlid(100 + i), typeId, at: T0 + i })) };
}

const shown = (h: Harness) => h.$$('[data-testid="module-card"]').map((card) => card.dataset.moduleId);
const suggested = (h: Harness) => h.$$('[data-testid="suggestions"] .pick').map((b) => b.dataset.moduleId);

let harness: Harness | null = null;
afterEach(() => {
  harness?.unmount();
  harness = null;
  vi.useRealTimers();
});

async function mount(call: CallRecord | null, content: PanelContent = CONTENT, probes: Probes = {}) {
  harness = await mountSections(content, call, probes);
  return harness;
}

describe('suggestions', () => {
  it('open the best module for the call type when it changes, and list the others that fit', async () => {
    const call = makeCall({ subscriber: SUBSCRIBER });
    const h = await mount(call);
    expect(shown(h)).toEqual(['hello']);
    await h.set({ call: tagged(call, 'billing') });
    // Type-specific with a matching balance condition first, then the offer; generic ones after.
    expect(shown(h)).toEqual(['debt']);
    expect(suggested(h)).toEqual(['upgrade', 'hello', 'callback']);
    // The last tag counts; within a group, by stage: needs before the offer.
    await h.set({ call: tagged(call, 'billing', 'tech_support') });
    expect(shown(h)).toEqual(['router']);
    expect(suggested(h)).toEqual(['upgrade', 'hello', 'callback']);
  });

  it('follow a tag the moment it is pressed, before the background has stored it', async () => {
    const call = makeCall({ subscriber: SUBSCRIBER });
    const h = await mount(call);
    await h.set({ pendingType: 'tech_support', pendingAt: performance.now() });
    expect(shown(h)).toEqual(['router']);
    // The operator opens another module; the confirmation (the same type) changes nothing.
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="upgrade"]'));
    await h.set({ call: tagged(call, 'tech_support'), pendingType: null, pendingAt: null });
    expect(shown(h)).toEqual(['upgrade']);
  });

  it('change with the context: a paid-up balance drops the debt module', async () => {
    const h = await mount(tagged(makeCall({ subscriber: { ...SUBSCRIBER, balance: '100,00 ₽' } }), 'billing'));
    expect(shown(h)).toEqual(['upgrade']);
    expect(suggested(h)).not.toContain('debt');
    // No tariff on the page: no upgrade is known, so the upgrade offer is not suggested either.
    await h.set({ call: tagged(makeCall({ subscriber: { balance: '-5 ₽' } }), 'billing') });
    expect(shown(h)).toEqual(['debt']);
    expect(suggested(h)).not.toContain('upgrade');
  });

  it('fill the subscriber and the tariff catalogue in: the demo balance call', async () => {
    const content: PanelContent = {
      refs: {},
      scripts: DEFAULT_SCRIPTS,
      objections: DEFAULT_OBJECTIONS,
      checklist: DEFAULT_CHECKLIST,
      tariffs: DEFAULT_TARIFFS,
    };
    const h = await mount(tagged(makeCall({ subscriber: DEMO_SUBSCRIBER }), 'billing'), content);
    const text = h.text();
    expect(text).toContain('Мария');
    expect(text).not.toMatch(/\{[a-z_]+\}/);
    // Pick the upgrade offer among the suggestions: +100 ₽ from «Домашний 100» to «Домашний 200».
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="balance_upgrade"]'));
    const card = h.$('[data-module-id="balance_upgrade"]')!;
    expect(card.textContent).toContain('за 100 ₽ в месяц');
    expect(card.textContent).toContain('Домашний 200');
  });
});

describe('variables the page did not give', () => {
  it('are asked for in one field, never shown as braces, and the value fills the call', async () => {
    const call = makeCall({ subscriber: { name: 'Пётр Сидоров' } });
    const h = await mount(call);
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="callback"]'));
    expect(shown(h)).toEqual(['callback']);
    expect(h.text()).not.toMatch(/[{}]/);
    const missing = h.$('.rt-missing[data-var="callback_phone"]')!;
    expect(missing.textContent).toBe('callback phone');
    // The first missing value is asked for at once, without taking the focus from the page.
    h.pageInput.focus();
    const field = h.$<HTMLInputElement>('[data-testid="ask-variable"] input')!;
    expect(h.$('[data-testid="ask-variable"]')!.textContent).toContain('callback phone');
    expect(document.activeElement).toBe(h.pageInput);
    // Pressing the value's button focuses the field; Enter keeps what was typed.
    await h.click(missing);
    expect(focusedIn(h)).toBe(field);
    field.value = '+7 900 000-00-00';
    await h.press('Enter');
    expect(h.$$('[data-module-id="callback"] .rt-var').map((v) => v.textContent)).toEqual(['+7 900 000-00-00', 'Пётр']);
    expect(h.$('[data-testid="ask-variable"]')).toBeNull();
    expect(h.store.get().manual[call.id]).toEqual({ callback_phone: '+7 900 000-00-00' });
    // Another call asks again: the value belonged to the first one.
    await h.set({ call: makeCall({ subscriber: { name: 'Пётр Сидоров' } }) });
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="callback"]'));
    expect(h.$('.rt-missing[data-var="callback_phone"]')).not.toBeNull();
  });

  it('Esc hides the field; the value button brings it back', async () => {
    const h = await mount(makeCall());
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="callback"]'));
    // Missing in order of use: the phone, then the first name.
    expect(h.$('[data-testid="ask-variable"]')!.textContent).toContain('callback phone');
    await h.press('Escape', { target: h.$('[data-testid="ask-variable"] input') });
    expect(h.$('[data-testid="ask-variable"]')).toBeNull();
    await h.click(h.$('.rt-missing[data-var="first_name"]'));
    expect(h.$('[data-testid="ask-variable"]')!.textContent).toContain('first name');
    expect(focusedIn(h)).toBe(h.$('[data-testid="ask-variable"] input'));
  });
});

describe('modules', () => {
  it('stack two into one answer; a third replaces the second; closing one keeps the other', async () => {
    const h = await mount(tagged(makeCall({ subscriber: SUBSCRIBER }), 'billing'));
    expect(shown(h)).toEqual(['debt']);
    await h.click(h.$('[data-stack="upgrade"]'));
    expect(shown(h)).toEqual(['debt', 'upgrade']);
    await h.click(h.$('[data-stack="callback"]'));
    expect(shown(h)).toEqual(['debt', 'callback']);
    await h.click(h.$('[data-module-id="debt"] .icon-button'));
    expect(shown(h)).toEqual(['callback']);
    // Opening (not stacking) a suggestion switches to it alone.
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="hello"]'));
    expect(shown(h)).toEqual(['hello']);
  });

  it('follow a branch in place of the module it leaves', async () => {
    const h = await mount(tagged(makeCall({ subscriber: SUBSCRIBER }), 'billing'));
    expect(h.$('[data-module-id="debt"] [data-outcome]')).toBeNull();
    const branch = h.$('[data-module-id="debt"] [data-goto="upgrade"]')!;
    expect(branch.textContent).toBe('Оплатил →');
    await h.click(branch);
    expect(shown(h)).toEqual(['upgrade']);
  });

  it('record the offer outcome; «Возражение» opens the objections', async () => {
    const call = tagged(makeCall({ subscriber: { ...SUBSCRIBER, balance: '0 ₽' } }), 'billing');
    const h = await mount(call);
    expect(shown(h)).toEqual(['upgrade']);
    const accepted = h.$('[data-module-id="upgrade"] [data-outcome="accepted"]')!;
    expect(accepted.textContent).toBe('Согласился');
    await h.click(accepted);
    expect(h.sent.filter((s) => s.type === 'script.outcome')).toEqual([
      { type: 'script.outcome', body: { callId: call.id, moduleId: 'upgrade', outcome: 'accepted' } },
    ]);
    expect(accepted.getAttribute('aria-pressed')).toBe('true');
    // Pressed again: cleared.
    const outcomes = () => h.sent.filter((s) => s.type === 'script.outcome').map((s) => s.body.outcome);
    await h.click(accepted);
    expect(outcomes()).toEqual(['accepted', null]);
    expect(accepted.getAttribute('aria-pressed')).toBe('false');
    await h.click(h.$('[data-module-id="upgrade"] [data-outcome="objection"]'));
    expect(outcomes()).toEqual(['accepted', null, 'objection']);
    expect(h.store.get().ui.tab).toBe('objections');
    expect(h.$('[data-testid="objections-panel"]')).not.toBeNull();
  });

  it('send a view of each module opened during the active call, and its time when it closes', async () => {
    const call = makeCall({ subscriber: SUBSCRIBER });
    const h = await mount(call);
    await vi.waitFor(() => expect(h.sent.filter((s) => s.type === 'script.view')).toHaveLength(1));
    expect(h.sent[0]).toEqual({ type: 'script.view', body: { callId: call.id, moduleId: 'hello', openMs: 0 } });
    await h.click(h.$('[data-testid="suggestions"] [data-module-id="callback"]'));
    await vi.waitFor(() => expect(h.sent.filter((s) => s.type === 'script.view')).toHaveLength(3));
    const views = h.sent.filter((s) => s.type === 'script.view').map((s) => [s.body.moduleId, s.body.openMs > 0]);
    expect(views).toEqual(
      expect.arrayContaining([
        ['hello', true],
        ['callback', false],
      ]),
    );
    // Viewed modules are on the call with the background's answer.
    expect(
      h
        .call()!
        .script!.modules.map((m) => m.moduleId)
        .sort(),
    ).toEqual(['callback', 'hello']);
  });

  it('count nothing without an active call', async () => {
    const h = await mount(makeCall({ endedAt: T0 + 1000, durationMs: 1000, wrapUpUntil: T0 + 90_000 }));
    expect(shown(h)).toEqual(['hello']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.sent).toEqual([]);
  });
});

describe('module search', () => {
  it('works by keyboard: the hotkey focuses it, arrows choose, Enter opens and gives the focus back', async () => {
    const h = await mount(makeCall({ subscriber: SUBSCRIBER }));
    h.pageInput.focus();
    await act(() => h.actions.openSection('search'));
    const field = h.$<HTMLInputElement>('[data-testid="module-search"] input')!;
    expect(focusedIn(h)).toBe(field);
    await h.type(field, 'перез');
    const results = () => h.$$('[data-testid="module-search"] .pick').map((r) => r.dataset.moduleId);
    // Title words first ("Перезагрузка", "Перезвонить"), authors' order within.
    expect(results()).toEqual(['router', 'callback']);
    await h.press('ArrowDown', { target: field });
    expect(h.$('.pick--on')!.dataset.moduleId).toBe('callback');
    await h.press('Enter', { target: field });
    expect(shown(h)).toEqual(['callback']);
    expect(h.$('[data-testid="module-search"]')).toBeNull();
    expect(document.activeElement).toBe(h.pageInput);
  });

  it('Shift+Enter stacks the result and stays open; Esc closes; no match says so', async () => {
    const h = await mount(tagged(makeCall({ subscriber: SUBSCRIBER }), 'billing'));
    await h.click(h.$('[data-testid="search-open"]'));
    const field = h.$<HTMLInputElement>('[data-testid="module-search"] input')!;
    await h.type(field, 'модем');
    await h.press('Enter', { target: field, shiftKey: true });
    expect(shown(h)).toEqual(['debt', 'router']);
    expect(h.$('[data-testid="module-search"]')).not.toBeNull();
    await h.type(field, 'ничего такого');
    expect(h.$$('[data-testid="module-search"] .pick')).toHaveLength(0);
    expect(h.$('[data-testid="module-search"]')!.textContent).toContain('Не найдено');
    await h.press('Escape', { target: field });
    expect(h.$('[data-testid="module-search"]')).toBeNull();
    expect(h.store.get().ui.searchOpen).toBe(false);
  });
});

describe('no suitable answer', () => {
  it('sends what the subscriber said with the open module, on Enter, and confirms', async () => {
    const call = tagged(makeCall({ subscriber: SUBSCRIBER }), 'billing');
    const h = await mount(call);
    await h.click(h.$('[data-testid="no-answer"]'));
    const field = h.$<HTMLInputElement>('[data-testid="no-answer-form"] input')!;
    expect(focusedIn(h)).toBe(field);
    await h.press('Enter', { target: field });
    expect(h.sent.some((s) => s.type === 'feedback.noAnswer')).toBe(false);
    field.value = '  Хочу тариф только на лето  ';
    await h.press('Enter', { target: field });
    await vi.waitFor(() => expect(h.$('[data-testid="no-answer-sent"]')).not.toBeNull());
    expect(h.sent.find((s) => s.type === 'feedback.noAnswer')!.body).toEqual({
      callId: call.id,
      moduleId: 'debt',
      text: 'Хочу тариф только на лето',
    });
  });

  it('Esc cancels and puts the focus back on the button', async () => {
    const h = await mount(null);
    await h.click(h.$('[data-testid="no-answer"]'));
    await h.press('Escape', { target: h.$('[data-testid="no-answer-form"] input') });
    expect(h.$('[data-testid="no-answer-form"]')).toBeNull();
    expect(focusedIn(h)).toBe(h.$('[data-testid="no-answer"]'));
    expect(h.sent).toEqual([]);
  });
});

describe('benchmark probes', () => {
  it('measure tag pressed -> its module shown, and keystroke -> search results shown', async () => {
    const onModuleShown = vi.fn();
    const onSearchShown = vi.fn();
    const h = await mount(makeCall({ subscriber: SUBSCRIBER }), CONTENT, { onModuleShown, onSearchShown });
    expect(onModuleShown).not.toHaveBeenCalled();
    await h.set({ pendingType: 'billing', pendingAt: performance.now() - 5 });
    expect(shown(h)).toEqual(['debt']);
    expect(onModuleShown).toHaveBeenCalledTimes(1);
    expect(onModuleShown.mock.calls[0]![0]).toBeGreaterThanOrEqual(5);
    await act(() => h.actions.openSection('search'));
    const field = h.$<HTMLInputElement>('[data-testid="module-search"] input')!;
    await h.type(field, 'п');
    await h.type(field, 'пе');
    expect(onSearchShown).toHaveBeenCalledTimes(2);
  });
});

describe('view timer', () => {
  it('reports 0 on open, the time open on close, on a flush and when the call changes', () => {
    let now = 1000;
    const reports: [string, string, number][] = [];
    const timer = createViewTimer(
      (callId, moduleId, ms) => reports.push([callId, moduleId, ms]),
      () => now,
    );
    timer.show('A', ['m1']);
    expect(reports).toEqual([['A', 'm1', 0]]);
    now += 1500;
    timer.show('A', ['m1', 'm2']);
    now += 500;
    timer.flush();
    expect(reports.slice(1)).toEqual([
      ['A', 'm2', 0],
      ['A', 'm1', 2000],
      ['A', 'm2', 500],
    ]);
    now += 250;
    timer.show('A', ['m2']);
    expect(reports.at(-1)).toEqual(['A', 'm1', 250]);
    // The call ends (no active call): the rest is reported, nothing more is counted.
    now += 100;
    timer.show(null, ['m2']);
    expect(reports.at(-1)).toEqual(['A', 'm2', 350]);
    const count = reports.length;
    now += 5000;
    timer.flush();
    timer.show(null, []);
    expect(reports).toHaveLength(count);
    // A new call counts its modules from the start.
    timer.show('B', ['m2']);
    expect(reports.at(-1)).toEqual(['B', 'm2', 0]);
  });
});
