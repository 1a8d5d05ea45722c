// The foundation in a real Chromium: the built extension on the demo page. Panel appears, a real
// WebRTC call is detected, a hotkey tags it, and a tab reload plus a worker restart lose nothing.
import { describe, expect, it } from 'vitest';
import {
  answerDemoCall,
  panel,
  readStore,
  type StoredCall,
  stopServiceWorker,
  useDemoBrowser,
  waitForPanel,
} from '../support/browser';

const env = useDemoBrowser();

describe('panel on the demo CRM page', () => {
  it('appears docked at the right with the eight call types in Russian', async () => {
    await env.page.goto(`${env.server.url}/`);
    await waitForPanel(env.page);
    const box = await panel(env.page).boundingBox();
    const viewport = await env.page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: innerHeight,
    }));
    expect(box).not.toBeNull();
    expect(Math.round(box!.x + box!.width)).toBe(viewport.width);
    expect(box!.height).toBeGreaterThan(viewport.height - 2);
    await expect(panel(env.page).locator('[data-testid^="tag-"]').count()).resolves.toBe(8);
    await expect(panel(env.page).locator('[data-testid="tag-billing"]').textContent()).resolves.toContain(
      'Перерасчет, платеж, баланс',
    );
    // Push mode narrows the page so the CRM's own controls stay visible.
    const margin = await env.page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    expect(margin).toBe(`${Math.round(box!.width)}px`);
  });

  it('detects the WebRTC call and reads the subscriber card', async () => {
    await answerDemoCall(env.page);
    const status = panel(env.page).locator('[data-testid="call-status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Идёт звонок');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="subscriber-name"]').textContent(), { timeout: 10_000 })
      .toBe('Иванова Мария Петровна');
    await expect(panel(env.page).locator('[data-testid="caller-number"]').textContent()).resolves.toBe(
      '+7 912 345-67-89',
    );
    const calls = await readStore<StoredCall>(env.session, 'calls');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ endedAt: null, callerNumber: '+7 912 345-67-89' });
  });

  it('tags the call with one keystroke wherever focus is, and stores it in the background', async () => {
    await env.page.click('#subscriber-list button >> nth=0');
    await env.page.keyboard.press('Alt+Shift+Digit1');
    const billing = panel(env.page).locator('[data-testid="tag-billing"]');
    await expect.poll(() => billing.getAttribute('data-state'), { timeout: 5000 }).toBe('saved');
    await env.page.keyboard.press('Alt+Shift+Digit4');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-tech_support"]').getAttribute('data-state'))
      .toBe('saved');
    // Undo the last one within its window.
    await env.page.keyboard.press('Alt+Shift+Backspace');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-tech_support"]').getAttribute('data-state'))
      .toBe('none');
    const [call] = await readStore<StoredCall>(env.session, 'calls');
    expect(call!.tags.map((t) => t.typeId)).toEqual(['billing']);
    const events = await readStore<{ type: string; seq: number }>(env.session, 'outbox');
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['call.started', 'call.tagged', 'call.untagged']));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('keeps the call and its tag across a worker restart and a tab reload', async () => {
    const before = await readStore<StoredCall>(env.session, 'calls');
    // Mark the running worker: a restarted worker is a fresh global scope without the mark.
    await env.session.worker.evaluate(() => Object.assign(globalThis, { __beforeRestart: true }));
    await stopServiceWorker(env.session);
    // The panel reconnects (which starts the worker again) and still shows the live call.
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-billing"]').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('saved');
    await expect
      .poll(() => env.session.worker.evaluate(() => '__beforeRestart' in globalThis), { timeout: 10_000 })
      .toBe(false);
    await env.page.keyboard.press('Alt+Shift+Digit6');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-tariff_change"]').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('saved');

    await env.page.reload();
    await waitForPanel(env.page);
    const after = await readStore<StoredCall>(env.session, 'calls');
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0]!.tags.map((t) => t.typeId)).toEqual(['billing', 'tariff_change']);
    // The reload dropped the page's WebRTC connection, so the call ended and is in wrap-up.
    expect(after[0]!.endedAt).not.toBeNull();
    const recent = panel(env.page).locator('[data-testid="recent-call"]');
    await expect.poll(() => recent.count()).toBe(1);
    await expect(recent.first().textContent()).resolves.toContain('Перерасчет, платеж, баланс');
  });

  it('ends the call when the softphone hangs up, then tags it during wrap-up', async () => {
    await answerDemoCall(env.page);
    const status = panel(env.page).locator('[data-testid="call-status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Идёт звонок');
    await env.page.click('#sp-hangup');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Звонок завершён/);
    await env.page.keyboard.press('Alt+Shift+Digit3');
    await expect
      .poll(() => panel(env.page).locator('[data-testid="tag-connection"]').getAttribute('data-state'))
      .toBe('saved');
    const calls = await readStore<StoredCall>(env.session, 'calls');
    expect(calls).toHaveLength(2);
    expect(calls.find((c) => c.tags.some((t) => t.typeId === 'connection'))?.endedAt).not.toBeNull();
  });

  it('remembers the width and collapsed state per site', async () => {
    const handle = panel(env.page).locator('[data-testid="resize"]');
    const box = (await handle.boundingBox())!;
    await env.page.mouse.move(box.x + 2, box.y + 200);
    await env.page.mouse.down();
    await env.page.mouse.move(box.x + 2 - 100, box.y + 200, { steps: 5 });
    await env.page.mouse.up();
    await expect.poll(async () => Math.round((await panel(env.page).boundingBox())!.width)).toBe(440);
    await panel(env.page).locator('[data-testid="collapse"]').click();
    await env.page.locator('operator-panel [data-testid="expand"]').waitFor();
    await env.page.reload();
    await env.page.locator('operator-panel [data-testid="expand"]').waitFor({ timeout: 15_000 });
    await env.page.locator('operator-panel [data-testid="expand"]').click();
    await waitForPanel(env.page);
    expect(Math.round((await panel(env.page).boundingBox())!.width)).toBe(440);
  });
});
