// Issue 5's panel figure, in a real Chromium with the e2e build against the demo server: an outcome
// pressed at wrap-up -> the plan view showing the new progress (plan_view_ms_p95), measured by the
// panel's own probe (lib/panel/test-probe.ts: from the click to the DOM commit of the new view).
// The round trip is the whole path: the port request, the call and its event written in one
// transaction, the background's plan view worked out again and sent down, the panel's render.
import type { Page } from 'playwright-core';
import { DEFAULT_PAY_RULE, emptyPlan } from '../lib/plan/defaults';
import type { PlanDocument } from '../lib/schema/plan';
import type { RunningServer } from '../server/start';
import {
  answerDemoCall,
  demoLogin,
  E2E_EXTENSION,
  launch,
  loginOnOptionsPage,
  waitForPanel,
} from '../tests/support/browser';

const PLAN_RUNS = 60;

/** The lead publishes a revenue plan for the operator's team, this month (the browser's calendar). */
async function publishPlan(server: RunningServer): Promise<void> {
  const operator = (await demoLogin(server, 'operator')).user;
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const targets = { revenue: 50_000, sales: 60, effectiveCalls: 900, connections: null, upgrades: null };
  const body: PlanDocument = {
    ...emptyPlan(month),
    targets,
    split: 'manual',
    operators: [{ userId: operator.id, name: operator.name, shifts: 20, ...targets }],
    pay: DEFAULT_PAY_RULE,
  };
  const { token } = await demoLogin(server, 'lead');
  const answer = await fetch(`${server.url}/api/v1/documents/plan/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ teamId: operator.teams[0]?.id ?? null, body, note: 'bench plan' }),
  });
  if (answer.status !== 201) throw new Error(`publishing the plan failed: ${answer.status} ${await answer.text()}`);
}

function planLatencies(page: Page): Promise<number[]> {
  return page
    .locator('operator-panel')
    .getAttribute('data-plan-latencies')
    .then((list) => (list ?? '').split(',').filter(Boolean).map(Number));
}

async function waitForMore(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => (document.querySelector('operator-panel')?.getAttribute('data-plan-latencies')?.split(',').length ?? 0) > n,
    count,
    { timeout: 10_000 },
  );
}

/** Alternately records an equipment sale and removes it: each press changes the plan view. */
export async function measurePlanView(server: RunningServer, log: (message: string) => void): Promise<number[]> {
  await publishPlan(server);
  const session = await launch(E2E_EXTENSION);
  try {
    const options = await loginOnOptionsPage(session, server, 'operator');
    await options.close();
    const page = await session.context.newPage();
    await page.goto(`${server.url}/`);
    await waitForPanel(page);
    const panel = page.locator('operator-panel');
    await panel.locator('[data-testid="plan"]').waitFor({ timeout: 20_000 });
    await answerDemoCall(page);
    await panel.locator('[data-testid="call-card"].call--active').waitFor({ timeout: 15_000 });
    log(`plan view: ${PLAN_RUNS} outcomes recorded and removed -> plan view updated`);
    for (let i = 0; i < PLAN_RUNS; i++) {
      const before = (await planLatencies(page)).length;
      if (i % 2 === 0) {
        await panel.locator('[data-testid="outcome-equipment"]').click();
        await panel.locator('[data-testid="outcome-items"] button').first().click();
      } else {
        await panel.locator('[data-testid="outcome-row"] button').first().click();
      }
      await waitForMore(page, before);
    }
    const latencies = await planLatencies(page);
    log(`plan view latencies, sorted (ms): ${[...latencies].sort((a, b) => a - b).join(' ')}`);
    return latencies;
  } finally {
    await session.close();
  }
}
