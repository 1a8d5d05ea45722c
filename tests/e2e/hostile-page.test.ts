// R16 and R18 in a real Chromium: a page with hostile CSS and a full-width z-index overlay, that
// forges postMessage messages, synthetic hotkeys and bridge events, and tries to call into the
// extension. The panel still renders and works; nothing the page does reaches the background.
import { describe, expect, it } from 'vitest';
import {
  launch,
  PROD_EXTENSION,
  panel,
  readStore,
  type StoredCall,
  useDemoBrowser,
  waitForPanel,
} from '../support/browser';

const env = useDemoBrowser();

describe('hostile host page', () => {
  it('R18: the panel renders above the overlay with its own styles', async () => {
    await env.page.goto(`${env.server.url}/hostile.html`);
    await waitForPanel(env.page);
    const box = (await panel(env.page).boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(600);
    // The topmost element at the panel's centre is the panel's host, not the page's overlay.
    const hit = await env.page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.localName,
      [box.x + box.width / 2, box.y + 300],
    );
    expect(hit).toBe('operator-panel');
    // The page's `!important` fonts do not reach inside.
    const font = await panel(env.page)
      .locator('[data-testid="tag-billing"]')
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).not.toContain('Comic Sans');
  });

  it('R16: forged messages, keys and bridge events do nothing, and the page cannot reach the extension', async () => {
    // hostile.js attacks every 200 ms for 10 s; let it run for a while.
    await env.page.waitForTimeout(2500);
    const stats = await env.page.evaluate(
      () => (window as unknown as { hostileStats: Record<string, number> }).hostileStats,
    );
    expect(stats.posted).toBeGreaterThan(20);
    expect(stats.keys).toBeGreaterThan(100);
    expect(stats.customEvents).toBeGreaterThan(10);
    expect(await readStore<StoredCall>(env.session, 'calls')).toEqual([]);
    expect(await readStore(env.session, 'outbox')).toEqual([]);
    const reach = await env.page.evaluate(async (id) => {
      const chromeApi = (
        globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }
      ).chrome;
      if (!chromeApi?.runtime?.sendMessage) return 'no runtime';
      try {
        await chromeApi.runtime.sendMessage(id, { channel: 'op-panel', type: 'call.toggle', body: {} });
        return 'sent';
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, env.session.extensionId);
    expect(reach).not.toBe('sent');
    expect(await readStore(env.session, 'calls')).toEqual([]);
  });

  it('R18: real clicks and real hotkeys still work on that page', async () => {
    await panel(env.page).locator('[data-testid="call-toggle"]').click();
    await expect.poll(() => panel(env.page).locator('[data-testid="call-status"]').textContent()).toBe('Идёт звонок');
    await panel(env.page).locator('[data-testid="tag-other"]').click();
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-other"]').getAttribute('data-state'))
      .toBe('saved');
    await env.page.keyboard.press('Alt+Shift+Digit2');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-termination"]').getAttribute('data-state'))
      .toBe('saved');
    const [call] = await readStore<StoredCall>(env.session, 'calls');
    expect(call!.tags.map((t) => t.typeId)).toEqual(['other', 'termination']);
  });
});

describe('production build', () => {
  it('mounts the panel in a closed shadow root the page cannot open', async () => {
    const prod = await launch(PROD_EXTENSION);
    try {
      const prodPage = await prod.context.newPage();
      await prodPage.goto(`${env.server.url}/`);
      const host = prodPage.locator('operator-panel');
      await host.waitFor({ state: 'attached', timeout: 15_000 });
      const view = await host.evaluate((el) => ({
        shadowRoot: el.shadowRoot,
        width: el.getBoundingClientRect().width,
      }));
      expect(view.shadowRoot).toBeNull();
      expect(view.width).toBeGreaterThan(0);
    } finally {
      await prod.close();
    }
  });
});
