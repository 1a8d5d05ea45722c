// A field that records a hotkey's key by the operator pressing it. It stores the layout-independent
// `KeyboardEvent.code` (KeyC stays KeyC on a Russian or Polish layout). If Alt, Ctrl or Meta is
// held during the press, the modifiers are reported too, so "press the whole combination" works.
// Also home of the small helpers that turn key codes and modifier sets into readable labels.

import type { TargetedKeyboardEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import { type Hotkey, KeyCode, type Modifiers } from '../../lib/schema/hotkeys';

/** Readable name of a key code: Digit1 -> "1", KeyA -> "A", Space -> translated. */
export function keyLabel(code: string, t: OptionsTranslate): string {
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1] ?? code;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? code;
  switch (code) {
    case 'Space':
      return t('keys.space');
    case 'Backspace':
      return t('keys.backspace');
    case 'Enter':
      return t('keys.enter');
    case 'Backquote':
      return t('keys.backquote');
    default:
      return code;
  }
}

/** "Alt+Shift+1"; without a key, just the modifiers. */
export function comboLabel(modifiers: Modifiers, key: string | null, t: OptionsTranslate): string {
  const parts: string[] = [];
  if (modifiers.ctrl) parts.push(t('keys.ctrl'));
  if (modifiers.alt) parts.push(t('keys.alt'));
  if (modifiers.shift) parts.push(t('keys.shift'));
  if (modifiers.meta) parts.push(t('keys.meta'));
  if (key !== null) parts.push(keyLabel(key, t));
  return parts.join('+');
}

export function sameModifiers(a: Modifiers, b: Modifiers): boolean {
  return a.alt === b.alt && a.shift === b.shift && a.ctrl === b.ctrl && a.meta === b.meta;
}

export function sameHotkey(a: Hotkey, b: Hotkey): boolean {
  return a.key === b.key && sameModifiers(a.modifiers, b.modifiers);
}

/** Pressing only a modifier is not a choice yet: wait for the real key. */
const MODIFIER_CODES = new Set([
  'AltLeft',
  'AltRight',
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'MetaLeft',
  'MetaRight',
  'OSLeft',
  'OSRight',
  'CapsLock',
]);

type Props = {
  t: OptionsTranslate;
  label: string;
  value: KeyCode;
  onCapture: (key: KeyCode, modifiers: Modifiers | null) => void;
};

export function KeyCapture({ t, label, value, onCapture }: Props) {
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function onKeyDown(event: TargetedKeyboardEvent<HTMLInputElement>) {
    // Tab and Shift+Tab still move focus, so the field never traps keyboard users.
    if (event.code === 'Tab') return;
    event.preventDefault();
    event.stopPropagation();
    if (event.code === 'Escape') {
      event.currentTarget.blur();
      return;
    }
    if (MODIFIER_CODES.has(event.code)) return;
    const parsed = KeyCode.safeParse(event.code);
    if (!parsed.success) {
      setProblem(t('keys.unsupported', { key: event.code || event.key }));
      return;
    }
    setProblem(null);
    const held = event.altKey || event.ctrlKey || event.metaKey;
    onCapture(
      parsed.data,
      held ? { alt: event.altKey, shift: event.shiftKey, ctrl: event.ctrlKey, meta: event.metaKey } : null,
    );
  }

  return (
    <div class="field">
      <label class="field-main">
        <span class="field-label">{label}</span>
        <input
          class="key-capture"
          type="text"
          readOnly
          value={keyLabel(value, t)}
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
          onBlur={() => setProblem(null)}
        />
      </label>
      <small id={hintId} class={problem ? 'field-error' : 'hint'}>
        {problem ?? t('keys.captureHint')}
      </small>
    </div>
  );
}
