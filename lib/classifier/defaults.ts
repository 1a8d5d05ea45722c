// The demo organisation's call classifier: the eight types and shares from seed 003 (DOMAIN.md).
// The server distributes the real one later; until then this is what a fresh install tags with.
import type { Classifier } from '../schema/classifier';

export const DEFAULT_CLASSIFIER: Classifier = {
  version: 0,
  types: [
    {
      id: 'billing',
      key: 'Digit1',
      names: {
        ru: 'Перерасчет, платеж, баланс',
        en: 'Recalculation, payment, balance',
        pl: 'Korekta, płatność, saldo',
      },
    },
    {
      id: 'termination',
      key: 'Digit2',
      names: { ru: 'Расторжение договора', en: 'Contract termination', pl: 'Rozwiązanie umowy' },
    },
    {
      id: 'connection',
      key: 'Digit3',
      names: {
        ru: 'Подключение услуг – Интернет, КТВ',
        en: 'Connecting services (internet, cable TV)',
        pl: 'Podłączenie usług (internet, TV kablowa)',
      },
    },
    {
      id: 'tech_support',
      key: 'Digit4',
      names: {
        ru: 'Не работает интернет – решает техподдержка',
        en: 'Internet down, solved by tech support',
        pl: 'Internet nie działa – rozwiązuje wsparcie techniczne',
      },
    },
    {
      id: 'down_balance',
      key: 'Digit5',
      names: {
        ru: 'Не работает интернет – по балансу',
        en: 'Internet down because of the balance',
        pl: 'Internet nie działa z powodu salda',
      },
    },
    {
      id: 'tariff_change',
      key: 'Digit6',
      names: { ru: 'Смена тарифного плана', en: 'Tariff change', pl: 'Zmiana taryfy' },
    },
    {
      id: 'block_question',
      key: 'Digit7',
      names: {
        ru: 'Блокировка/разблокировка, вопрос по тарифу, по акции',
        en: 'Block/unblock, question about a tariff or promotion',
        pl: 'Blokada/odblokowanie, pytanie o taryfę lub promocję',
      },
    },
    { id: 'other', key: 'Digit8', names: { ru: 'Другое', en: 'Other', pl: 'Inne' } },
  ],
};
