// The selected module as the operator's panel shows it (the shared ModuleCard), filled with the
// demo subscriber and the scope's tariff catalogue. Outcome buttons work locally; a branch button
// selects its target module in the editor.
import { useMemo, useState } from 'preact/hooks';
import { DEMO_SUBSCRIBER } from '../../lib/content/defaults';
import { subscriberValues } from '../../lib/content/variables';
import type { OfferOutcome } from '../../lib/schema/call';
import type { ScriptModule } from '../../lib/schema/content';
import { ModuleCard } from '../script/ModuleCard';
import { DemoSubscriber } from './DemoSubscriber';
import type { EditorContext } from './editor-props';
import { PanelPreview } from './PanelPreview';

type Props = {
  ctx: EditorContext;
  module: ScriptModule | null;
  onBranch: (moduleId: string) => void;
};

export function ModulePreview({ ctx, module, onBranch }: Props) {
  const values = useMemo(() => subscriberValues(DEMO_SUBSCRIBER, ctx.tariffs), [ctx.tariffs]);
  const [outcome, setOutcome] = useState<OfferOutcome | null>(null);
  return (
    <div class="preview-column">
      <PanelPreview locale={ctx.locale} title={ctx.t('preview.title')} testId="module-preview">
        {module ? (
          <ModuleCard module={module} values={values} outcome={outcome} onOutcome={setOutcome} onBranch={onBranch} />
        ) : (
          <p class="hint">{ctx.t('preview.nothing')}</p>
        )}
      </PanelPreview>
      <DemoSubscriber t={ctx.t} />
    </div>
  );
}
