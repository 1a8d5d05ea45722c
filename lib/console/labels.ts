// Names for the ids the quality views show (call types, objections, modules): from every version
// of those documents the console can read, falling back to the built-in defaults, so a call, a
// feedback line or a statistic always reads as words when the words exist somewhere.
import { DEFAULT_CLASSIFIER } from '../classifier/defaults';
import { DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS } from '../content/defaults';
import type { DocumentSummary } from '../schema/api';
import { Classifier } from '../schema/classifier';
import { ObjectionSet, ScriptSet } from '../schema/content';
import type { Locale } from '../schema/primitives';

type Names = Map<string, string>;

function bodies<T>(
  documents: readonly DocumentSummary[] | null,
  schema: { safeParse(value: unknown): { success: boolean; data?: T } },
): T[] {
  const found: T[] = [];
  for (const doc of documents ?? []) {
    const parsed = schema.safeParse(doc.current.body);
    if (parsed.success && parsed.data !== undefined) found.push(parsed.data);
  }
  return found;
}

/** The organisation-wide document first, then teams': the first name found for an id wins. */
function orgFirst(documents: readonly DocumentSummary[] | null): DocumentSummary[] {
  return [...(documents ?? [])].sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null));
}

function addAll(names: Names, pairs: Iterable<[string, string]>): void {
  for (const [id, name] of pairs) if (!names.has(id)) names.set(id, name);
}

export function callTypeNames(documents: readonly DocumentSummary[] | null, locale: Locale): Names {
  const names: Names = new Map();
  for (const classifier of [...bodies(orgFirst(documents), Classifier), DEFAULT_CLASSIFIER]) {
    addAll(
      names,
      classifier.types.map((type) => [type.id, type.names[locale]]),
    );
  }
  return names;
}

export function objectionTitles(documents: readonly DocumentSummary[] | null): Names {
  const names: Names = new Map();
  for (const set of [...bodies(orgFirst(documents), ObjectionSet), DEFAULT_OBJECTIONS]) {
    addAll(
      names,
      set.objections.map((objection) => [objection.id, objection.title]),
    );
  }
  return names;
}

export function moduleTitles(documents: readonly DocumentSummary[] | null): Names {
  const names: Names = new Map();
  for (const set of [...bodies(orgFirst(documents), ScriptSet), DEFAULT_SCRIPTS]) {
    addAll(
      names,
      set.modules.map((module) => [module.id, module.title]),
    );
  }
  return names;
}

/** The name of an id, or the id itself when no document names it. */
export function nameOf(names: Names, id: string | null | undefined, missing: string): string {
  if (id === null || id === undefined) return missing;
  return names.get(id) ?? id;
}
