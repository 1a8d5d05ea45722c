// Immutable edits of the lists inside a draft (modules, answers, sections, items, tariffs…): the
// editors never mutate the body they were given, so "unsaved changes" is a plain comparison with
// the base and a discarded draft is simply the base again.

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = list.slice();
  next.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return next;
}

/** Swap an item with its neighbour; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list.slice();
  const next = list.slice();
  next[index] = list[target] as T;
  next[target] = list[index] as T;
  return next;
}

/** `prefix-N` with the smallest N not taken, for a new item's id. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Comma-separated words (keywords, aliases) to a list, and back. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function joinList(list: readonly string[]): string {
  return list.join(', ');
}

/** Unsaved changes: the draft differs from what it started from. */
export function isChanged(draft: unknown, base: unknown): boolean {
  return JSON.stringify(draft) !== JSON.stringify(base);
}
