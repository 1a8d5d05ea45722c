// What the draft catalogue gives the panel for the demo subscriber: every variable's value (as
// text), and a sample upgrade offer rendered with the panel's own module card, so a lead sees the
// price difference the operator will read out.
import { useMemo } from 'preact/hooks';
import { TEMPLATE_VARIABLES } from '../../lib/console/template-vars';
import { DEMO_SUBSCRIBER } from '../../lib/content/defaults';
import { subscriberValues } from '../../lib/content/variables';
import type { ScriptModule, TariffCatalogue } from '../../lib/schema/content';
import { ModuleCard } from '../script/ModuleCard';
import { DemoSubscriber } from './DemoSubscriber';
import type { EditorContext } from './editor-props';
import { PanelPreview } from './PanelPreview';

type Props = { ctx: EditorContext; catalogue: TariffCatalogue };

export function TariffsPreview({ ctx, catalogue }: Props) {
  const { t } = ctx;
  const values = useMemo(() => subscriberValues(DEMO_SUBSCRIBER, catalogue), [catalogue]);
  const sample: ScriptModule = {
    id: 'sample',
    title: t('tariffs.sampleTitle'),
    stage: 'offer',
    offer: 'upgrade',
    when: { callTypes: [], balance: 'any', needsUpgrade: true },
    text: t('tariffs.sampleText'),
    branches: [],
    keywords: [],
  };
  return (
    <div class="preview-column">
      <PanelPreview locale={ctx.locale} title={t('preview.title')} testId="tariffs-preview">
        <ModuleCard module={sample} values={values} />
      </PanelPreview>
      <DemoSubscriber t={t} />
      <table class="values" data-testid="tariff-values">
        <caption>{t('tariffs.valuesTitle')}</caption>
        <tbody>
          {TEMPLATE_VARIABLES.map((name) => (
            <tr key={name} data-var={name}>
              <th scope="row">{`{${name}}`}</th>
              <td>{values[name] ?? <span class="hint">{t('tariffs.valueMissing')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
