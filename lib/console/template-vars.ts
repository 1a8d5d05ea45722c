// The variables an author can put into a module or answer text (the ones lib/content/variables.ts
// fills from the subscriber the CRM page shows and the tariff catalogue), and inserting one at the
// cursor of the text field.
import { KNOWN_VARIABLES, type KnownVariable } from '../content/variables';

export const TEMPLATE_VARIABLES: readonly KnownVariable[] = KNOWN_VARIABLES;
export type TemplateVariable = KnownVariable;

/** The text with `{name}` replacing the selection `start..end`, and where the caret goes after it. */
export function insertVariable(
  text: string,
  start: number,
  end: number,
  name: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const token = `{${name}}`;
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}
