// PostgreSQL refuses two things JSON and JavaScript strings allow: the NUL character (in text and
// jsonb) and unpaired UTF-16 surrogates (a "\ud800" escape in jsonb). Uploaded payloads and
// published bodies are checked with these helpers, so such input is a 4xx or a dead letter with a
// reason, never a 500 from the database (R21).

function cleanText(text: string): string {
  return text.toWellFormed().replaceAll('\0', '\uFFFD');
}

function textOk(text: string): boolean {
  return text.isWellFormed() && !text.includes('\0');
}

/** Whether every string (and key) in a JSON value can be stored as it is. */
export function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return textOk(value);
  if (Array.isArray(value)) return value.every(isStorable);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => textOk(key) && isStorable(item));
  }
  return true;
}

// JSON.stringify writes NUL as \u0000 and an unpaired surrogate as \udXXX (a paired one stays a raw
// character); an escape counts only when its backslash is not itself escaped ("\\u0000" is text).
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f])/i;

/**
 * The JSON text of a value, or null when PostgreSQL could not store it. Same verdict as
 * `isStorable`, read off the text that is sent anyway instead of a second walk over the value:
 * uploaded payloads are checked this way on the ingest path.
 */
export function storableJson(value: unknown): string | null {
  const json = JSON.stringify(value);
  if (json === undefined) return null;
  return json.includes('\\u') && UNSTORABLE_ESCAPE.test(json) ? null : json;
}

/** A copy of a JSON value that PostgreSQL accepts: bad characters replaced with U+FFFD. */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), storable(item)]));
  }
  return value;
}

/** Text for a text column, with the same replacements. */
export function storableText(text: string): string {
  return cleanText(text);
}
