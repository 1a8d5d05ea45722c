// @vitest-environment happy-dom
// Hotkey matching: layout-independent codes, exact modifiers, untrusted events ignored (R16); the
// options page's hotkey editor, including the panel's objections/search/checklist keys.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { HotkeysSection } from '@/components/options/HotkeysSection';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { describeHotkey, type KeyInput, matchHotkey } from '@/lib/hotkeys/match';
import { optionsMessages } from '@/lib/i18n/options-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { Classifier } from '@/lib/schema/classifier';
import { Settings } from '@/lib/schema/settings';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';

// The editor's error notices know the messaging client, which loads the extension API.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const key = (code: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  isTrusted: true,
  repeat: false,
  ...extra,
});

describe('matchHotkey', () => {
  it('maps Alt+Shift+digit to the call type with that key', () => {
    expect(matchHotkey(key('Digit1'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({
      kind: 'tag',
      typeId: 'billing',
    });
    expect(matchHotkey(key('Digit4'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({
      kind: 'tag',
      typeId: 'tech_support',
    });
  });
  it('ignores synthetic, repeated and differently-modified keys', () => {
    expect(matchHotkey(key('Digit1', { isTrusted: false }), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
    expect(matchHotkey(key('Digit1', { repeat: true }), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
    expect(matchHotkey(key('Digit1', { ctrlKey: true }), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
    expect(matchHotkey(key('Digit1', { shiftKey: false }), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
    expect(matchHotkey(key('Digit9'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
  });
  it('knows the call toggle and undo keys', () => {
    expect(matchHotkey(key('KeyC'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({ kind: 'toggleCall' });
    expect(matchHotkey(key('Backspace'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({ kind: 'undo' });
  });
  it('knows the objections, search and checklist keys, which clash with nothing by default', () => {
    expect(matchHotkey(key('KeyO'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({
      kind: 'open',
      section: 'objections',
    });
    expect(matchHotkey(key('KeyF'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({ kind: 'open', section: 'search' });
    expect(matchHotkey(key('KeyL'), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toEqual({
      kind: 'open',
      section: 'checklist',
    });
    expect(matchHotkey(key('KeyO', { isTrusted: false }), DEFAULT_SETTINGS, DEFAULT_CLASSIFIER)).toBeNull();
    const { toggleCall, undoTag, objections, search, checklist, tagModifiers } = DEFAULT_SETTINGS;
    const combos = [toggleCall, undoTag, objections, search, checklist].map((k) => describeHotkey(k.modifiers, k.key));
    for (const type of DEFAULT_CLASSIFIER.types) combos.push(describeHotkey(tagModifiers, type.key!));
    expect(new Set(combos).size).toBe(combos.length);
  });
  it('gives settings stored before the panel hotkeys existed their defaults', () => {
    const { objections: _o, search: _s, checklist: _c, ...stored } = DEFAULT_SETTINGS;
    const parsed = Settings.parse(JSON.parse(JSON.stringify(stored)));
    expect(parsed.objections).toEqual(DEFAULT_SETTINGS.objections);
    expect(parsed.search).toEqual(DEFAULT_SETTINGS.search);
    expect(parsed.checklist).toEqual(DEFAULT_SETTINGS.checklist);
    const moved = {
      ...stored,
      search: { modifiers: { alt: false, shift: false, ctrl: true, meta: false }, key: 'KeyK' },
    };
    expect(Settings.parse(moved).search.key).toBe('KeyK');
    expect(
      Settings.safeParse({
        ...stored,
        search: { modifiers: { alt: false, shift: true, ctrl: false, meta: false }, key: 'KeyK' },
      }).success,
    ).toBe(false);
  });
  it('follows an edited classifier and modifier', () => {
    const classifier = Classifier.parse({
      version: 3,
      types: [{ id: 'sale', key: 'KeyS', names: { ru: 'Продажа', en: 'Sale', pl: 'Sprzedaż' } }],
    });
    const settings = { ...DEFAULT_SETTINGS, tagModifiers: { alt: false, shift: true, ctrl: true, meta: false } };
    expect(matchHotkey(key('KeyS', { altKey: false, ctrlKey: true }), settings, classifier)).toEqual({
      kind: 'tag',
      typeId: 'sale',
    });
  });
  it('describes a hotkey for display', () => {
    expect(describeHotkey(DEFAULT_SETTINGS.tagModifiers, 'Digit3')).toBe('Alt+Shift+3');
  });
});

describe('classifier schema', () => {
  it('refuses duplicate ids and duplicate keys, and a modifier-less hotkey', () => {
    const type = DEFAULT_CLASSIFIER.types[0]!;
    expect(Classifier.safeParse({ version: 1, types: [type, type] }).success).toBe(false);
    expect(Classifier.safeParse({ version: 1, types: [type, { ...type, id: 'x' }] }).success).toBe(false);
    expect(Classifier.safeParse(DEFAULT_CLASSIFIER).success).toBe(true);
    expect(DEFAULT_CLASSIFIER.types).toHaveLength(8);
  });
});

describe('hotkeys section of the options page', () => {
  async function editor() {
    const root = document.createElement('div');
    document.body.append(root);
    const onSave = vi.fn(async (_settings: Settings) => {});
    const t = createTranslator(optionsMessages, 'ru');
    await act(() =>
      render(
        h(HotkeysSection, { t, locale: 'ru', settings: DEFAULT_SETTINGS, classifier: DEFAULT_CLASSIFIER, onSave }),
        root,
      ),
    );
    const field = (legend: string) =>
      [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!;
    const capture = async (legend: string, code: string) => {
      const input = field(legend).querySelector<HTMLInputElement>('.key-capture')!;
      await act(() => {
        input.dispatchEvent(new KeyboardEvent('keydown', { code, key: code.slice(3).toLowerCase(), bubbles: true }));
      });
    };
    const save = () => act(() => root.querySelector<HTMLButtonElement>('button.primary')!.click());
    return { root, onSave, field, capture, save };
  }

  it('shows the panel hotkeys beside the call ones and saves a changed one', async () => {
    const { root, onSave, field, capture, save } = await editor();
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
      'Отметка звонка типом',
      'Начать/завершить звонок',
      'Отменить последний тег',
      'Открыть возражения',
      'Найти модуль скрипта',
      'Открыть чек-лист',
      'Время',
    ]);
    expect(field('Открыть возражения').textContent).toContain('Сейчас: Alt+Shift+O');
    await capture('Найти модуль скрипта', 'KeyK');
    await save();
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      search: { key: 'KeyK', modifiers: DEFAULT_SETTINGS.search.modifiers },
    });
    render(null, root);
    root.remove();
  });

  it('refuses a panel hotkey that repeats another hotkey or a call type key', async () => {
    const { root, onSave, capture, save } = await editor();
    await capture('Открыть чек-лист', 'KeyO');
    await capture('Найти модуль скрипта', 'Digit2');
    await save();
    expect(onSave).not.toHaveBeenCalled();
    const text = root.textContent ?? '';
    expect(text).toContain('У «Открыть возражения» и «Открыть чек-лист» одинаковое сочетание.');
    expect(text).toContain(
      '«Найти модуль скрипта» (Alt+Shift+2) совпадает с клавишей типа звонка «Расторжение договора».',
    );
    render(null, root);
    root.remove();
  });
});
