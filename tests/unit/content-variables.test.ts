// Filling script variables from the CRM page's subscriber fields and the tariff catalogue: money
// as Russian CRMs print it, tariff names as people type them, the first name in Russian order,
// only known values, and the operator's own values winning.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARIFFS, DEMO_SUBSCRIBER } from '@/lib/content/defaults';
import {
  firstName,
  KNOWN_VARIABLES,
  matchTariff,
  parseMoney,
  subscriberValues,
  templateVariables,
  upgradeFor,
  variableValue,
} from '@/lib/content/variables';
import type { TariffCatalogue } from '@/lib/schema/content';

describe('parseMoney', () => {
  it.each([
    ['-150,00 ₽', -150],
    ['1 234,50 руб.', 1234.5],
    ['−75.5', -75.5],
    ['75,50 ₽', 75.5],
    ['320,00 ₽', 320],
    ['0,00 ₽', 0],
    ['-0,00 ₽', 0],
    ['12\u00a0345,67 ₽', 12345.67],
    ['12\u202f345 руб', 12345],
    ['1.234,5', 1234.5],
    ['1,234.50', 1234.5],
    ['1,234', 1234],
    ['2 000', 2000],
    ['Баланс: – 42,1 ₽', -42.1],
    ['- 10', -10],
    ['₽ 99', 99],
    ['100.', 100],
    ['1 000 000,00', 1000000],
  ])('%s → %s', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each(['', '—', 'нет данных', '₽', '-', ',,'])('%j has no amount', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('never answers -0', () => {
    expect(Object.is(parseMoney('-0'), -0)).toBe(false);
  });
});

describe('matchTariff', () => {
  const byName = (name: string | undefined) => matchTariff(DEFAULT_TARIFFS, name)?.id ?? null;

  it('matches exactly, case-insensitively, with extra spaces, quotes and ё', () => {
    expect(byName('Домашний 100')).toBe('home100');
    expect(byName('  домашний   100 ')).toBe('home100');
    expect(byName('ДОМАШНИЙ 200')).toBe('home200');
    expect(byName('«Домашний 500»')).toBe('home500');
    expect(byName('Домашний\u00a0100')).toBe('home100');
  });

  it('treats ё and е as the same letter both ways', () => {
    const catalogue: TariffCatalogue = {
      ...DEFAULT_TARIFFS,
      tariffs: [{ ...DEFAULT_TARIFFS.tariffs[0]!, id: 'yo', name: 'Лёгкий', aliases: [] }],
    };
    expect(matchTariff(catalogue, 'Легкий')?.id).toBe('yo');
    expect(matchTariff(catalogue, 'ЛЁГКИЙ')?.id).toBe('yo');
  });

  it('matches aliases and ignores spaces around "+"', () => {
    expect(byName('Дом 100')).toBe('home100');
    expect(byName('Домашний 100+ТВ')).toBe('home100_tv');
    expect(byName('Домашний 100 +  ТВ')).toBe('home100_tv');
    expect(byName('Семейный')).toBe('family60_tv');
  });

  it('prefers a tariff named so over another tariff with that alias', () => {
    const catalogue: TariffCatalogue = {
      currency: '₽',
      services: [],
      tariffs: [
        { ...DEFAULT_TARIFFS.tariffs[0]!, id: 'a', name: 'Старый', aliases: ['Новый'], upgradeTo: null },
        { ...DEFAULT_TARIFFS.tariffs[0]!, id: 'b', name: 'Новый', aliases: [], upgradeTo: null },
      ],
    };
    expect(matchTariff(catalogue, 'новый')?.id).toBe('b');
  });

  it('finds archived tariffs (a subscriber may still have one)', () => {
    expect(byName('Старт 50')).toBe('start50');
  });

  it('finds nothing for unknown, empty or missing names and without a catalogue', () => {
    expect(byName('Домашний 1000')).toBeNull();
    expect(byName('Домашний')).toBeNull();
    expect(byName('')).toBeNull();
    expect(byName('   ')).toBeNull();
    expect(byName(undefined)).toBeNull();
    expect(matchTariff(null, 'Домашний 100')).toBeNull();
  });
});

describe('upgradeFor', () => {
  const tariff = (id: string) => DEFAULT_TARIFFS.tariffs.find((t) => t.id === id)!;

  it('follows upgradeTo', () => {
    expect(upgradeFor(DEFAULT_TARIFFS, tariff('home100'))?.id).toBe('home200');
    expect(upgradeFor(DEFAULT_TARIFFS, tariff('home100_tv'))?.id).toBe('home200_tv');
    expect(upgradeFor(DEFAULT_TARIFFS, tariff('start50'))?.id).toBe('home100');
  });

  it('has none for the top tariff, without a tariff or a catalogue', () => {
    expect(upgradeFor(DEFAULT_TARIFFS, tariff('home500'))).toBeNull();
    expect(upgradeFor(DEFAULT_TARIFFS, null)).toBeNull();
    expect(upgradeFor(null, tariff('home100'))).toBeNull();
  });

  it('never offers an archived tariff', () => {
    const catalogue: TariffCatalogue = {
      ...DEFAULT_TARIFFS,
      tariffs: DEFAULT_TARIFFS.tariffs.map((t) => (t.id === 'home200' ? { ...t, active: false } : t)),
    };
    expect(upgradeFor(catalogue, tariff('home100'))).toBeNull();
  });
});

describe('firstName', () => {
  it.each([
    ['Иванова Мария Петровна', 'Мария'],
    ['  Петров   Алексей  Игоревич ', 'Алексей'],
    ['Мария Иванова', 'Мария'],
    ['Мария', 'Мария'],
    ['Мамедов Ахмед Рашид оглы', 'Мамедов'],
    ['', ''],
  ])('%j → %j', (full, first) => {
    expect(firstName(full)).toBe(first);
  });
});

describe('subscriberValues', () => {
  it('fills everything for the demo subscriber', () => {
    expect(subscriberValues(DEMO_SUBSCRIBER, DEFAULT_TARIFFS)).toEqual({
      name: 'Иванова Мария Петровна',
      first_name: 'Мария',
      contract: 'Д-104392',
      tariff: 'Домашний 100',
      balance: '-150,00 ₽',
      currency: '₽',
      tariff_price: '500',
      tariff_speed: '100',
      upgrade_tariff: 'Домашний 200',
      upgrade_price: '600',
      price_delta: '100',
      upgrade_speed: '200',
    });
  });

  it('only names variables it knows of', () => {
    const names = Object.keys(subscriberValues(DEMO_SUBSCRIBER, DEFAULT_TARIFFS));
    for (const name of names) expect(KNOWN_VARIABLES).toContain(name);
    expect(names.sort()).toEqual([...KNOWN_VARIABLES].sort());
  });

  it('computes the delta of a bundle upgrade', () => {
    const values = subscriberValues({ tariff: 'Домашний 100 + ТВ' }, DEFAULT_TARIFFS);
    expect(values.upgrade_tariff).toBe('Домашний 200 + ТВ');
    expect(values.price_delta).toBe('100');
    expect(values.tariff_price).toBe('650');
  });

  it('leaves out what is unknown: no page fields, no catalogue, unknown tariff, top tariff', () => {
    expect(subscriberValues({}, null)).toEqual({});
    expect(subscriberValues({ name: '  ', contract: '' }, null)).toEqual({});
    const noCatalogue = subscriberValues(DEMO_SUBSCRIBER, null);
    expect(noCatalogue).not.toHaveProperty('price_delta');
    expect(noCatalogue).not.toHaveProperty('currency');
    expect(noCatalogue.first_name).toBe('Мария');
    const unknown = subscriberValues({ tariff: 'Супер 9000' }, DEFAULT_TARIFFS);
    expect(unknown).toEqual({ tariff: 'Супер 9000', currency: '₽' });
    const top = subscriberValues({ tariff: 'Домашний 500' }, DEFAULT_TARIFFS);
    expect(top.tariff_price).toBe('800');
    expect(top).not.toHaveProperty('upgrade_tariff');
    expect(top).not.toHaveProperty('price_delta');
    expect(top).not.toHaveProperty('upgrade_speed');
  });

  it('leaves out the speed of a TV tariff', () => {
    const tv = subscriberValues({ tariff: 'ТВ Базовый' }, DEFAULT_TARIFFS);
    expect(tv.tariff_price).toBe('250');
    expect(tv).not.toHaveProperty('tariff_speed');
    expect(tv.upgrade_tariff).toBe('ТВ Максимум');
    expect(tv).not.toHaveProperty('upgrade_speed');
    expect(tv.price_delta).toBe('150');
  });

  it('tidies page text', () => {
    const values = subscriberValues({ name: ' Петров\n Алексей  Игоревич ', balance: ' 320,00 ₽ ' }, null);
    expect(values.name).toBe('Петров Алексей Игоревич');
    expect(values.first_name).toBe('Алексей');
    expect(values.balance).toBe('320,00 ₽');
  });

  it('lets the operator override and add values; blank and odd keys are ignored', () => {
    const values = subscriberValues(DEMO_SUBSCRIBER, DEFAULT_TARIFFS, {
      first_name: ' Маша ',
      callback_time: 'завтра в 18:00',
      price_delta: '',
      tariff: '   ',
      'bad key': 'x',
    });
    expect(values.first_name).toBe('Маша');
    expect(values.callback_time).toBe('завтра в 18:00');
    expect(values.price_delta).toBe('100');
    expect(values.tariff).toBe('Домашний 100');
    expect(values).not.toHaveProperty('bad key');
  });

  it('gives the operator the missing ones', () => {
    const values = subscriberValues({}, DEFAULT_TARIFFS, { first_name: 'Ольга' });
    expect(values).toEqual({ currency: '₽', first_name: 'Ольга' });
  });
});

describe('templateVariables', () => {
  it('lists names in order, each once', () => {
    expect(templateVariables('{first_name}, тариф {tariff} → {upgrade_tariff}, {first_name}!')).toEqual([
      'first_name',
      'tariff',
      'upgrade_tariff',
    ]);
  });

  it('finds variables inside bold and lists', () => {
    expect(templateVariables('- **{price_delta}** ₽\n* {upgrade_speed}')).toEqual(['price_delta', 'upgrade_speed']);
  });

  it('ignores braces that are not variables', () => {
    expect(templateVariables('{} { name } {1st} {"a":1} {имя} {{x}')).toEqual(['x']);
    expect(templateVariables('без переменных')).toEqual([]);
  });
});

describe('variableValue', () => {
  it('reads own non-blank values only', () => {
    expect(variableValue({ a: 'x' }, 'a')).toBe('x');
    expect(variableValue({ a: ' ' }, 'a')).toBeNull();
    expect(variableValue({}, 'constructor')).toBeNull();
    expect(variableValue({}, 'toString')).toBeNull();
    expect(variableValue(undefined, 'a')).toBeNull();
  });
});
