// @vitest-environment happy-dom
// Re-rendering the panel's sections: a confirmed tag changes only its own button, a clock tick
// or a new state with the same content re-renders only what shows time, and the text shown is
// the same as before memoisation; the script sections skip ticks and follow a tag at once.

import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentCalls } from '@/components/RecentCalls';
import { ScriptSections } from '@/components/script/ScriptSections';
import { Tagger } from '@/components/Tagger';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '@/lib/content/defaults';
import { panelMessages } from '@/lib/i18n/panel-messages';
import { createTranslator } from '@/lib/i18n/translate';
import type { PanelContent } from '@/lib/messaging/protocol';
import { formatClock } from '@/lib/panel/format';
import { PanelI18n } from '@/lib/panel/i18n-context';
import { memo, shallowEqual } from '@/lib/panel/memo';
import type { ScriptActions } from '@/lib/panel/script-actions';
import type { CallRecord } from '@/lib/schema/call';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { fakeUlid, makeCall, T0 } from './helpers';

vi.mock('@/lib/panel/format', async (original) => {
  const actual = await original<typeof import('@/lib/panel/format')>();
  return { ...actual, formatClock: vi.fn(actual.formatClock) };
});

/** A translator that counts what it was asked for: the tag buttons ask for their mark. */
const asked: string[] = [];
const translate = createTranslator(panelMessages, 'en');
const i18n = {
  t: ((key, params) => {
    asked.push(key);
    return translate(key, params);
  }) as typeof translate,
  locale: 'en' as const,
};
const noop = () => {};

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

function mount() {
  root = document.createElement('div');
  document.body.append(root);
  return root;
}

/** Elements and text nodes changed under `target` while `work` runs. */
async function mutationsDuring(target: Node, work: () => void): Promise<Node[]> {
  const changed: Node[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) changed.push(record.target);
  });
  observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  work();
  await Promise.resolve();
  changed.push(...observer.takeRecords().map((r) => r.target));
  observer.disconnect();
  return changed;
}

const onTag = (_typeId: string) => {};

function tagger(
  target: CallRecord | null,
  now: number,
  pending: { key: number; typeId: string; callId: string; startedAt: number }[] = [],
) {
  return h(
    PanelI18n.Provider,
    { value: i18n },
    h(Tagger, {
      classifier: DEFAULT_CLASSIFIER,
      modifiers: DEFAULT_SETTINGS.tagModifiers,
      target,
      pending,
      now,
      undoSeconds: 10,
      onTag,
      onUndo: noop,
    }),
  );
}

describe('memo', () => {
  it('compares props shallowly and skips renders with equal props', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: 2 } as { a: number })).toBe(false);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
    let renders = 0;
    const Counted = memo(({ label }: { label: string }) => {
      renders += 1;
      return h('span', null, label);
    });
    const el = mount();
    render(h('div', null, h(Counted, { label: 'a' })), el);
    render(h('div', null, h(Counted, { label: 'a' })), el);
    expect(renders).toBe(1);
    render(h('div', null, h(Counted, { label: 'b' })), el);
    expect(renders).toBe(2);
    expect(el.textContent).toBe('b');
  });
});

describe('tagger re-renders', () => {
  it('a confirmed tag changes its own button only', async () => {
    const el = mount();
    const call = makeCall();
    render(tagger(call, T0, [{ key: 1, typeId: 'billing', callId: call.id, startedAt: 0 }]), el);
    const billing = el.querySelector('[data-testid="tag-billing"]')!;
    expect(billing.getAttribute('data-state')).toBe('pending');
    const tagged = { ...call, tags: [{ id: fakeUlid(7), typeId: 'billing', at: T0 }], updatedAt: T0 + 1 };
    const changed = await mutationsDuring(el, () => render(tagger(tagged, T0), el));
    expect(billing.getAttribute('data-state')).toBe('saved');
    expect(billing.textContent).toContain('saved');
    const buttons = [...el.querySelectorAll('[data-testid^="tag-"]')];
    const touched = buttons.filter((button) => changed.some((node) => button === node || button.contains(node)));
    expect(touched).toEqual([billing]);
  });

  it('a clock tick re-renders no button', async () => {
    const el = mount();
    const call = { ...makeCall(), tags: [{ id: fakeUlid(7), typeId: 'billing', at: T0 }] };
    render(tagger(call, T0), el);
    expect(asked).toContain('tagSaved');
    asked.length = 0;
    const changed = await mutationsDuring(el, () => render(tagger(structuredClone(call), T0 + 500), el));
    expect(asked).not.toContain('tagSaved');
    const list = el.querySelector('.tagger__list')!;
    expect(changed.filter((node) => list.contains(node))).toEqual([]);
  });
});

describe('recent calls re-renders', () => {
  const list = (calls: CallRecord[], now: number) =>
    h(PanelI18n.Provider, { value: i18n }, h(RecentCalls, { calls, classifier: DEFAULT_CLASSIFIER, now, onTag: noop }));

  it('shows time, duration and tags, and a tick changes only the running call', async () => {
    const el = mount();
    const ended = makeCall({
      id: fakeUlid(1),
      startedAt: T0 - 120_000,
      endedAt: T0 - 60_000,
      durationMs: 60_000,
      tags: [{ id: fakeUlid(2), typeId: 'billing', at: T0 - 90_000 }],
    });
    const running = makeCall({ id: fakeUlid(3), startedAt: T0 - 5_000 });
    render(list([running, ended], T0), el);
    const [runningRow, endedRow] = [...el.querySelectorAll('[data-testid="recent-call"]')];
    expect(endedRow!.textContent).toContain(formatClock(ended.startedAt, 'en'));
    expect(endedRow!.textContent).toContain('1:00');
    expect(endedRow!.textContent).toContain(DEFAULT_CLASSIFIER.types[0]!.names.en);
    expect(runningRow!.textContent).toContain('0:05');
    // A new state brings new objects with the same content; a second later only the running row
    // renders again (each row formats its start time when it renders).
    vi.mocked(formatClock).mockClear();
    const changed = await mutationsDuring(el, () =>
      render(list([structuredClone(running), structuredClone(ended)], T0 + 1000), el),
    );
    expect(runningRow!.textContent).toContain('0:06');
    expect(vi.mocked(formatClock).mock.calls.map(([at]) => at)).toEqual([running.startedAt]);
    expect(changed.filter((node) => endedRow!.contains(node))).toEqual([]);
  });
});

describe('script sections re-renders', () => {
  const content: PanelContent = {
    refs: {},
    scripts: DEFAULT_SCRIPTS,
    objections: DEFAULT_OBJECTIONS,
    checklist: DEFAULT_CHECKLIST,
    tariffs: DEFAULT_TARIFFS,
  };
  const actions = new Proxy({} as ScriptActions, { get: () => noop });
  const ui = { tab: 'script' as const, searchOpen: false, focus: null };
  const marks: [] = [];
  const manual = {};
  const sections = (call: CallRecord, pendingType: string | null) =>
    h(
      PanelI18n.Provider,
      { value: i18n },
      h(ScriptSections, {
        content,
        call,
        pendingType,
        pendingAt: null,
        manual,
        marks,
        ui,
        settings: DEFAULT_SETTINGS,
        actions,
      }),
    );

  it('a clock tick changes nothing in them; a tag pressed switches the module at once', async () => {
    const el = mount();
    const call = makeCall({ endedAt: T0, subscriber: { name: 'Иванова Мария Петровна', balance: '-150,00 ₽' } });
    render(sections(call, null), el);
    const before = el.querySelector('[data-testid="module-card"]')!.getAttribute('data-module-id');
    // PanelApp re-renders on every tick with the same objects: the memo skips the whole subtree.
    expect(asked).toContain('alsoFits');
    asked.length = 0;
    expect(await mutationsDuring(el, () => render(sections(call, null), el))).toEqual([]);
    expect(asked).toEqual([]);
    await mutationsDuring(el, () => render(sections(call, 'billing'), el));
    const after = el.querySelector('[data-testid="module-card"]')!.getAttribute('data-module-id');
    expect(after).toBe('negative_balance');
    expect(after).not.toBe(before);
  });
});

describe('formatClock', () => {
  it('reads as toLocaleTimeString with hours and minutes in every panel language', () => {
    for (const locale of ['ru', 'en', 'pl'] as const) {
      for (const at of [T0, T0 + 13 * 3600_000 + 5 * 60_000, Date.UTC(2026, 0, 1, 23, 59)]) {
        expect(formatClock(at, locale)).toBe(
          new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }),
        );
      }
    }
  });
});
