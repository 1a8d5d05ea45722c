// Wrap-up outcomes of the current call: one press records a sale, callback or "nothing"; a sale of
// a tariff or service first asks which (from the call's tariff catalogue). Recorded outcomes are
// listed with their amount and can be removed. Amounts are worked out in the background.
import { useMemo, useState } from 'preact/hooks';
import { matchTariff, upgradeFor } from '@/lib/content/variables';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { CallRecord, OutcomeKind } from '@/lib/schema/call';
import type { TariffCatalogue } from '@/lib/schema/content';

interface Props {
  call: CallRecord;
  tariffs: TariffCatalogue | null;
  /** Both name the call shown: the outcome belongs to the call the operator is looking at. */
  onAdd: (callId: string, kind: OutcomeKind, itemId: string | null) => void;
  onRemove: (callId: string, outcomeId: string) => void;
}

const KINDS: OutcomeKind[] = ['upgrade', 'connection', 'service', 'equipment', 'callback', 'nothing'];

/** Kinds that name an item of the catalogue; an upgrade defaults to the subscriber's upgrade. */
function choices(kind: OutcomeKind, tariffs: TariffCatalogue | null): { id: string; name: string }[] {
  if (!tariffs) return [];
  if (kind === 'connection' || kind === 'upgrade') return tariffs.tariffs.filter((t) => t.active);
  if (kind === 'service' || kind === 'equipment') return tariffs.services.filter((s) => s.kind === kind);
  return [];
}

export function OutcomePicker({ call, tariffs, onAdd, onRemove }: Props) {
  const { t } = usePanelI18n();
  const [asking, setAsking] = useState<OutcomeKind | null>(null);
  const outcomes = call.outcomes ?? [];
  const nameOf = (id: string | null) =>
    (id && (tariffs?.tariffs.find((x) => x.id === id)?.name ?? tariffs?.services.find((x) => x.id === id)?.name)) || '';
  // An upgrade is one press when the page's tariff has an upgrade in the catalogue; else it asks.
  const pageTariff = call.subscriber.tariff;
  const knownUpgrade = useMemo(
    () => upgradeFor(tariffs, matchTariff(tariffs, pageTariff)) !== null,
    [tariffs, pageTariff],
  );
  const press = (kind: OutcomeKind) => {
    if (kind === 'connection' || kind === 'service' || kind === 'equipment' || (kind === 'upgrade' && !knownUpgrade))
      setAsking(asking === kind ? null : kind);
    else {
      setAsking(null);
      onAdd(call.id, kind, null);
    }
  };
  const items = asking ? choices(asking, tariffs) : [];

  return (
    <section class="outcomes" data-testid="outcomes">
      <h3 class="outcomes__title">{t('outcomeTitle')}</h3>
      <div class="outcomes__kinds">
        {KINDS.map((kind) => (
          <button
            type="button"
            key={kind}
            class={`outcomes__kind${asking === kind ? ' is-open' : ''}`}
            data-testid={`outcome-${kind}`}
            onClick={() => press(kind)}
          >
            {t(`outcome_${kind}`)}
          </button>
        ))}
      </div>
      {asking && (
        <div class="outcomes__items" data-testid="outcome-items">
          {items.length === 0 && <p class="outcomes__empty">{t('outcomeNoItems')}</p>}
          {items.map((item) => (
            <button
              type="button"
              key={item.id}
              data-testid={`outcome-item-${item.id}`}
              onClick={() => {
                setAsking(null);
                onAdd(call.id, asking, item.id);
              }}
            >
              {item.name}
            </button>
          ))}
        </div>
      )}
      {outcomes.length > 0 && (
        <ul class="outcomes__list" data-testid="outcome-list">
          {outcomes.map((o) => (
            <li key={o.id} data-testid="outcome-row" data-kind={o.kind}>
              <span>
                {t(`outcome_${o.kind}`)} {nameOf(o.itemId)}
                {o.monthly !== 0 && ` ${o.monthly > 0 ? '+' : ''}${o.monthly}/${t('perMonth')}`}
              </span>
              <button type="button" title={t('outcomeRemove')} onClick={() => onRemove(call.id, o.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
