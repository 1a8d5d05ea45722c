// What every part of the plan editor receives: the draft and how to change it (every change goes
// through derivePlan, so the revenue target and the computed split stay in step), the draft's live
// problems, and the scope's context (currency, tariff catalogue, the team's operators).
import type { PlanMember } from '../../../lib/console/plan-draft';
import type { PlanProblem } from '../../../lib/console/plan-problems';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { TariffCatalogue } from '../../../lib/schema/content';
import type { PlanDocument } from '../../../lib/schema/plan';
import type { Locale } from '../../../lib/schema/primitives';

export interface PlanContext {
  t: ConsoleTranslate;
  locale: Locale;
  /** The scope's team (null: the organisation-wide plan). */
  teamId: string | null;
  /** The tariff catalogue in effect for the scope: the currency sign, the average check's fees. */
  catalogue: TariffCatalogue;
  /** The operators of the scope's team; null while loading or when they cannot be read. */
  members: readonly PlanMember[] | null;
}

export interface PlanPartProps {
  ctx: PlanContext;
  value: PlanDocument;
  onChange: (next: PlanDocument) => void;
  problems: readonly PlanProblem[];
  readOnly: boolean;
}
