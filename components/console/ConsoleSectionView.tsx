// The body of the chosen console section: a document workspace with its kind's editor, the plan
// editor, the lead's reports, or one of the quality views.
import type { ConsoleSection } from '../../lib/console/sections';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { OptionsTranslate } from '../../lib/i18n/options-messages';
import type { SessionUser } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { CallsSection } from './CallsSection';
import { ChecklistEditor } from './ChecklistEditor';
import { ClassifierConsole } from './ClassifierConsole';
import { DocumentWorkspace } from './DocumentWorkspace';
import { FeedbackList } from './FeedbackList';
import { ObjectionStats } from './ObjectionStats';
import { ObjectionsEditor } from './ObjectionsEditor';
import { PlanWorkspace } from './plan/PlanWorkspace';
import { QualityTrends } from './QualityTrends';
import { ReportsView } from './reports/ReportsView';
import { ScriptsEditor } from './ScriptsEditor';
import { TariffsEditor } from './TariffsEditor';

type Props = {
  section: ConsoleSection;
  t: ConsoleTranslate;
  ot: OptionsTranslate;
  locale: Locale;
  user: SessionUser;
  onDirty: (dirty: boolean) => void;
};

export function ConsoleSectionView({ section, t, ot, locale, user, onDirty }: Props) {
  const common = { t, locale, user, onDirty };
  switch (section) {
    case 'classifier':
      return <ClassifierConsole {...common} ot={ot} />;
    case 'scripts':
      return <DocumentWorkspace key="scripts" kind="scripts" Editor={ScriptsEditor} {...common} />;
    case 'objections':
      return <DocumentWorkspace key="objections" kind="objections" Editor={ObjectionsEditor} {...common} />;
    case 'checklist':
      return <DocumentWorkspace key="checklist" kind="checklist" Editor={ChecklistEditor} {...common} />;
    case 'tariffs':
      return <DocumentWorkspace key="tariffs" kind="tariffs" Editor={TariffsEditor} {...common} />;
    case 'reports':
      return <ReportsView t={t} locale={locale} user={user} />;
    case 'plan':
      return <PlanWorkspace key="plan" {...common} />;
    case 'calls':
      return <CallsSection t={t} locale={locale} />;
    case 'quality':
      return <QualityTrends t={t} locale={locale} />;
    case 'objectionStats':
      return <ObjectionStats t={t} locale={locale} />;
    default:
      return <FeedbackList t={t} locale={locale} />;
  }
}
