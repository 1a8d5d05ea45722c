// What one demo call ended with, as the operator records it at wrap-up: most connection requests
// connect (a tariff, sometimes rented equipment with it), about one balance or tech-support call in
// six ends with the upgrade the catalogue offers for the subscriber's tariff, a few add a service
// or equipment, some subscribers ask to be called back. Amounts come from the tariff catalogue, as
// the panel takes them. Deterministic for a given generator.
import { matchTariff, upgradeFor } from '../../lib/content/variables';
import type { CallOutcome, SubscriberContext } from '../../lib/schema/call';
import type { TariffCatalogue } from '../../lib/schema/content';
import { demoId } from './demo-id';

/** Chance of an upgrade when the subscriber's tariff has one, by call type, for a usual operator. */
const UPGRADE_CHANCE: Record<string, number> = {
  // Balance and tech-support callers (DOMAIN.md "Where the upsell happens"): six in eight demo
  // subscribers have an upgrade, so 0.22 of those is about one call in six.
  billing: 0.22,
  tech_support: 0.22,
  down_balance: 0.22,
  tariff_change: 0.5,
  block_question: 0.1,
};

/** Chance of a paid service or equipment on a call without an upgrade. */
const EXTRA_CHANCE: Record<string, number> = {
  billing: 0.04,
  tech_support: 0.04,
  down_balance: 0.03,
  block_question: 0.05,
  tariff_change: 0.1,
};

/** Chance the subscriber asks to be called back (thinking it over, no time now). */
const CALLBACK_CHANCE: Record<string, number> = {
  billing: 0.03,
  tech_support: 0.02,
  termination: 0.3,
  tariff_change: 0.15,
  block_question: 0.04,
};

/** Which tariffs new subscribers take, by weight (the cheapest internet and bundles most often). */
const CONNECTION_WEIGHTS: Record<string, number> = {
  home100: 25,
  home200: 30,
  home500: 10,
  home100_tv: 15,
  home200_tv: 12,
  home500_tv: 5,
  tv_basic: 3,
};

export interface OutcomeInput {
  typeId: string;
  subscriber: SubscriberContext;
  catalogue: TariffCatalogue;
  /** How well this operator sells: 1 is the team's usual. */
  skill: number;
  /** When the operator records the first outcome; the next ones follow a few seconds apart. */
  at: number;
}

function weighted<T>(random: () => number, items: readonly T[], weight: (item: T) => number): T | null {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (total <= 0) return null;
  let roll = random() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items.at(-1) ?? null;
}

type Draft = Omit<CallOutcome, 'id' | 'at'>;

const none = (kind: 'callback' | 'nothing'): Draft => ({
  kind,
  itemId: null,
  fromItemId: null,
  monthly: 0,
  amountSource: 'none',
});

function extra(random: () => number, catalogue: TariffCatalogue, kind?: 'service' | 'equipment'): Draft | null {
  const services = catalogue.services.filter((s) => kind === undefined || s.kind === kind);
  const service = weighted(random, services, () => 1);
  if (!service) return null;
  return {
    kind: service.kind,
    itemId: service.id,
    fromItemId: null,
    monthly: service.monthly,
    amountSource: 'catalogue',
  };
}

function connection(random: () => number, input: OutcomeInput): Draft[] {
  const chance = Math.min(0.95, Math.max(0.6, 0.8 + 0.1 * (input.skill - 1)));
  if (random() >= chance) return [random() < 0.6 ? none('callback') : none('nothing')];
  const active = input.catalogue.tariffs.filter((t) => t.active);
  const tariff = weighted(random, active, (t) => CONNECTION_WEIGHTS[t.id] ?? 1);
  if (!tariff) return [];
  const sold: Draft[] = [
    { kind: 'connection', itemId: tariff.id, fromItemId: null, monthly: tariff.monthly, amountSource: 'catalogue' },
  ];
  const router = random() < 0.3 * input.skill ? extra(random, input.catalogue, 'equipment') : null;
  if (router) sold.push(router);
  return sold;
}

function drafts(random: () => number, input: OutcomeInput): Draft[] {
  if (input.typeId === 'connection') return connection(random, input);
  const current = matchTariff(input.catalogue, input.subscriber.tariff);
  const upgrade = upgradeFor(input.catalogue, current);
  if (current && upgrade && random() < (UPGRADE_CHANCE[input.typeId] ?? 0) * input.skill) {
    return [
      {
        kind: 'upgrade',
        itemId: upgrade.id,
        fromItemId: current.id,
        monthly: upgrade.monthly - current.monthly,
        amountSource: 'catalogue',
      },
    ];
  }
  if (random() < (EXTRA_CHANCE[input.typeId] ?? 0) * input.skill) {
    const sold = extra(random, input.catalogue);
    if (sold) return [sold];
  }
  if (random() < (CALLBACK_CHANCE[input.typeId] ?? 0)) return [none('callback')];
  if (input.typeId === 'termination' && random() < 0.5) return [none('nothing')];
  return [];
}

/** The outcomes of one call (often none), with ids and times. */
export function demoOutcomes(random: () => number, input: OutcomeInput): CallOutcome[] {
  return drafts(random, input).map((draft, i) => {
    const at = input.at + i * 5_000;
    return { id: demoId(at), at, ...draft };
  });
}
