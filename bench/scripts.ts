// Issue 4's figures, in a real Chromium with the e2e build against the demo server, with 500
// script modules published: tag keystroke -> the matching module on screen (module_switch_ms_p95),
// search keystroke -> results on screen (search_ms_p95), both measured by the panel's own probe
// (lib/panel/test-probe.ts: from the key event's timestamp to the DOM commit), and publish in the
// console's API -> the new text visible in an open, idle panel (publish_to_panel_ms_p95), measured
// from here: request sent -> text found in the panel's (test-build, open) shadow root.
import type { Page } from 'playwright-core';
import { DEFAULT_CLASSIFIER } from '../lib/classifier/defaults';
import type { ScriptSet } from '../lib/schema/content';
import type { RunningServer } from '../server/start';
import {
  answerDemoCall,
  demoLogin,
  E2E_EXTENSION,
  launch,
  loginOnOptionsPage,
  waitForPanel,
} from '../tests/support/browser';
import { largeScriptSet } from './script-modules';

export const SCRIPT_MODULES = 500;
const PUBLISH_RUNS = 12;
const SWITCH_RUNS = 40;
const SEARCH_QUERIES = ['модуль 4', 'роутер', 'тема37', 'скорость ночной', 'приставка акция', 'перерасчёт'];

async function publishScripts(server: RunningServer, token: string, body: ScriptSet, note: string): Promise<void> {
  const answer = await fetch(`${server.url}/api/v1/documents/scripts/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ teamId: null, body, note }),
  });
  if (answer.status !== 201) throw new Error(`publishing scripts failed: ${answer.status} ${await answer.text()}`);
}

/** Whether the panel's shadow root shows `text` (the e2e build's shadow root is open). */
function panelShows(page: Page, text: string, timeout = 15_000): Promise<unknown> {
  return page.waitForFunction(
    (wanted) => document.querySelector('operator-panel')?.shadowRoot?.textContent?.includes(wanted) ?? false,
    text,
    { timeout, polling: 'raf' },
  );
}

function latencies(page: Page, attribute: string): Promise<number[]> {
  return page
    .locator('operator-panel')
    .getAttribute(attribute)
    .then((list) => (list ?? '').split(',').filter(Boolean).map(Number));
}

async function waitForMore(page: Page, attribute: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([name, n]) => (document.querySelector('operator-panel')?.getAttribute(name)?.split(',').length ?? 0) > n,
    [attribute, count] as const,
    { timeout: 10_000 },
  );
}

export interface ScriptFigures {
  publish: number[];
  moduleSwitch: number[];
  search: number[];
}

export async function measureScripts(server: RunningServer, log: (message: string) => void): Promise<ScriptFigures> {
  const { token } = await demoLogin(server, 'admin');
  const set = largeScriptSet(SCRIPT_MODULES);
  await publishScripts(server, token, set, 'bench: 500 modules');
  const session = await launch(E2E_EXTENSION);
  try {
    const options = await loginOnOptionsPage(session, server, 'operator');
    await options.close();
    const page = await session.context.newPage();
    await page.goto(`${server.url}/`);
    await waitForPanel(page);
    // The idle panel suggests the generic opening module first: its title is what a publish changes.
    const greeting = set.modules.find((m) => m.stage === 'opening' && m.when.callTypes.length === 0);
    if (!greeting) throw new Error('the script set has no generic opening module');
    await panelShows(page, greeting.title);

    log(`scripts: ${PUBLISH_RUNS} publishes of ${SCRIPT_MODULES} modules -> visible in the idle panel`);
    const publish: number[] = [];
    for (let i = 0; i < PUBLISH_RUNS; i++) {
      const title = `${greeting.title} (${i + 1})`;
      const body = { modules: set.modules.map((m) => (m.id === greeting.id ? { ...m, title } : m)) };
      const started = performance.now();
      await publishScripts(server, token, body, `bench ${i + 1}`);
      await panelShows(page, title);
      publish.push(performance.now() - started);
    }

    log(`scripts: ${SWITCH_RUNS} tag keystrokes -> matching module shown`);
    await answerDemoCall(page);
    await page.locator('operator-panel [data-testid="call-card"].call--active').waitFor({ timeout: 15_000 });
    const keys = DEFAULT_CLASSIFIER.types.flatMap((t) => (t.key ? [t.key] : []));
    for (let i = 0; i < SWITCH_RUNS; i++) {
      const before = (await latencies(page, 'data-module-latencies')).length;
      // Each press changes the call type (never the same key twice in a row), so a module switches.
      await page.keyboard.press(`Alt+Shift+${keys[i % keys.length]}`);
      await waitForMore(page, 'data-module-latencies', before);
    }

    log(`scripts: search over ${SCRIPT_MODULES} modules, ${SEARCH_QUERIES.length} queries typed key by key`);
    for (const query of SEARCH_QUERIES) {
      await page.keyboard.press('Alt+Shift+KeyF');
      await page.locator('operator-panel [data-testid="module-search"]').waitFor({ timeout: 10_000 });
      for (const key of query) {
        const before = (await latencies(page, 'data-search-latencies')).length;
        await page.keyboard.type(key);
        await waitForMore(page, 'data-search-latencies', before);
      }
      await page.keyboard.press('Escape');
    }
    return {
      publish,
      moduleSwitch: await latencies(page, 'data-module-latencies'),
      search: await latencies(page, 'data-search-latencies'),
    };
  } finally {
    await session.close();
  }
}
