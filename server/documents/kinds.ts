// What each document kind's body must look like, and who may publish it. A new kind (scripts,
// checklists, plans) adds one entry here; nothing else in publishing changes.
import type * as z from 'zod/mini';
import type { DocumentKind, Role } from '../../lib/schema/api';
import { Classifier } from '../../lib/schema/classifier';

interface KindRules {
  schema: z.ZodMiniType;
  /** Roles that may publish; a lead only for their own teams, org-wide documents are admin-only. */
  publishers: readonly Role[];
}

export const KINDS: Record<DocumentKind, KindRules> = {
  classifier: { schema: Classifier, publishers: ['lead', 'admin'] },
};
