// Turning a keystroke into a panel action. Pure: takes the event's fields and the settings.
// Only trusted events count, so a page's synthetic KeyboardEvent can never tag a call (R16).
import type { Classifier } from '../schema/classifier';
import type { Hotkey, Modifiers } from '../schema/hotkeys';
import type { Settings } from '../schema/settings';

/** Panel sections a hotkey opens (with focus in them, so the next keys act there). */
export type PanelHotkey = 'objections' | 'search' | 'checklist';

export type HotkeyAction =
  | { kind: 'tag'; typeId: string }
  | { kind: 'toggleCall' }
  | { kind: 'undo' }
  | { kind: 'open'; section: PanelHotkey };

const SECTIONS: readonly PanelHotkey[] = ['objections', 'search', 'checklist'];

export interface KeyInput {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isTrusted: boolean;
  repeat: boolean;
}

function modifiersMatch(event: KeyInput, m: Modifiers): boolean {
  return event.altKey === m.alt && event.shiftKey === m.shift && event.ctrlKey === m.ctrl && event.metaKey === m.meta;
}

function hotkeyMatches(event: KeyInput, hotkey: Hotkey): boolean {
  return event.code === hotkey.key && modifiersMatch(event, hotkey.modifiers);
}

export function matchHotkey(event: KeyInput, settings: Settings, classifier: Classifier): HotkeyAction | null {
  if (!event.isTrusted || event.repeat) return null;
  if (hotkeyMatches(event, settings.toggleCall)) return { kind: 'toggleCall' };
  if (hotkeyMatches(event, settings.undoTag)) return { kind: 'undo' };
  const section = SECTIONS.find((name) => hotkeyMatches(event, settings[name]));
  if (section) return { kind: 'open', section };
  if (!modifiersMatch(event, settings.tagModifiers)) return null;
  const type = classifier.types.find((t) => t.key === event.code);
  return type ? { kind: 'tag', typeId: type.id } : null;
}

/** "Alt+Shift+1" for display next to a call type. */
export function describeHotkey(modifiers: Modifiers, key: string): string {
  const parts: string[] = [];
  if (modifiers.ctrl) parts.push('Ctrl');
  if (modifiers.alt) parts.push('Alt');
  if (modifiers.shift) parts.push('Shift');
  if (modifiers.meta) parts.push('Meta');
  parts.push(key.replace(/^(Digit|Key)/, ''));
  return parts.join('+');
}
