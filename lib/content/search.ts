// Keyboard search over all script modules, answered on every keystroke in the panel. The index is
// built once per content version: every word of every module (lower case, ё → е), sorted, each
// with the modules it occurs in. A query word is then two binary searches (the range of words it
// starts) and a walk over their modules: every query word must start a word of the title, keywords
// or text; modules matching in the title come first, then those matching in the keywords.
import type { ScriptModule } from '../schema/content';
import { VARIABLE_PATTERN } from './variables';

/** Where in a module a word occurs (bits of a posting). */
const IN_TITLE = 1;
const IN_KEYWORDS = 2;
const FLAG_BITS = 2;

export interface ModuleIndex {
  readonly modules: readonly ScriptModule[];
  /** Every distinct word, sorted. */
  readonly words: readonly string[];
  /** Per word: `module index << FLAG_BITS | IN_TITLE | IN_KEYWORDS`, one per module it occurs in. */
  readonly postings: readonly Int32Array[];
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower case, ё as е: how both the index and the query compare. */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** The words of a text, normalised, in order (may repeat). */
export function searchWords(text: string): string[] {
  return normaliseSearchText(text)
    .split(SEPARATORS)
    .filter((word) => word !== '');
}

export function createModuleIndex(modules: readonly ScriptModule[]): ModuleIndex {
  // word → (module index → flags), modules visited in order so each list comes out sorted.
  const byWord = new Map<string, Map<number, number>>();
  const add = (text: string, module: number, flags: number) => {
    for (const word of searchWords(text)) {
      let occurrences = byWord.get(word);
      if (!occurrences) {
        occurrences = new Map();
        byWord.set(word, occurrences);
      }
      occurrences.set(module, (occurrences.get(module) ?? 0) | flags);
    }
  };
  modules.forEach((module, i) => {
    add(module.title, i, IN_TITLE);
    for (const keyword of module.keywords) add(keyword, i, IN_KEYWORDS);
    // Variable names are not words of the text: "{tariff}" must not match every module.
    add(module.text.replace(VARIABLE_PATTERN, ' '), i, 0);
  });
  const words = [...byWord.keys()].sort();
  const postings = words.map((word) => {
    const occurrences = byWord.get(word)!;
    const list = new Int32Array(occurrences.size);
    let k = 0;
    for (const [module, flags] of occurrences) list[k++] = (module << FLAG_BITS) | flags;
    return list;
  });
  return { modules, words, postings };
}

/** The first index in the sorted `words` whose word is not below `value`. */
function lowerBound(words: readonly string[], value: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Modules whose words every query word starts, best first: more query words in the title, then
 * more in the keywords, then the authors' order. An empty query finds nothing.
 */
export function searchModules(index: ModuleIndex, query: string, limit = Number.POSITIVE_INFINITY): ScriptModule[] {
  const terms = searchWords(query);
  const n = terms.length;
  const count = index.modules.length;
  if (n === 0 || count === 0) return [];
  const { words, postings } = index;
  // Per module: query words matched so far, of them in the title, in the keywords; and this
  // word's flags (-1: not seen for this word yet).
  const matched = new Uint16Array(count);
  const inTitle = new Uint16Array(count);
  const inKeywords = new Uint16Array(count);
  const flags = new Int8Array(count).fill(-1);
  const touched: number[] = [];
  for (let w = 0; w < n; w++) {
    const term = terms[w]!;
    touched.length = 0;
    for (let i = lowerBound(words, term); i < words.length && words[i]!.startsWith(term); i++) {
      const list = postings[i]!;
      for (let k = 0; k < list.length; k++) {
        const posting = list[k]!;
        const module = posting >> FLAG_BITS;
        if (matched[module] !== w) continue; // missed an earlier query word
        if (flags[module] === -1) {
          flags[module] = 0;
          touched.push(module);
        }
        flags[module] = flags[module]! | (posting & (IN_TITLE | IN_KEYWORDS));
      }
    }
    if (touched.length === 0) return [];
    for (const module of touched) {
      const f = flags[module]!;
      matched[module] = w + 1;
      if (f & IN_TITLE) inTitle[module] = inTitle[module]! + 1;
      else if (f & IN_KEYWORDS) inKeywords[module] = inKeywords[module]! + 1;
      flags[module] = -1;
    }
  }
  // The modules of the last word's walk are exactly those that matched every word.
  // A rank is (relevance × count + index): one number per hit, sorted without a comparator object.
  const ranks: number[] = [];
  for (const module of touched) {
    ranks.push(((n - inTitle[module]!) * (n + 1) + (n - inKeywords[module]!)) * count + module);
  }
  ranks.sort((a, b) => a - b);
  const size = Math.min(ranks.length, Math.max(0, Math.floor(limit) || 0));
  const out: ScriptModule[] = new Array(size);
  for (let k = 0; k < size; k++) out[k] = index.modules[ranks[k]! % count]!;
  return out;
}
