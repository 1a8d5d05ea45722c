// The four content kinds the console authors (scripts, objections, checklist, tariffs): their body
// types, schemas and built-in defaults in one table, so the generic workspace needs only the kind.
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '../content/defaults';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../schema/content';
import { type BodySchema, type ReadResult, readWith } from './base';

export type ContentKind = 'scripts' | 'objections' | 'checklist' | 'tariffs';

export interface ContentBodies {
  scripts: ScriptSet;
  objections: ObjectionSet;
  checklist: Checklist;
  tariffs: TariffCatalogue;
}

export const CONTENT_KINDS: readonly ContentKind[] = ['scripts', 'objections', 'checklist', 'tariffs'];

const SCHEMAS = { scripts: ScriptSet, objections: ObjectionSet, checklist: Checklist, tariffs: TariffCatalogue };

/** Parse a body of this kind (a version from the server, or a draft before it is published). */
export function readContent<K extends ContentKind>(kind: K, body: unknown): ReadResult<ContentBodies[K]> {
  return readWith(SCHEMAS[kind] as unknown as BodySchema<ContentBodies[K]>, body);
}

/** The built-in content a scope without any published document starts from. */
export function defaultContent<K extends ContentKind>(kind: K): ContentBodies[K] {
  const defaults: ContentBodies = {
    scripts: DEFAULT_SCRIPTS,
    objections: DEFAULT_OBJECTIONS,
    checklist: DEFAULT_CHECKLIST,
    tariffs: DEFAULT_TARIFFS,
  };
  return defaults[kind];
}

/** The schema of a kind, for the draft's live validation. */
export function contentSchema(kind: ContentKind) {
  return SCHEMAS[kind];
}
