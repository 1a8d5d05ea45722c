// @vitest-environment happy-dom
// The lead's reports in a DOM: the view asks the background for yesterday's reports of the lead's
// team (mix, conversion, upsell by type and by operator, operators by day) in the reader's time
// zone; the mix table names the call types from the classifier, shows shares in percent and
// highlights the drifting type with an alert; tiles sum the figures; the anomaly flag explains
// itself; another period asks again; a table exports as CSV; charts are built and destroyed.

import { Chart } from 'chart.js';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleApp } from '@/components/console/ConsoleApp';
import { ReportsView } from '@/components/console/reports/ReportsView';
import { mixLines } from '@/lib/console/report-mix';
import { operatorTotals, periodSeries } from '@/lib/console/report-operators';
import { presetPeriod } from '@/lib/console/report-period';
import { sectionsFor } from '@/lib/console/sections';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { request } from '@/lib/messaging/client';
import type { ConversionReport, MixReport, OperatorReport, UpsellReport } from '@/lib/schema/reports';
import {
  answerRequests,
  attach,
  clickAndWait,
  flush,
  LEAD,
  mount as mountView,
  TEAM,
  text,
  unmount,
} from './console-harness';
import { fakeUlid } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (path: string) => `ext://${path}` } } }));

vi.mock('@/lib/messaging/client', () => import('./console-harness').then((harness) => harness.fakeClientModule()));

const mockedRequest = vi.mocked(request);
const t = createTranslator(consoleMessages, 'ru');
const ANNA = fakeUlid(1);
const BORIS = fakeUlid(2);
const DAY = new Date(2026, 10, 19).getTime();

const MIX: MixReport = {
  from: DAY,
  to: DAY + 86_400_000,
  previousFrom: DAY - 86_400_000,
  total: 100,
  previousTotal: 80,
  untaggedShare: 0.05,
  rows: [
    { typeId: null, calls: 5, share: 0.05, previousCalls: 4, previousShare: 0.05, drift: false },
    { typeId: 'tech_support', calls: 70, share: 0.7, previousCalls: 40, previousShare: 0.5, drift: true },
    { typeId: 'billing', calls: 25, share: 0.25, previousCalls: 36, previousShare: 0.45, drift: false },
  ],
};
const CONVERSION: ConversionReport = { typeId: 'connection', requests: 8, connected: 6, rate: 0.75 };
const UPSELL_TYPE: UpsellReport = {
  by: 'type',
  rows: [{ key: 'billing', label: 'billing', calls: 25, offered: 10, accepted: 4, sales: 3, revenue: 1500 }],
};
const UPSELL_OPERATOR: UpsellReport = {
  by: 'operator',
  rows: [{ key: ANNA, label: 'Анна', calls: 60, offered: 10, accepted: 4, sales: 3, revenue: 1500 }],
};
const operatorRow = (userId: string, userName: string, extra: Partial<OperatorReport['rows'][number]> = {}) => ({
  userId,
  userName,
  periodStart: DAY,
  calls: 20,
  effectiveCalls: 15,
  shortCalls: 2,
  sales: 2,
  revenue: 1000,
  attainment: 0.5,
  anomaly: false,
  ...extra,
});
const OPERATORS: OperatorReport = {
  period: 'day',
  effectiveCallMs: 20_000,
  rows: [
    operatorRow(BORIS, 'Борис', {
      calls: 100,
      effectiveCalls: 10,
      shortCalls: 85,
      sales: 0,
      revenue: 0,
      anomaly: true,
    }),
    operatorRow(ANNA, 'Анна'),
  ],
};

let calls: { type: string; body: Record<string, unknown> }[];

beforeEach(() => {
  calls = [];
  answerRequests(mockedRequest, (type, body) => {
    calls.push({ type, body });
    switch (type) {
      case 'options.load':
        return { settings: { locale: 'ru' } };
      case 'session.get':
        return { server: 'http://127.0.0.1:8787', user: LEAD, expiresAt: null };
      case 'console.documents':
        return [];
      case 'console.report.mix':
        return MIX;
      case 'console.report.conversion':
        return CONVERSION;
      case 'console.report.upsell':
        return body.by === 'type' ? UPSELL_TYPE : UPSELL_OPERATOR;
      case 'console.report.operators':
        return { ...OPERATORS, period: body.period };
      default:
        throw new Error(`unexpected request ${type}`);
    }
  });
});

afterEach(() => {
  unmount();
  vi.restoreAllMocks();
});

const mount = () => mountView(h(ReportsView, { t, locale: 'ru', user: LEAD }));

const reportCalls = () => calls.filter((c) => c.type.startsWith('console.report.'));

describe('reports view', () => {
  it('asks for yesterday’s reports of the lead’s team in the reader’s time zone', async () => {
    await mount();
    const yesterday = presetPeriod('yesterday', Date.now());
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const scope = { ...yesterday, teamId: TEAM, tz };
    expect(reportCalls().map((c) => [c.type, c.body])).toEqual([
      ['console.report.mix', scope],
      ['console.report.conversion', scope],
      ['console.report.upsell', { ...scope, by: 'type' }],
      ['console.report.upsell', { ...scope, by: 'operator' }],
      ['console.report.operators', { ...scope, period: 'day' }],
    ]);
  });

  it('shows the mix with classifier names, percent shares and the drifting type called out', async () => {
    const el = await mount();
    const rows = [...el.querySelectorAll('[data-testid="mix-row"]')];
    // The classifier's order (billing is type 1, tech support type 4); untagged calls last.
    expect(rows.map((row) => row.getAttribute('data-type'))).toEqual(['billing', 'tech_support', '']);
    expect(text(rows[0]?.querySelector('th'))).toBe('Перерасчет, платеж, баланс');
    expect(text(rows[2]?.querySelector('th'))).toBe('Без типа');
    expect(rows.map((row) => text(row.querySelector('[data-testid="mix-share"]')))).toEqual(['25 %', '70 %', '5 %']);

    const drift = rows[1]!;
    expect(drift.getAttribute('data-drift')).toBe('true');
    expect(drift.classList.contains('row-drift')).toBe(true);
    expect(text(drift.querySelector('th'))).toContain('Не работает интернет – решает техподдержка');
    expect(rows[0]?.classList.contains('row-drift')).toBe(false);
    expect(text(drift.querySelector('td:last-child'))).toBe('+20');
    const alert = el.querySelector('[data-testid="mix-drift-alert"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(text(alert)).toBe(
      'Сдвиг в структуре звонков: Не работает интернет – решает техподдержка (50 % → 70 %). Проверьте, нет ли аварии или сбоя.',
    );
  });

  it('sums the headline tiles and explains an anomaly', async () => {
    const el = await mount();
    const tile = (key: string) => text(el.querySelector(`[data-testid="report-tile"][data-tile="${key}"]`));
    expect(tile('calls')).toBe('Звонков100+25 % к прошлому периоду (80)');
    expect(tile('effective')).toBe('Результативных20,8 %25 из 120 звонков');
    expect(tile('conversion')).toContain('75 %');
    expect(tile('upsell')).toBe('Предложения приняты40 %4 из 10 предложений');
    expect(el.querySelector('[data-tile="anomalies"]')?.classList.contains('tile--warn')).toBe(true);

    const groups = [...el.querySelectorAll('[data-testid="operator-group"]')];
    expect(groups.map((g) => g.getAttribute('data-user'))).toEqual([ANNA, BORIS]);
    const anomaly = groups[1]?.querySelector('[data-testid="operator-anomaly"]');
    expect(anomaly?.getAttribute('title')).toBe(
      'Из 100 звонков результативных только 10, коротких — 85: похоже на «набрал и сбросил».',
    );
    expect(groups[0]?.querySelector('[data-testid="operator-anomaly"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="upsell-table-type"] th[scope="row"]'))).toBe(
      'Перерасчет, платеж, баланс',
    );
  });

  it('asks again for another period and for weeks', async () => {
    const el = await mount();
    calls = [];
    await clickAndWait(el.querySelector('[data-testid="report-period-month"]'));
    const month = presetPeriod('month', Date.now());
    expect(reportCalls()).toHaveLength(5);
    expect(reportCalls().every((c) => c.body.from === month.from && c.body.to === month.to)).toBe(true);

    calls = [];
    await clickAndWait(el.querySelector('[data-testid="operators-by-week"]'));
    expect(reportCalls().map((c) => [c.type, c.body.period])).toEqual([['console.report.operators', 'week']]);
    expect(text(el.querySelector('[data-testid="operators-table"] thead'))).toContain('Неделя');
  });

  it('exports the mix table as CSV', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const el = await mount();
    await clickAndWait(el.querySelector('[data-testid="mix-csv"]'));
    expect(clicked).toHaveBeenCalledOnce();
    const lines = new TextDecoder().decode(await blobs[0]!.arrayBuffer()).split('\r\n');
    expect(lines[0]).toBe(
      'Тип звонка;Звонков;Доля, %;Звонков в прошлом периоде;Доля в прошлом периоде, %;Изменение, п. п.;Сдвиг',
    );
    expect(lines[2]).toBe('Не работает интернет – решает техподдержка;70;70;40;50;20;Да');
  });

  it('draws the charts on a canvas and destroys them when the view goes away', async () => {
    stubCanvas();
    const el = await mount();
    const charts = Object.values(Chart.instances);
    // Mix, upsell by type and by operator, operators per day.
    expect(charts).toHaveLength(4);
    const mix = charts.find((chart) => chart.canvas.closest('[data-testid="mix-chart"]'));
    expect(mix?.data.labels).toEqual([
      'Перерасчет, платеж, баланс',
      'Не работает интернет – решает техподдержка',
      'Без типа',
    ]);
    expect(mix?.data.datasets[0]?.data).toEqual([25, 70, 5]);
    const label = el.querySelector('[data-testid="mix-chart"] canvas')?.getAttribute('aria-label') ?? '';
    expect(label.replace(/\s/g, ' ')).toContain('Не работает интернет – решает техподдержка: 70 %');
    unmount();
    await flush();
    expect(Object.values(Chart.instances)).toHaveLength(0);
  });
});

describe('console sections', () => {
  it('opens a lead on the reports, then the plan, before the content kinds', async () => {
    history.replaceState(null, '', '#');
    const root = attach(h(ConsoleApp, {}));
    for (let i = 0; i < 20 && !root.querySelector('[data-testid="console-reports"]'); i += 1) await flush(1);
    const tabs = [...root.querySelectorAll('[data-testid^="nav-"]')].map((tab) => tab.getAttribute('data-testid'));
    expect(tabs.slice(0, 3)).toEqual(['nav-reports', 'nav-plan', 'nav-classifier']);
    expect(root.querySelector('[data-testid="console-reports"]')).not.toBeNull();
    await flush();
    expect(reportCalls().map((c) => c.type)).toContain('console.report.mix');
  });

  it('offers reports and plans to leads and admins only', () => {
    for (const role of ['lead', 'admin'] as const) {
      expect(sectionsFor(role)).toEqual(expect.arrayContaining(['reports', 'plan']));
    }
    expect(sectionsFor('trainer')).not.toContain('reports');
    expect(sectionsFor('trainer')).not.toContain('plan');
    expect(sectionsFor('operator')).toEqual([]);
  });
});

describe('report logic', () => {
  it('orders the mix by the classifier, unknown types by share, untagged last', () => {
    const lines = mixLines(
      {
        ...MIX,
        rows: [
          { typeId: null, calls: 1, share: 0.1, previousCalls: 0, previousShare: 0, drift: false },
          { typeId: 'x', calls: 2, share: 0.2, previousCalls: 0, previousShare: 0, drift: false },
          { typeId: 'y', calls: 3, share: 0.3, previousCalls: 0, previousShare: 0, drift: false },
          { typeId: 'b', calls: 4, share: 0.4, previousCalls: 0, previousShare: 0, drift: false },
        ],
      },
      ['a', 'b'],
      (id) => id ?? '-',
    );
    expect(lines.map((l) => l.typeId)).toEqual(['b', 'y', 'x', null]);
  });

  it('totals each operator and sums the days for the chart', () => {
    const report: OperatorReport = {
      ...OPERATORS,
      rows: [
        operatorRow(ANNA, 'Анна', { periodStart: DAY + 86_400_000, attainment: 0.6 }),
        operatorRow(ANNA, 'Анна'),
        operatorRow(BORIS, 'Борис', { attainment: null }),
      ],
    };
    const [anna, boris] = operatorTotals(report);
    expect(anna).toMatchObject({ calls: 40, effectiveCalls: 30, effectiveShare: 0.75, attainment: 0.6 });
    expect(anna?.rows.map((r) => r.periodStart)).toEqual([DAY, DAY + 86_400_000]);
    expect(boris?.attainment).toBeNull();
    expect(periodSeries(report)).toEqual({
      starts: [DAY, DAY + 86_400_000],
      calls: [40, 20],
      effectiveCalls: [30, 15],
      sales: [4, 2],
    });
    expect(periodSeries(report, BORIS).calls).toEqual([20]);
  });
});

/** A 2D context that accepts every call, so Chart.js can build its charts in happy-dom. */
function stubCanvas() {
  const gradient = { addColorStop: () => {} };
  const contextOf = (canvas: HTMLCanvasElement) =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'canvas') return canvas;
          if (name === 'measureText') return () => ({ width: 10 });
          if (name === 'createLinearGradient' || name === 'createRadialGradient') return () => gradient;
          if (name === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
          return () => {};
        },
        set: () => true,
      },
    );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this);
  } as unknown as HTMLCanvasElement['getContext']);
}
