// Hotkey matching: layout-independent codes, exact modifiers, untrusted events ignored (R16).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { describeHotkey, type KeyInput, matchHotkey } from '@/lib/hotkeys/match';
import { Classifier } from '@/lib/schema/classifier';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';

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
