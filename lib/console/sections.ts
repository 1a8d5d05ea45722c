// The console's sections and their order for a role: a lead starts with the morning reports and the
// month's plan, then what leads publish (call types, scripts, objections, tariffs); a trainer starts
// with the checklist; everyone then has the quality views. Reports and plans are for leads and
// admins. Kinds a role cannot publish stay visible, read-only (the workspace decides per scope).
import type { Role } from '../schema/api';

export type ConsoleSection =
  | 'classifier'
  | 'scripts'
  | 'objections'
  | 'checklist'
  | 'tariffs'
  | 'calls'
  | 'quality'
  | 'objectionStats'
  | 'feedback'
  | 'reports'
  | 'plan';

const QUALITY: ConsoleSection[] = ['calls', 'quality', 'objectionStats', 'feedback'];

export function sectionsFor(role: Role): ConsoleSection[] {
  switch (role) {
    case 'operator':
      return [];
    case 'trainer':
      return ['checklist', ...QUALITY, 'scripts', 'objections', 'tariffs', 'classifier'];
    case 'lead':
      return ['reports', 'plan', 'classifier', 'scripts', 'objections', 'tariffs', ...QUALITY, 'checklist'];
    default:
      return ['classifier', 'scripts', 'objections', 'checklist', 'tariffs', 'reports', 'plan', ...QUALITY];
  }
}

/** The section named by the page's `#hash`, when the role has it; else the role's first. */
export function sectionFromHash(role: Role, hash: string): ConsoleSection | null {
  const sections = sectionsFor(role);
  const wanted = hash.replace(/^#/, '');
  return sections.find((section) => section === wanted) ?? sections[0] ?? null;
}
