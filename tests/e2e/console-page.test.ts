// The console end to end (R10): a lead logs in on the options page, renames a call type in the
// console, publishes it with a note, and the open demo panel shows the new name.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, panel, useDemoBrowser, waitForPanel } from '../support/browser';

const env = useDemoBrowser();

let crm: Page;
let options: Page;
let consolePage: Page;

describe('console page', () => {
  beforeAll(async () => {
    crm = env.page;
    await crm.goto(`${env.server.url}/`);
    await waitForPanel(crm);
    options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
  });

  it('logs in as a lead on the options page', async () => {
    const section = options.locator('[data-testid="server-section"]');
    await section.locator('[data-testid="login-form"]').waitFor({ timeout: 10_000 });
    // The demo server is also the sync server; its origin (127.0.0.1) needs no permission prompt.
    await section.locator('[data-testid="server-address"]').fill(env.server.url);
    await section.locator('[data-testid="server-login"]').fill('lead');
    await section.locator('[data-testid="server-password"]').fill(demoPassword(env.server, 'lead'));
    await section.locator('[data-testid="server-login-button"]').click();
    await options.locator('[data-testid="server-section"][data-logged-in="true"]').waitFor({ timeout: 10_000 });
    await expect(section.locator('[data-testid="server-user-role"]').getAttribute('data-role')).resolves.toBe('lead');
    // Logged in: the local classifier editor gives way to the server's list.
    await options.locator('[data-testid="classifier-managed"]').waitFor({ timeout: 10_000 });
    const href = await section.locator('[data-testid="open-console"]').getAttribute('href');
    expect(href).toBe(`chrome-extension://${env.session.extensionId}/console.html`);
    await expect
      .poll(() => panel(crm).locator('[data-testid="sync-badge"]').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('synced');
  });

  it('publishes a renamed call type that the open panel shows', async () => {
    consolePage = await env.session.context.newPage();
    await consolePage.goto(`chrome-extension://${env.session.extensionId}/console.html#classifier`);
    // The page starts in `loading` until the background answers who is logged in.
    await expect
      .poll(() => consolePage.locator('[data-testid="console"]').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('lead');
    const editor = consolePage.locator('[data-testid="console-editor"]');
    await editor.waitFor({ timeout: 10_000 });
    const name = editor.getByLabel('Тип 8: Название (RU)', { exact: true });
    await expect(name.inputValue()).resolves.toBe('Другое');
    await name.fill('Прочее (из консоли)');
    await editor.locator('[data-testid="console-note"]').fill('Переименован тип «Другое»');
    await editor.locator('[data-testid="console-publish"]').click();
    const notice = consolePage.locator('[data-testid="console-classifier"] > [data-testid="console-notice"]');
    await expect.poll(() => notice.getAttribute('data-kind'), { timeout: 10_000 }).toBe('ok');
    await consolePage.locator('[data-testid="console-history"] [data-testid="console-version"]').first().waitFor();

    await expect
      .poll(() => panel(crm).locator('[data-testid="tag-other"]').textContent(), { timeout: 5000 })
      .toContain('Прочее (из консоли)');
  });

  it('restores an earlier version from the history', async () => {
    const history = consolePage.locator('[data-testid="console-history"]');
    const rows = history.locator('[data-testid="console-version"]');
    const renamed = Number(await rows.first().getAttribute('data-version'));
    const editor = consolePage.locator('[data-testid="console-editor"]');
    await editor.getByLabel('Тип 8: Название (RU)', { exact: true }).fill('Прочее, вторая версия');
    await editor.locator('[data-testid="console-note"]').fill('Ещё одно название');
    await editor.locator('[data-testid="console-publish"]').click();
    await expect.poll(() => rows.first().getAttribute('data-version'), { timeout: 10_000 }).toBe(String(renamed + 1));

    const restore = history.locator(`[data-testid="console-restore-${renamed}"]`);
    await restore.getByRole('button', { name: 'Вернуть эту версию' }).click();
    await restore.getByRole('button', { name: 'Да', exact: true }).click();
    await expect.poll(() => rows.first().getAttribute('data-version'), { timeout: 10_000 }).toBe(String(renamed + 2));
    await expect(rows.first().textContent()).resolves.toContain(`Откат к версии ${renamed}`);
    await expect
      .poll(() => panel(crm).locator('[data-testid="tag-other"]').textContent(), { timeout: 5000 })
      .toContain('Прочее (из консоли)');
  });
});
