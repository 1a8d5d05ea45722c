// Operator preferences (global) and per-site configuration: the site adapter and the panel's
// remembered width/state for that site.
import * as z from 'zod/mini';
import { Hotkey, Modifiers } from './hotkeys';
import { Locale, Origin, ShortText } from './primitives';

export const PanelMode = z.enum(['push', 'overlay']);
export type PanelMode = z.infer<typeof PanelMode>;

export const Settings = z.object({
  locale: Locale,
  /** Held together with a call type's key to tag the current call. */
  tagModifiers: Modifiers,
  toggleCall: Hotkey,
  undoTag: Hotkey,
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
