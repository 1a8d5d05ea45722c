// Operator preferences (global) and per-site configuration: the site adapter and the panel's
// remembered width/state for that site.
import * as z from 'zod/mini';
import { Hotkey, Modifiers } from './hotkeys';
import { Locale, Origin, ShortText } from './primitives';

const ALT_SHIFT = { alt: true, shift: true, ctrl: false, meta: false };

/**
 * Defaults of the panel hotkeys added after the first release. The fields are optional with these
 * defaults, so settings stored before they existed still parse (and get them). Layout-independent
 * codes; none clashes with the other defaults (Alt+Shift+1…8, C, Backspace).
 */
export const DEFAULT_PANEL_HOTKEYS = {
  objections: { modifiers: ALT_SHIFT, key: 'KeyO' },
  search: { modifiers: ALT_SHIFT, key: 'KeyF' },
  checklist: { modifiers: ALT_SHIFT, key: 'KeyL' },
} as const satisfies Record<string, Hotkey>;

export const PanelMode = z.enum(['push', 'overlay']);
export type PanelMode = z.infer<typeof PanelMode>;

export const Settings = z.object({
  locale: Locale,
  /** Held together with a call type's key to tag the current call. */
  tagModifiers: Modifiers,
  toggleCall: Hotkey,
  undoTag: Hotkey,
  /** Opens the objections list (then a digit picks one). */
  objections: z._default(Hotkey, () => DEFAULT_PANEL_HOTKEYS.objections),
  /** Opens the module search box. */
  search: z._default(Hotkey, () => DEFAULT_PANEL_HOTKEYS.search),
  /** Opens the checklist (then arrows move, Y/N/A mark). */
  checklist: z._default(Hotkey, () => DEFAULT_PANEL_HOTKEYS.checklist),
  /** After a call ends, tags still go to it for this long; then an untagged call is flagged. */
  wrapUpSeconds: z.number().check(z.int(), z.minimum(0), z.maximum(900)),
  /** How long the last tag can be undone. */
  undoSeconds: z.number().check(z.int(), z.minimum(1), z.maximum(60)),
});
export type Settings = z.infer<typeof Settings>;

const Selector = ShortText(500);

/** Where on a CRM/softphone page the call state and subscriber card are; data, not code. */
export const SiteAdapter = z.object({
  inCall: z.optional(Selector),
  callerNumber: z.optional(Selector),
  fields: z.object({
    contract: z.optional(Selector),
    name: z.optional(Selector),
    tariff: z.optional(Selector),
    balance: z.optional(Selector),
  }),
});
export type SiteAdapter = z.infer<typeof SiteAdapter>;

export const PANEL_MIN_WIDTH = 260;
export const PANEL_MAX_WIDTH = 720;

export const PanelPrefs = z.object({
  width: z.number().check(z.int(), z.minimum(PANEL_MIN_WIDTH), z.maximum(PANEL_MAX_WIDTH)),
  collapsed: z.boolean(),
  mode: PanelMode,
});
export type PanelPrefs = z.infer<typeof PanelPrefs>;

export const Site = z.object({
  origin: Origin,
  /** Demo origins are built in; operator-added ones hold an optional host permission. */
  builtIn: z.boolean(),
  adapter: SiteAdapter,
  panel: PanelPrefs,
});
export type Site = z.infer<typeof Site>;
