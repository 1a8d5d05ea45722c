// What each document kind's body must look like, and who may publish it. A new kind adds one entry
// here; nothing else in publishing changes.
import type * as z from 'zod/mini';
import type { DocumentKind, Role } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '../../lib/schema/content';
import { PlanDocument } from '../../lib/schema/plan';

interface KindRules {
  schema: z.ZodMiniType;
  /** Roles that may publish; a lead only for their own teams. */
  publishers: readonly Role[];
  /** Publishers that may publish for any team of their organisation and organisation-wide. */
  anyTeam: readonly Role[];
}

export const KINDS: Record<DocumentKind, KindRules> = {
  classifier: { schema: Classifier, publishers: ['lead', 'admin'], anyTeam: ['admin'] },
  // Leads push script updates and objection answers and keep the tariff catalogue; trainers
  // build and distribute checklist versions for the whole organisation (DOMAIN.md, "Who uses the
  // product").
  scripts: { schema: ScriptSet, publishers: ['lead', 'admin'], anyTeam: ['admin'] },
  objections: { schema: ObjectionSet, publishers: ['lead', 'admin'], anyTeam: ['admin'] },
  tariffs: { schema: TariffCatalogue, publishers: ['lead', 'admin'], anyTeam: ['admin'] },
  checklist: { schema: Checklist, publishers: ['trainer', 'admin'], anyTeam: ['trainer', 'admin'] },
  // The lead owns the department's plan and splits it per operator (DOMAIN.md, seed 000).
  plan: { schema: PlanDocument, publishers: ['lead', 'admin'], anyTeam: ['admin'] },
};
