// What a call's wrap-up outcome is worth and how the list of outcomes changes, as pure functions:
// the amount comes from the call's own tariff catalogue version (R11) and the subscriber's tariff
// as the CRM page showed it, so the panel's plan view and the server's reports count the same
// money. Used by outcome-store.ts in the background.
import { matchTariff, upgradeFor } from '../content/variables';
import type { CallOutcome, OutcomeKind } from '../schema/call';
import type { TariffCatalogue } from '../schema/content';

export interface OutcomeChoice {
  kind: OutcomeKind;
  /** A tariff (connection, upgrade target) or a service/equipment id; null: none, or the default. */
  itemId: string | null;
}

type Priced = Pick<CallOutcome, 'itemId' | 'fromItemId' | 'monthly' | 'amountSource'>;

const NONE: Priced = { itemId: null, fromItemId: null, monthly: 0, amountSource: 'none' };

/**
 * Prices a choice. An upgrade goes from the subscriber's tariff to the chosen one (by default the
 * catalogue's upgrade of it) and is worth the difference; when the page gave no tariff the
 * catalogue knows, the upgrade is recorded at 0 with amountSource 'none' rather than guessed.
 * Answers null for an item the catalogue does not have.
 */
export function priceOutcome(
  choice: OutcomeChoice,
  catalogue: TariffCatalogue | null,
  subscriberTariff: string | undefined,
): Priced | null {
  const tariffs = catalogue?.tariffs ?? [];
  switch (choice.kind) {
    case 'connection': {
      const tariff = tariffs.find((t) => t.id === choice.itemId);
      return tariff
        ? { itemId: tariff.id, fromItemId: null, monthly: tariff.monthly, amountSource: 'catalogue' }
        : null;
    }
    case 'upgrade': {
      const from = matchTariff(catalogue, subscriberTariff);
      const to = choice.itemId === null ? upgradeFor(catalogue, from) : tariffs.find((t) => t.id === choice.itemId);
      if (!to) return null;
      if (!from) return { itemId: to.id, fromItemId: null, monthly: 0, amountSource: 'none' };
      return { itemId: to.id, fromItemId: from.id, monthly: to.monthly - from.monthly, amountSource: 'catalogue' };
    }
    case 'service':
    case 'equipment': {
      const item = catalogue?.services.find((s) => s.id === choice.itemId && s.kind === choice.kind);
      return item ? { itemId: item.id, fromItemId: null, monthly: item.monthly, amountSource: 'catalogue' } : null;
    }
    default:
      return NONE;
  }
}

/**
 * The outcomes after adding one: "nothing" replaces every other outcome and any sale or callback
 * replaces "nothing"; the same kind and item twice is kept once (a double click is not two sales);
 * a second upgrade replaces the first (a call changes the tariff once).
 */
export function withOutcome(outcomes: readonly CallOutcome[], outcome: CallOutcome): CallOutcome[] {
  if (outcome.kind === 'nothing') return [outcome];
  const kept = outcomes.filter(
    (o) =>
      o.kind !== 'nothing' &&
      !(o.kind === outcome.kind && o.itemId === outcome.itemId) &&
      !(o.kind === 'upgrade' && outcome.kind === 'upgrade'),
  );
  return [...kept, outcome];
}

export function withoutOutcome(outcomes: readonly CallOutcome[], outcomeId: string): CallOutcome[] {
  return outcomes.filter((o) => o.id !== outcomeId);
}
