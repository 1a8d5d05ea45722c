// Small zod (mini) building blocks shared by every schema. zod/mini keeps the content script small.
import * as z from 'zod/mini';

/** ULID: 26 Crockford base32 characters; made by the background with the `ulid` package. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a ULID'));

/** Epoch milliseconds. */
export const EpochMs = z.number().check(z.int(), z.nonnegative());

/** Text that came from a page or a person: bounded, never rendered as HTML. */
export const ShortText = (max = 200) => z.string().check(z.maxLength(max));

export const Locale = z.enum(['ru', 'en', 'pl']);
export type Locale = z.infer<typeof Locale>;

/** An http(s) origin such as `https://crm.example.com` or `http://localhost:5173`. */
export const Origin = z.string().check(
  z.maxLength(300),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'expected an origin like https://crm.example.com'),
);
