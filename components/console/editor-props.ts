// What every content editor (scripts, objections, checklist, tariffs) receives from the workspace:
// the draft and how to change it, the draft's live problems, and the scope's context the preview
// needs (call types of the classifier in effect, the tariff catalogue the variables come from).

import type { DraftProblem } from '../../lib/console/problems';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallType } from '../../lib/schema/classifier';
import type { TariffCatalogue } from '../../lib/schema/content';
import type { Locale } from '../../lib/schema/primitives';

export interface EditorContext {
  t: ConsoleTranslate;
  locale: Locale;
  /** The call types of the classifier in effect for the scope (or the default classifier). */
  callTypes: readonly CallType[];
  /** The tariff catalogue in effect for the scope, for the preview's variables. */
  tariffs: TariffCatalogue | null;
}

export interface EditorProps<T> {
  ctx: EditorContext;
  value: T;
  onChange: (next: T) => void;
  problems: readonly DraftProblem[];
  readOnly: boolean;
}
