// Which modules the panel suggests: modules of the call's type before generic ones, a matching
// balance condition before "any balance", then by stage and the authors' order; the balance and
// upgrade conditions; a new tag changes the suggestion.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS, DEFAULT_TARIFFS, DEMO_SUBSCRIBER } from '@/lib/content/defaults';
import { type ModuleContext, moduleContext, moduleFits, suggestModules } from '@/lib/content/selection';
import type { ScriptModule, ScriptSet } from '@/lib/schema/content';
import { fakeUlid, makeCall, T0 } from './helpers';

function mod(
  id: string,
  over: Partial<Omit<ScriptModule, 'when'>> & { when?: Partial<ScriptModule['when']> } = {},
): ScriptModule {
  const { when, ...rest } = over;
  return {
    id,
    title: id,
    stage: 'offer',
    offer: 'none',
    text: 'текст',
    branches: [],
    keywords: [],
    ...rest,
    when: { callTypes: [], balance: 'any', needsUpgrade: false, ...when },
  };
}

const ctx = (over: Partial<ModuleContext> = {}): ModuleContext => ({
  callTypeId: null,
  balance: null,
  hasUpgrade: false,
  ...over,
});

const ids = (modules: ScriptModule[]) => modules.map((m) => m.id);

const tag = (typeId: string, n: number) => ({ id: fakeUlid(n), typeId, at: T0 + n });

describe('moduleContext', () => {
  it('takes the last tag, the parsed balance and whether an upgrade exists', () => {
    const call = makeCall({ subscriber: DEMO_SUBSCRIBER, tags: [tag('tech_support', 1), tag('billing', 2)] });
    expect(moduleContext(call, DEFAULT_TARIFFS)).toEqual({ callTypeId: 'billing', balance: -150, hasUpgrade: true });
  });

  it('knows nothing without a call, tags, balance text or catalogue', () => {
    expect(moduleContext(null, DEFAULT_TARIFFS)).toEqual(ctx());
    const call = makeCall({ subscriber: { tariff: 'Домашний 100', balance: 'нет данных' } });
    expect(moduleContext(call, null)).toEqual(ctx());
  });

  it('has no upgrade for the top tariff or an unknown one', () => {
    expect(moduleContext(makeCall({ subscriber: { tariff: 'Домашний 500' } }), DEFAULT_TARIFFS).hasUpgrade).toBe(false);
    expect(moduleContext(makeCall({ subscriber: { tariff: 'Космос' } }), DEFAULT_TARIFFS).hasUpgrade).toBe(false);
  });
});

describe('moduleFits', () => {
  it('fits a generic module to any call, tagged or not', () => {
    expect(moduleFits(mod('g'), ctx())).toBe(true);
    expect(moduleFits(mod('g'), ctx({ callTypeId: 'billing', balance: -5 }))).toBe(true);
  });

  it('fits a typed module only to its call types', () => {
    const m = mod('t', { when: { callTypes: ['billing', 'down_balance'] } });
    expect(moduleFits(m, ctx({ callTypeId: 'billing' }))).toBe(true);
    expect(moduleFits(m, ctx({ callTypeId: 'down_balance' }))).toBe(true);
    expect(moduleFits(m, ctx({ callTypeId: 'tech_support' }))).toBe(false);
    expect(moduleFits(m, ctx())).toBe(false);
  });

  it('checks the balance condition; an unknown balance fits only "any"', () => {
    const negative = mod('n', { when: { balance: 'negative' } });
    const nonnegative = mod('p', { when: { balance: 'nonnegative' } });
    expect(moduleFits(negative, ctx({ balance: -0.01 }))).toBe(true);
    expect(moduleFits(negative, ctx({ balance: 0 }))).toBe(false);
    expect(moduleFits(negative, ctx())).toBe(false);
    expect(moduleFits(nonnegative, ctx({ balance: 0 }))).toBe(true);
    expect(moduleFits(nonnegative, ctx({ balance: 320 }))).toBe(true);
    expect(moduleFits(nonnegative, ctx({ balance: -150 }))).toBe(false);
    expect(moduleFits(nonnegative, ctx())).toBe(false);
  });

  it('needs an upgrade when the module says so', () => {
    const m = mod('u', { when: { needsUpgrade: true } });
    expect(moduleFits(m, ctx({ hasUpgrade: true }))).toBe(true);
    expect(moduleFits(m, ctx({ hasUpgrade: false }))).toBe(false);
    expect(moduleFits(mod('x'), ctx({ hasUpgrade: false }))).toBe(true);
  });
});

describe('suggestModules', () => {
  const set: ScriptSet = {
    modules: [
      mod('generic_closing', { stage: 'closing' }),
      mod('generic_opening', { stage: 'opening' }),
      mod('billing_offer', { when: { callTypes: ['billing'] } }),
      mod('billing_debt', { stage: 'needs', when: { callTypes: ['billing'], balance: 'negative' } }),
      mod('billing_opening', { stage: 'opening', when: { callTypes: ['billing'] } }),
      mod('billing_offer_2', { when: { callTypes: ['billing'] } }),
      mod('tech_offer', { when: { callTypes: ['tech_support'], needsUpgrade: true } }),
      mod('generic_debt', { stage: 'closing', when: { balance: 'negative' } }),
      mod('generic_paid', { when: { balance: 'nonnegative' } }),
    ],
  };

  it('puts type-specific before generic, matching balance before any, then stage, then authors', () => {
    expect(ids(suggestModules(set, ctx({ callTypeId: 'billing', balance: -150 })))).toEqual([
      'billing_debt',
      'billing_opening',
      'billing_offer',
      'billing_offer_2',
      'generic_debt',
      'generic_opening',
      'generic_closing',
    ]);
  });

  it('offers only generic modules before the call is tagged', () => {
    expect(ids(suggestModules(set, ctx({ balance: 10 })))).toEqual([
      'generic_paid',
      'generic_opening',
      'generic_closing',
    ]);
  });

  it('changes the order when a tag changes the call type', () => {
    const billing = ids(suggestModules(set, ctx({ callTypeId: 'billing', balance: 10, hasUpgrade: true })));
    const tech = ids(suggestModules(set, ctx({ callTypeId: 'tech_support', balance: 10, hasUpgrade: true })));
    expect(billing[0]).toBe('billing_opening');
    expect(tech[0]).toBe('tech_offer');
    expect(tech).not.toContain('billing_offer');
    expect(billing).not.toContain('tech_offer');
  });

  it('changes with the context: no upgrade, no upgrade module', () => {
    expect(ids(suggestModules(set, ctx({ callTypeId: 'tech_support' })))).not.toContain('tech_offer');
  });

  it('caps the answer at limit', () => {
    const all = suggestModules(set, ctx({ callTypeId: 'billing', balance: -150 }));
    expect(suggestModules(set, ctx({ callTypeId: 'billing', balance: -150 }), 3)).toEqual(all.slice(0, 3));
    expect(suggestModules(set, ctx(), 0)).toEqual([]);
    expect(suggestModules(set, ctx(), -1)).toEqual([]);
    expect(suggestModules({ modules: [] }, ctx())).toEqual([]);
  });

  it('suggests for the demo balance call: help to pay first, then the upgrade', () => {
    const call = makeCall({ subscriber: DEMO_SUBSCRIBER, tags: [tag('billing', 1)] });
    const suggested = ids(suggestModules(DEFAULT_SCRIPTS, moduleContext(call, DEFAULT_TARIFFS)));
    expect(suggested[0]).toBe('negative_balance');
    expect(suggested).toContain('balance_upgrade');
    expect(suggested.indexOf('balance_upgrade')).toBeLessThan(suggested.indexOf('greeting'));
  });

  it('suggests the double-speed offer on a tech-support call', () => {
    const call = makeCall({ subscriber: DEMO_SUBSCRIBER, tags: [tag('tech_support', 1)] });
    const suggested = ids(suggestModules(DEFAULT_SCRIPTS, moduleContext(call, DEFAULT_TARIFFS)));
    expect(suggested[0]).toBe('tech_solved_upgrade');
    expect(suggested).not.toContain('negative_balance');
  });

  // Speed is measured by `npm run bench` (module_switch_ms_p95), not asserted here.
  it('ranks 1000 modules the same on every call', () => {
    const many: ScriptSet = {
      modules: Array.from({ length: 1000 }, (_, i) =>
        mod(`m${i}`, {
          stage: (['opening', 'needs', 'offer', 'objection', 'closing'] as const)[i % 5],
          when: { callTypes: i % 3 === 0 ? [] : ['billing', 'other'], balance: i % 4 === 0 ? 'negative' : 'any' },
        }),
      ),
    };
    const context = ctx({ callTypeId: 'billing', balance: -1 });
    const first = suggestModules(many, context, 20).map((m) => m.id);
    expect(first).toHaveLength(20);
    expect(suggestModules(many, context, 20).map((m) => m.id)).toEqual(first);
    expect(many.modules.filter((m) => first.includes(m.id)).every((m) => m.when.callTypes.includes('billing'))).toBe(
      true,
    );
  });
});
