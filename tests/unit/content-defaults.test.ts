// @vitest-environment happy-dom
// The built-in Russian demo content: valid against the schemas, only variables the subscriber
// context can fill, call types of the default classifier, the tariffs of the demo CRM page, and
// the demo subscriber's balance call gets the +100 ₽ double-speed upgrade with every variable filled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { RichText } from '@/components/RichText';
import { DEFAULT_CLASSIFIER } from '@/lib/classifier/defaults';
import { checklistItems } from '@/lib/content/checklist-score';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_OBJECTIONS,
  DEFAULT_SCRIPTS,
  DEFAULT_TARIFFS,
  DEMO_SUBSCRIBER,
} from '@/lib/content/defaults';
import { missingVariables, parseRichText } from '@/lib/content/rich-text';
import { suggestModules } from '@/lib/content/selection';
import { KNOWN_VARIABLES, matchTariff, subscriberValues, templateVariables } from '@/lib/content/variables';
import { SubscriberContext } from '@/lib/schema/call';
import { Checklist, ObjectionSet, ScriptSet, TariffCatalogue } from '@/lib/schema/content';

const CALL_TYPES = new Set(DEFAULT_CLASSIFIER.types.map((t) => t.id));
const known = new Set<string>(KNOWN_VARIABLES);

/** The demo CRM page's script (the subscribers it shows). */
const demoPage = () => readFileSync(join(__dirname, '..', '..', 'demo', 'crm.js'), 'utf8');

describe('demo content', () => {
  it('parses with the schemas', () => {
    expect(ScriptSet.safeParse(DEFAULT_SCRIPTS).error).toBeUndefined();
    expect(ObjectionSet.safeParse(DEFAULT_OBJECTIONS).error).toBeUndefined();
    expect(Checklist.safeParse(DEFAULT_CHECKLIST).error).toBeUndefined();
    expect(TariffCatalogue.safeParse(DEFAULT_TARIFFS).error).toBeUndefined();
    expect(SubscriberContext.safeParse(DEMO_SUBSCRIBER).error).toBeUndefined();
  });

  it('uses only variables subscriberValues can provide', () => {
    const texts = [
      ...DEFAULT_SCRIPTS.modules.map((m) => [m.id, m.text]),
      ...DEFAULT_OBJECTIONS.objections.flatMap((o) => o.answers.map((a) => [`${o.id}/${a.id}`, a.text])),
      ...checklistItems(DEFAULT_CHECKLIST).map((i) => [i.id, `${i.text} ${i.hint}`]),
    ];
    for (const [id, text] of texts) {
      for (const name of templateVariables(text!)) expect(known.has(name), `${id} uses {${name}}`).toBe(true);
    }
  });

  it('uses call types of the default classifier', () => {
    for (const module of DEFAULT_SCRIPTS.modules) {
      for (const type of module.when.callTypes) expect(CALL_TYPES.has(type), `${module.id}: ${type}`).toBe(true);
    }
    for (const objection of DEFAULT_OBJECTIONS.objections) {
      for (const type of objection.callTypes) expect(CALL_TYPES.has(type)).toBe(true);
    }
  });

  it('has the modules the demo needs, with branches between them', () => {
    const modules = DEFAULT_SCRIPTS.modules;
    expect(modules.length).toBeGreaterThanOrEqual(12);
    const offers = new Set(modules.map((m) => m.offer));
    for (const offer of ['upgrade', 'bundle', 'equipment', 'callback'] as const) expect(offers.has(offer)).toBe(true);
    const stages = new Set(modules.map((m) => m.stage));
    expect(stages.size).toBe(5);
    const covered = new Set(modules.flatMap((m) => m.when.callTypes));
    for (const type of ['billing', 'down_balance', 'tech_support', 'connection', 'tariff_change', 'termination']) {
      expect(covered.has(type), type).toBe(true);
    }
    expect(modules.some((m) => m.when.balance === 'negative')).toBe(true);
    expect(modules.some((m) => m.branches.some((b) => b.when === 'Дорого'))).toBe(true);
    const callback = modules.find((m) => m.offer === 'callback')!;
    expect(callback.text).toMatch(/номер/);
  });

  it('has the objections with one to three answers each', () => {
    const titles = DEFAULT_OBJECTIONS.objections.map((o) => o.title);
    for (const title of [
      'Дорого',
      'Я подумаю',
      'У другого провайдера дешевле',
      'Нет времени',
      'Меня всё устраивает',
      'Не нужен ТВ',
    ]) {
      expect(titles).toContain(title);
    }
    for (const objection of DEFAULT_OBJECTIONS.objections) {
      expect(objection.answers.length).toBeGreaterThanOrEqual(1);
      expect(objection.answers.length).toBeLessThanOrEqual(3);
    }
  });

  it('has the checklist of an inbound call', () => {
    expect(DEFAULT_CHECKLIST.title).toBe('Чек-лист входящего звонка');
    expect(DEFAULT_CHECKLIST.sections.map((s) => s.title)).toEqual([
      'Приветствие',
      'Выявление потребности',
      'Решение вопроса',
      'Предложение',
      'Завершение',
    ]);
    const items = checklistItems(DEFAULT_CHECKLIST);
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.length).toBeLessThanOrEqual(18);
    const critical = items.filter((i) => i.critical).map((i) => i.text);
    expect(critical).toEqual([
      'Представился и назвал компанию',
      'Проверил личность по договору',
      'Не обещал того, чего нет в тарифах',
    ]);
    expect(items.find((i) => i.id === 'offer_made')?.naAllowed).toBe(true);
    expect(items.some((i) => !i.naAllowed)).toBe(true);
    expect(new Set(items.map((i) => i.weight)).size).toBeGreaterThan(1);
  });

  it('has the tariffs of the demo CRM page and their upgrades', () => {
    const page = demoPage();
    const pageTariffs = [...page.matchAll(/tariff: '([^']+)'/g)].map((m) => m[1]!);
    expect(pageTariffs).toEqual(['Домашний 100', 'Домашний 200', 'Домашний 100 + ТВ']);
    for (const name of pageTariffs) expect(matchTariff(DEFAULT_TARIFFS, name), name).not.toBeNull();
    const home100 = matchTariff(DEFAULT_TARIFFS, 'Домашний 100')!;
    const home200 = matchTariff(DEFAULT_TARIFFS, 'Домашний 200')!;
    expect(home100.upgradeTo).toBe(home200.id);
    expect(home200.monthly - home100.monthly).toBe(100);
    expect(home200.speedMbps).toBe(2 * home100.speedMbps!);
    expect(matchTariff(DEFAULT_TARIFFS, 'Домашний 100 + ТВ')!.upgradeTo).not.toBeNull();
    expect(DEFAULT_TARIFFS.tariffs.filter((t) => !t.active).length).toBeGreaterThanOrEqual(2);
    expect(new Set(DEFAULT_TARIFFS.services.map((s) => s.kind))).toEqual(new Set(['service', 'equipment']));
    expect(DEFAULT_TARIFFS.currency).toBe('₽');
  });

  it("has the demo page's first subscriber as the demo subscriber", () => {
    const page = demoPage();
    const first = page.slice(page.indexOf('{', page.indexOf('SUBSCRIBERS')), page.indexOf('}'));
    for (const value of Object.values(DEMO_SUBSCRIBER)) expect(first).toContain(`'${value}'`);
  });

  it('gives the demo subscriber a balance-call upgrade with price_delta 100, every variable filled', () => {
    const values = subscriberValues(DEMO_SUBSCRIBER, DEFAULT_TARIFFS);
    expect(values.price_delta).toBe('100');
    const suggested = suggestModules(DEFAULT_SCRIPTS, { callTypeId: 'billing', balance: -150, hasUpgrade: true });
    const upgrade = suggested.find((m) => m.offer === 'upgrade' && m.when.callTypes.includes('billing'))!;
    expect(upgrade).toBeDefined();
    expect(missingVariables(parseRichText(upgrade.text, values))).toEqual([]);
    const root = document.createElement('div');
    render(h(RichText, { text: upgrade.text, values }), root);
    expect(root.textContent).toContain('Мария, пока проверяю платёж');
    expect(root.textContent).toContain('за 100 ₽ в месяц');
    expect(root.textContent).toContain('«Домашний 200»');
    expect(root.textContent).not.toMatch(/[{}]/);
    expect(root.querySelector('button')).toBeNull();
    render(null, root);
  });

  it('fills every module for the demo subscriber where the module fits', () => {
    const values = subscriberValues(DEMO_SUBSCRIBER, DEFAULT_TARIFFS);
    for (const module of DEFAULT_SCRIPTS.modules) {
      expect(missingVariables(parseRichText(module.text, values)), module.id).toEqual([]);
    }
  });
});
