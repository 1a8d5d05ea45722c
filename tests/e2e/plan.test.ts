// The plan end to end, in a real Chromium against the real server (issue 5): the lead's plan
// reaches the operator's panel; a sale recorded at wrap-up moves the plan progress and the bonus at
// once, also while the server is down; after sync the lead's daily report counts it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE, emptyPlan } from '../../lib/plan/defaults';
import type { PlanDocument } from '../../lib/schema/plan';
import type { OperatorReport } from '../../lib/schema/reports';
import type { RunningServer } from '../../server/start';
import {
  answerDemoCall,
  callApi,
  type DemoLogin,
  demoLogin,
  demoPassword,
  demoServer,
  E2E_EXTENSION,
  launch,
  loginOnOptionsPage,
  panel,
  type Session,
  waitForPanel,
} from '../support/browser';

const dataDir = mkdtempSync(join(tmpdir(), 'op-e2e-plan-'));
let server: RunningServer;
let passwords: Record<string, string>;
let session: Session;
let crm: Page;
let operator: { id: string; name: string; teams: { id: string }[] };

const api = (method: string, path: string, token: string | null, body?: unknown) =>
  callApi(server, method, path, token, body);

const login = (who: DemoLogin) => demoLogin(server, who, passwords[who]);

/** The month as the browser (same machine) counts it. */
function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

const plan = () => panel(crm).locator('[data-testid="plan"]');
const percentShown = async () => Number(await plan().getAttribute('data-percent'));

beforeAll(async () => {
  server = await demoServer({ dataDir });
  passwords = Object.fromEntries(
    (['operator', 'lead', 'admin'] as const).map((who) => [who, demoPassword(server, who)]),
  );
  operator = (await login('operator')).user;
  // The lead's plan for the operator's team: revenue, 2 000 a month over 20 shifts, default scale.
  const body: PlanDocument = {
    ...emptyPlan(thisMonth()),
    targets: { revenue: 2000, sales: 10, effectiveCalls: 100, connections: null, upgrades: null },
    split: 'manual',
    operators: [
      {
        userId: operator.id,
        name: operator.name,
        shifts: 20,
        revenue: 2000,
        sales: 10,
        effectiveCalls: 100,
        connections: null,
        upgrades: null,
      },
    ],
    pay: { ...DEFAULT_PAY_RULE, bonus: 10_000 },
  };
  const lead = await login('lead');
  const published = await api('POST', '/documents/plan/publish', lead.token, {
    teamId: operator.teams[0]!.id,
    body,
    note: 'План на месяц',
  });
  expect(published.status, JSON.stringify(published.body)).toBe(201);

  session = await launch(E2E_EXTENSION);
  crm = await session.context.newPage();
  await crm.goto(`${server.url}/`);
  await waitForPanel(crm);
  const options = await loginOnOptionsPage(session, server, 'operator');
  await options.close();
  await crm.bringToFront();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('plan and bonus in the panel', () => {
  it("shows the lead's plan, and a sale moves progress and the bonus at once, also offline", async () => {
    await plan().waitFor({ timeout: 20_000 });
    const before = await percentShown();
    const bonusBefore = await panel(crm).locator('[data-testid="plan-bonus"]').textContent();

    // The demo subscriber's tariff has an upgrade in the catalogue: one press records it.
    await answerDemoCall(crm);
    await panel(crm).locator('[data-testid="call-card"].call--active').waitFor({ timeout: 10_000 });
    // Once the adapter has read the subscriber's tariff, its upgrade is one press.
    await panel(crm).locator('[data-testid="subscriber-tariff"]').waitFor({ timeout: 10_000 });
    await panel(crm).locator('[data-testid="outcome-upgrade"]').click();
    await panel(crm).locator('[data-testid="outcome-row"][data-kind="upgrade"]').waitFor({ timeout: 5000 });
    await expect.poll(percentShown, { timeout: 5000 }).toBeGreaterThan(before);
    const afterUpgrade = await percentShown();
    // A first sale of the month projects a bonus where there was none.
    expect(await panel(crm).locator('[data-testid="plan-bonus"]').textContent()).not.toBe(bonusBefore);

    // The server goes away; the next sale still counts in the panel.
    const port = Number(new URL(server.url).port);
    await server.close();
    try {
      await panel(crm).locator('[data-testid="outcome-equipment"]').click();
      const item = panel(crm).locator('[data-testid="outcome-items"] button').first();
      await item.click();
      await expect.poll(percentShown, { timeout: 5000 }).toBeGreaterThan(afterUpgrade);
    } finally {
      server = await demoServer({ dataDir, port });
    }
    await crm.click('#sp-hangup');
  });

  it("after sync, the lead's daily report counts the operator's sales", async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('[data-testid="sync-now"]').click();
    const lead = await login('lead');
    const dayStart = new Date();
    dayStart.setHours(0, 0, 0, 0);
    const from = dayStart.getTime();
    const to = from + 86_400_000;
    await expect
      .poll(
        async () => {
          const answer = await api(
            'GET',
            `/reports/operators?from=${from}&to=${to}&period=day&tz=${encodeURIComponent(
              Intl.DateTimeFormat().resolvedOptions().timeZone,
            )}`,
            lead.token,
          );
          if (answer.status !== 200) return `HTTP ${answer.status}`;
          const row = (answer.body as OperatorReport).rows.find((r) => r.userId === operator.id);
          return row ? row.sales : 0;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThanOrEqual(2);
    await options.close();
  });

  it("the lead's console shows the month's reports (tables, charts) and the team's plan", async () => {
    const leadSession = await launch(E2E_EXTENSION);
    try {
      const options = await loginOnOptionsPage(leadSession, server, 'lead', passwords.lead);
      await options.close();
      const page = await leadSession.context.newPage();
      await page.goto(`chrome-extension://${leadSession.extensionId}/console.html`);
      // A lead lands on the reports; the stand-up's default is yesterday, the sale is this month's.
      await page.locator('[data-testid="console-reports"]').waitFor({ timeout: 15_000 });
      await page.locator('[data-testid="report-period-month"]').click();
      await page.locator(`[data-testid="operator-group"][data-user="${operator.id}"]`).waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-testid="mix-row"]').count()).toBeGreaterThan(0);
      // The charts are drawn on canvases by the chart library.
      expect(await page.locator('[data-testid="console-reports"] canvas').count()).toBeGreaterThan(0);
      // The plan section opens on the team's published plan: its formula and the operator's share.
      await page.locator('[data-testid="nav-plan"]').click();
      await page.locator('[data-testid="plan-editor"]').waitFor({ timeout: 15_000 });
      await page.locator(`[data-testid="plan-operator"][data-user="${operator.id}"]`).waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-testid="plan-formula-line"]').isVisible()).toBe(true);
    } finally {
      await leadSession.close();
    }
  });
});
