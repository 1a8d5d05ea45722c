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
