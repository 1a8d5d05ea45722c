// The call classifier (seed 003's call "colouring") as data: types, their names in every UI
// language, order and the key that tags a call with them.
import * as z from 'zod/mini';
import { KeyCode } from './hotkeys';
import { ShortText } from './primitives';

export const CallType = z.object({
  id: z.string().check(z.regex(/^[a-z0-9_-]{1,40}$/, 'id: lower-case letters, digits, _ or -')),
  names: z.object({
    ru: ShortText(120).check(z.minLength(1)),
    en: ShortText(120).check(z.minLength(1)),
    pl: ShortText(120).check(z.minLength(1)),
  }),
  /** Key pressed together with the tag modifier, e.g. `Digit1`. */
  key: z.nullable(KeyCode),
});
export type CallType = z.infer<typeof CallType>;

export const Classifier = z
  .object({
    version: z.number().check(z.int(), z.nonnegative()),
    types: z.array(CallType).check(z.minLength(1), z.maxLength(30)),
  })
  .check(
    z.refine((c) => new Set(c.types.map((t) => t.id)).size === c.types.length, 'type ids must be unique'),
    z.refine((c) => {
      const keys = c.types.map((t) => t.key).filter((k) => k !== null);
      return new Set(keys).size === keys.length;
    }, 'two call types share a hotkey'),
  );
export type Classifier = z.infer<typeof Classifier>;
