// @vitest-environment happy-dom
// The console's plan editor in a DOM: the formula is shown with its live result («200 × 550 ₽ ×
// 1,15 = 126 500 ₽») and becomes the revenue target; the team's operators are added and the targets
// split equally, by shifts, or by hand with the mismatch shown; the bonus table reads the scale;
// a suggestion asks the conversion report for the right month; an invalid plan shows its problems
// next to the fields and is never published; a valid one is published with its note.

import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanWorkspace } from '@/components/console/plan/PlanWorkspace';
import { derivePlan } from '@/lib/console/plan-draft';
import { planProblems } from '@/lib/console/plan-problems';
import { monthPeriod } from '@/lib/console/report-period';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { request } from '@/lib/messaging/client';
import { emptyPlan } from '@/lib/plan/defaults';
import type { ContentVersion } from '@/lib/schema/api';
import { PlanDocument } from '@/lib/schema/plan';
import type { TeamMember } from '@/lib/sync/api-client';
import { answerRequests, clickAndWait, flush, LEAD, mount as mountView, TEAM, text, unmount } from './console-harness';
import { fakeUlid } from './helpers';

vi.mock('@/lib/messaging/client', () => import('./console-harness').then((harness) => harness.fakeClientModule()));

const mockedRequest = vi.mocked(request);
const t = createTranslator(consoleMessages, 'ru');
const OTHER_TEAM = fakeUlid(899);
const NOW = new Date(2026, 10, 20, 9, 0).getTime();
const ANNA = fakeUlid(1);
const BORIS = fakeUlid(2);

const member = (id: string, name: string, extra: Partial<TeamMember> = {}): TeamMember => ({
  id,
  name,
  role: 'operator',
  teams: [{ id: TEAM, name: 'Первая линия' }],
  disabled: false,
  ...extra,
});

let members: TeamMember[];
let published: { kind: string; teamId: string | null; body: unknown; note: string }[];
let requests: { type: string; body: Record<string, unknown> }[];
let conversion: (body: Record<string, unknown>) => unknown;
let tariffMix: unknown;

beforeEach(() => {
  members = [
    member(ANNA, 'Анна'),
    member(BORIS, 'Борис'),
    member(fakeUlid(3), 'Вера из другой команды', { teams: [{ id: OTHER_TEAM, name: 'Вторая линия' }] }),
    member(fakeUlid(4), 'Уволенный', { disabled: true }),
    member(fakeUlid(5), 'Тренер', { role: 'trainer' }),
  ];
  published = [];
  requests = [];
  conversion = () => ({ typeId: 'connection', requests: 0, connected: 0, rate: null });
  tariffMix = { rows: [] };
  answerRequests(mockedRequest, (type, body) => {
    requests.push({ type, body });
    if (type === 'console.documents') return [];
    if (type === 'console.users') return members;
    if (type === 'console.versions') return [];
    if (type === 'console.report.conversion') return conversion(body);
    if (type === 'console.report.tariffMix') return tariffMix;
    if (type === 'console.publish') {
      published.push(body as (typeof published)[number]);
      const stored: ContentVersion = {
        documentId: fakeUlid(800),
        versionId: fakeUlid(801),
        kind: 'plan',
        teamId: TEAM,
        version: 1,
        cursor: 1,
        body: body.body,
        note: body.note as string,
        publishedAt: NOW,
        publishedBy: 'Руководитель',
      };
      return stored;
    }
    throw new Error(`unexpected request ${type}`);
  });
});

afterEach(unmount);

const mount = () => mountView(h(PlanWorkspace, { t, locale: 'ru', user: LEAD, now: NOW }));

function input(el: HTMLElement, selector: string): HTMLInputElement {
  const found = el.querySelector(selector);
  if (!(found instanceof HTMLInputElement)) throw new Error(`no input ${selector}`);
  return found;
}

async function type(element: HTMLInputElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  await flush(1);
}

async function choose(el: HTMLElement, testId: string, value: string) {
  const select = el.querySelector(`[data-testid="${testId}"]`);
  if (!(select instanceof HTMLSelectElement)) throw new Error(`no select ${testId}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await flush(1);
}

/** Each operator's figure in one column of the split table, in row order. */
function column(el: HTMLElement, field: string): string[] {
  return [...el.querySelectorAll(`[data-testid="plan-operator"] td[data-field="${field}"]`)].map((cell) => {
    const editable = cell.querySelector('input');
    return editable ? editable.value : text(cell);
  });
}

async function fillFormula(el: HTMLElement) {
  await type(input(el, '[data-testid="plan-connections"]'), '200');
  await type(input(el, '[data-testid="plan-average-check"]'), '550');
  await type(input(el, '[data-testid="plan-uplift"]'), '15');
}

describe('plan editor', () => {
  it('shows the formula with its live result and makes it the revenue target', async () => {
    const el = await mount();
    expect(el.querySelector('[data-testid="console-base"]')?.getAttribute('data-from')).toBe('default');
    expect(input(el, '[data-testid="plan-month"]').value).toBe('2026-11');
    await fillFormula(el);
    await flush();
    const line = el.querySelector('[data-testid="plan-formula-line"]');
    expect(text(line)).toBe('200 × 550 ₽ × 1,15 = 126 500 ₽');
    expect(line?.getAttribute('data-result')).toBe('126500');
    expect(text(el.querySelector('[data-testid="plan-target-revenue"]'))).toBe('Выручка по формуле: 126 500 ₽');

    // A half-typed input leaves the result open instead of showing a wrong number.
    await type(input(el, '[data-testid="plan-average-check"]'), '');
    expect(text(el.querySelector('[data-testid="plan-formula-line"]'))).toBe('200 × ? × 1,15 = —');
  });

  it('adds the team’s operators and splits the targets equally, by shifts and by hand', async () => {
    const el = await mount();
    await fillFormula(el);
    await type(input(el, '[data-testid="plan-target-sales"]'), '11');
    expect(el.querySelector('[data-testid="plan-no-operators"]')).not.toBeNull();
    // Only the active operators of this team are offered.
    expect(text(el.querySelector('[data-testid="plan-missing"]'))).toContain('Анна, Борис.');
    expect(text(el.querySelector('[data-testid="plan-missing"]'))).not.toContain('Вера');
    await clickAndWait(el.querySelector('[data-testid="plan-add-operators"]'));

    expect(
      [...el.querySelectorAll('[data-testid="plan-operator"]')].map((row) => row.getAttribute('data-user')),
    ).toEqual([ANNA, BORIS]);
    expect(el.querySelector('[data-testid="plan-missing"]')).toBeNull();
    expect(column(el, 'revenue')).toEqual(['63 250 ₽', '63 250 ₽']);
    expect(column(el, 'sales')).toEqual(['6', '5']);

    await choose(el, 'plan-split-method', 'shifts');
    await type(input(el, 'input[data-path="operators.0.shifts"]'), '10');
    await type(input(el, 'input[data-path="operators.1.shifts"]'), '30');
    await flush();
    expect(column(el, 'revenue')).toEqual(['31 625 ₽', '94 875 ₽']);
    expect(column(el, 'sales')).toEqual(['3', '8']);
    expect(el.querySelector('[data-testid="plan-mismatch"]')).toBeNull();

    // By hand: the shares become editable and a split that misses the target says by how much.
    await choose(el, 'plan-split-method', 'manual');
    expect(column(el, 'revenue')).toEqual(['31625', '94875']);
    await type(input(el, 'input[data-path="operators.0.revenue"]'), '30000');
    await flush();
    const mismatch = el.querySelector('[data-testid="plan-mismatch"]');
    expect(mismatch?.querySelectorAll('li')).toHaveLength(1);
    expect(text(mismatch?.querySelector('li[data-field="revenue"]'))).toBe(
      'Выручка: распределено 124 875 ₽ из 126 500 ₽ (разница 1 625 ₽)',
    );
    // A mismatch is a warning, not a reason to refuse the plan.
    expect(el.querySelector('[data-testid="console-draft"]')?.getAttribute('data-valid')).toBe('true');
  });

  it('reads the bonus at a few attainments off the scale', async () => {
    const el = await mount();
    const bonus = (attainment: number) =>
      text(
        el.querySelector(
          `[data-testid="plan-pay-sample"][data-attainment="${attainment}"] [data-testid="plan-pay-sample-bonus"]`,
        ),
      );
    // The default rule: nothing at 40 %, all 30 000 at 100 %, linear in between, flat above.
    expect([40, 60, 80, 100, 120].map(bonus)).toEqual(['0 ₽', '10 000 ₽', '20 000 ₽', '30 000 ₽', '30 000 ₽']);
    await clickAndWait(el.querySelector('[data-testid="plan-scale-add"]'));
    await type(input(el, 'input[data-path="pay.scale.2.share"]'), '150');
    await flush();
    expect(input(el, 'input[data-path="pay.scale.2.attainment"]').value).toBe('120');
    expect(bonus(120)).toBe('45 000 ₽');
  });

  it('suggests the expected connections from the same month last year', async () => {
    conversion = (body) =>
      body.from === monthPeriod('2025-11').from
        ? { typeId: 'connection', requests: 240, connected: 180, rate: 0.75 }
        : { typeId: 'connection', requests: 0, connected: 0, rate: null };
    const el = await mount();
    await choose(el, 'plan-connections-source', 'last_year');
    await clickAndWait(el.querySelector('[data-testid="plan-suggest-connections"]'));

    const asked = requests.filter((r) => r.type === 'console.report.conversion');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toMatchObject({ ...monthPeriod('2025-11'), teamId: TEAM });
    expect(input(el, '[data-testid="plan-connections"]').value).toBe('180');
    expect(text(el.querySelector('[data-testid="plan-connections-hint"]'))).toBe('По подключениям за 2025-11: 180.');

    // The three months before, for the recent average; months without requests do not count.
    await choose(el, 'plan-connections-source', 'recent_average');
    await clickAndWait(el.querySelector('[data-testid="plan-suggest-connections"]'));
    const recent = requests.filter((r) => r.type === 'console.report.conversion').slice(1);
    expect(recent.map((r) => r.body.from)).toEqual(
      ['2026-10', '2026-09', '2026-08'].map((month) => monthPeriod(month).from),
    );
    expect(text(el.querySelector('[data-testid="plan-connections-hint"]'))).toContain('Нет данных');
    expect(input(el, '[data-testid="plan-connections"]').value).toBe('180');
  });

  it('computes the average check from last month’s new connections in the catalogue', async () => {
    tariffMix = {
      rows: [
        { itemId: 'home100', kind: 'connection', sales: 3 },
        { itemId: 'home200', kind: 'connection', sales: 1 },
        // Upgrades are not new connections; an item the catalogue does not know has no fee.
        { itemId: 'home200', kind: 'upgrade', sales: 9 },
        { itemId: 'gone', kind: 'connection', sales: 5 },
      ],
    };
    const el = await mount();
    await clickAndWait(el.querySelector('[data-testid="plan-suggest-check"]'));
    const asked = requests.filter((r) => r.type === 'console.report.tariffMix');
    expect(asked.map((r) => r.body)).toEqual([expect.objectContaining({ ...monthPeriod('2026-10'), teamId: TEAM })]);
    // (3 × 500 + 600) / 4 = 525.
    expect(input(el, '[data-testid="plan-average-check"]').value).toBe('525');
    expect(text(el.querySelector('[data-testid="plan-check-hint"]'))).toBe(
      'По новым подключениям за 2026-10 (4 шт.): 525 ₽.',
    );
  });

  it('shows an invalid plan’s problems next to the fields and never publishes it', async () => {
    const el = await mount();
    await fillFormula(el);
    await type(input(el, '[data-testid="console-note"]'), 'План на ноябрь');
    await type(input(el, '[data-testid="plan-uplift"]'), '150');
    await type(input(el, 'input[data-path="pay.scale.1.attainment"]'), '30');
    await flush();

    const problems = [...el.querySelectorAll('[data-testid="field-problem"]')];
    const uplift = problems.find((p) => p.getAttribute('data-path') === 'formula.uplift');
    expect(text(uplift)).toBe('не больше 1 (Формула › Прирост)');
    expect(uplift?.closest('label')?.querySelector('input')).toBe(input(el, '[data-testid="plan-uplift"]'));
    const order = problems.find((p) => p.getAttribute('data-path') === 'pay.scale.1.attainment');
    expect(text(order)).toBe(
      'должно быть больше, чем у предыдущей точки (40) (Оплата › Точка шкалы 2 › Выполнение плана, %)',
    );
    expect(text(el.querySelector('[data-testid="draft-problems"]'))).toContain('Формула › Прирост: не больше 1');
    // No result for a formula that does not validate.
    expect(text(el.querySelector('[data-testid="plan-formula-line"]'))).toContain('= —');

    const publish = el.querySelector<HTMLButtonElement>('[data-testid="console-publish"]')!;
    expect(publish.disabled).toBe(true);
    publish.disabled = false;
    await clickAndWait(publish);
    expect(published).toEqual([]);
  });

  it('publishes a valid plan with its note for the team', async () => {
    const el = await mount();
    await fillFormula(el);
    await type(input(el, '[data-testid="plan-target-sales"]'), '40');
    await type(input(el, '[data-testid="plan-target-effective"]'), '900');
    await clickAndWait(el.querySelector('[data-testid="plan-add-operators"]'));
    await type(input(el, '[data-testid="console-note"]'), 'План на ноябрь');
    await clickAndWait(el.querySelector('[data-testid="console-publish"]'));

    expect(published).toHaveLength(1);
    const sent = published[0]!;
    expect(sent).toMatchObject({ kind: 'plan', teamId: TEAM, note: 'План на ноябрь' });
    const body = PlanDocument.parse(sent.body);
    expect(body.formula).toEqual({
      expectedConnections: 200,
      connectionsSource: 'entered',
      averageCheck: 550,
      uplift: 0.15,
    });
    expect(body.targets).toMatchObject({ revenue: 126_500, sales: 40, effectiveCalls: 900 });
    expect(body.operators.map((o) => [o.name, o.revenue, o.sales, o.effectiveCalls])).toEqual([
      ['Анна', 63_250, 20, 450],
      ['Борис', 63_250, 20, 450],
    ]);
    expect(el.querySelector('[data-testid="console-notice"]')?.getAttribute('data-kind')).toBe('ok');
  });
});

describe('plan logic', () => {
  it('keeps the revenue target and a computed split in step, but leaves a split by hand alone', () => {
    const plan: PlanDocument = {
      ...emptyPlan('2026-11'),
      formula: { expectedConnections: 10, connectionsSource: 'entered', averageCheck: 100, uplift: 0.1 },
      operators: [
        {
          userId: ANNA,
          name: 'Анна',
          shifts: 1,
          revenue: 0,
          sales: 0,
          effectiveCalls: 0,
          connections: null,
          upgrades: null,
        },
        {
          userId: BORIS,
          name: 'Борис',
          shifts: 3,
          revenue: 0,
          sales: 0,
          effectiveCalls: 0,
          connections: null,
          upgrades: null,
        },
      ],
      split: 'shifts',
    };
    const derived = derivePlan(plan);
    expect(derived.targets.revenue).toBe(1100);
    expect(derived.operators.map((o) => o.revenue)).toEqual([275, 825]);
    const manual = derivePlan({ ...plan, split: 'manual' });
    expect(manual.targets.revenue).toBe(1100);
    expect(manual.operators.map((o) => o.revenue)).toEqual([0, 0]);
  });

  it('points at an operator listed twice and at each scale point out of order', () => {
    const plan = emptyPlan('2026-11');
    const operator = {
      userId: ANNA,
      name: 'Анна',
      shifts: 20,
      revenue: 0,
      sales: 0,
      effectiveCalls: 0,
      connections: null,
      upgrades: null,
    };
    const problems = planProblems({
      ...plan,
      operators: [operator, operator],
      pay: {
        ...plan.pay,
        scale: [
          { attainment: 50, share: 0 },
          { attainment: 50, share: 100 },
        ],
      },
    });
    expect(problems.map((p) => `${p.path.join('.')}|${p.code}`)).toEqual([
      'pay.scale.1.attainment|scaleOrder',
      'operators.1.name|duplicateOperator',
    ]);
    expect(planProblems(plan)).toEqual([]);
  });
});
