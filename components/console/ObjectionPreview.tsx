// The selected objection as the operator's panel shows it (the shared ObjectionCard), its answers
// filled with the demo subscriber and the scope's tariff catalogue.
import { useMemo, useState } from 'preact/hooks';
import { DEMO_SUBSCRIBER } from '../../lib/content/defaults';
import { subscriberValues } from '../../lib/content/variables';
import type { ObjectionUse } from '../../lib/schema/call';
import type { Objection } from '../../lib/schema/content';
import { ObjectionCard } from '../script/ObjectionCard';
import { DemoSubscriber } from './DemoSubscriber';
import type { EditorContext } from './editor-props';
import { PanelPreview } from './PanelPreview';

type Props = { ctx: EditorContext; objection: Objection | null };

export function ObjectionPreview({ ctx, objection }: Props) {
  const values = useMemo(() => subscriberValues(DEMO_SUBSCRIBER, ctx.tariffs), [ctx.tariffs]);
  const [used, setUsed] = useState<ObjectionUse | null>(null);
  const id = objection?.id ?? '';
  const current = used?.objectionId === id ? used : null;
  return (
    <div class="preview-column">
      <PanelPreview locale={ctx.locale} title={ctx.t('preview.title')} testId="objection-preview">
        {objection ? (
          <ObjectionCard
            objection={objection}
            values={values}
            used={current}
            onAnswer={(answerId) =>
              setUsed({ objectionId: id, at: Date.now(), answerId, handled: current?.handled ?? false })
            }
            onHandled={() =>
              setUsed({ objectionId: id, at: Date.now(), answerId: current?.answerId ?? null, handled: true })
            }
          />
        ) : (
          <p class="hint">{ctx.t('preview.nothing')}</p>
        )}
      </PanelPreview>
      <DemoSubscriber t={ctx.t} />
    </div>
  );
}
