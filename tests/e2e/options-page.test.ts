// The options page against the real background: the selector test runs the site adapter on an
// open demo tab, and a classifier edit reaches the open panel.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { panel, useDemoBrowser, waitForPanel } from '../support/browser';

const env = useDemoBrowser();
let crm: Page;
let options: Page;

beforeAll(async () => {
  crm = env.page;
  await crm.goto(`${env.server.url}/`);
  await waitForPanel(crm);
  options = await env.session.context.newPage();
  await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
});

describe('options page', () => {
  it('tests the site adapter selectors on the open CRM tab', async () => {
    const site = options
      .locator('.site-test')
      .filter({ has: options.locator('option') })
      .first();
    await site.getByRole('button', { name: 'Проверить', exact: true }).click();
    const table = options.locator('.site-test table');
    await table.waitFor({ timeout: 10_000 });
    const text = await table.textContent();
    expect(text).toContain('Д-104392');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('-150,00 ₽');
  });

  it('a renamed call type shows in the open panel', async () => {
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Типы звонков' }) });
    const input = section.getByLabel(/^Тип 8: /).first();
    await expect(input.inputValue()).resolves.toBe('Другое');
    await input.fill('Прочее');
    await section.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect
      .poll(() => panel(crm).locator('[data-testid="tag-other"]').textContent(), { timeout: 5000 })
      .toContain('Прочее');
  });
});
