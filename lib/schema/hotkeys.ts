// Hotkeys are stored as a modifier set plus a layout-independent `KeyboardEvent.code`, so a
// Russian or Polish keyboard layout does not change what a key means.
import * as z from 'zod/mini';

export const KeyCode = z
  .string()
  .check(z.regex(/^(Digit[0-9]|Key[A-Z]|F([1-9]|1[0-2])|Backspace|Enter|Space|Backquote)$/, 'unsupported key'));
export type KeyCode = z.infer<typeof KeyCode>;

export const Modifiers = z
  .object({ alt: z.boolean(), shift: z.boolean(), ctrl: z.boolean(), meta: z.boolean() })
  .check(z.refine((m) => m.alt || m.ctrl || m.meta, 'a hotkey needs Alt, Ctrl or Meta so typing never triggers it'));
export type Modifiers = z.infer<typeof Modifiers>;

export const Hotkey = z.object({ modifiers: Modifiers, key: KeyCode });
export type Hotkey = z.infer<typeof Hotkey>;
