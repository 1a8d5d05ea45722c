// Sync end to end, in a real Chromium against the real server: an operator logs in, tags calls
// while the server is down (R06: the panel shows them waiting), the server comes back and holds
// every event exactly once. Before that, a lead publishes a classifier change and the open panel
// shows it within 2 s (R10, the live WebSocket poke followed by a pull). (During a call and its
// wrap-up the panel keeps the classifier the call started with, R11.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../lib/classifier/defaults';
import type { RunningServer } from '../../server/start';
import {
  answerDemoCall,
  type DemoLogin,
  demoPassword,
  demoServer,
  E2E_EXTENSION,
  launch,
  loginOnOptionsPage,
  panel,
  readStore,
  type Session,
  waitForPanel,
} from '../support/browser';

let dataDir: string;
let server: RunningServer;
let session: Session;
let crm: Page;
let options: Page;
let passwords: Record<DemoLogin, string>;

const badge = () => panel(crm).locator('[data-testid="sync-badge"]');

beforeAll(async () => {
  // A data folder (not memory), so the server can be stopped and started again on the same data.
  dataDir = mkdtempSync(join(tmpdir(), 'op-sync-e2e-'));
  server = await demoServer({ dataDir });
  passwords = Object.fromEntries(
    (['operator', 'operator2', 'lead', 'trainer', 'admin'] as const).map((login) => [
      login,
      demoPassword(server, login),
    ]),
  ) as Record<DemoLogin, string>;
  session = await launch(E2E_EXTENSION);
  crm = await session.context.newPage();
  await crm.goto(`${server.url}/`);
  await waitForPanel(crm);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sync with the server', () => {
  it('logs the operator in on the options page; the panel says synced', async () => {
    options = await loginOnOptionsPage(session, server, 'operator');
    await expect.poll(() => badge().getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');
  });

  it('R10: a lead publishes a classifier change; the idle panel shows it within 2 s', async () => {
    await expect.poll(() => options.locator('[data-testid="sync-live"]').textContent(), { timeout: 30_000 }).toBe('Да');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'lead', password: passwords.lead }),
    });
    const { token, user } = (await login.json()) as { token: string; user: { teams: { id: string }[] } };
    const body = structuredClone(DEFAULT_CLASSIFIER);
    body.types[1]!.names.ru = 'Тип два (новое имя)';
    await crm.bringToFront();
    const published = await fetch(`${server.url}/api/v1/documents/classifier/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ teamId: user.teams[0]!.id, body, note: 'Новое имя типа' }),
    });
    expect(published.status).toBe(201);
    const typeId = DEFAULT_CLASSIFIER.types[1]!.id;
    await expect
      .poll(() => panel(crm).locator(`[data-testid="tag-${typeId}"]`).textContent(), { timeout: 2000, interval: 50 })
      .toContain('Тип два (новое имя)');
  });

  it('R06: tags calls while the server is down; the panel shows them waiting', async () => {
    const port = new URL(server.url).port;
    await server.close();
    await crm.bringToFront();
    await answerDemoCall(crm);
    await panel(crm).locator('[data-testid="call-card"].call--active').waitFor({ timeout: 10_000 });
    await crm.keyboard.press('Alt+Shift+Digit1');
    await crm.keyboard.press('Alt+Shift+Digit3');
    await panel(crm)
      .locator(`[data-testid="tag-${DEFAULT_CLASSIFIER.types[2]!.id}"][data-state="saved"]`)
      .waitFor({ timeout: 10_000 });
    try {
      await crm.click('#sp-hangup');
      await expect.poll(() => badge().getAttribute('data-state'), { timeout: 15_000 }).toMatch(/offline|waiting/);
      // The badge follows the outbox (start, two tags, end: at least four events), counted as stored.
      await expect
        .poll(
          async () => {
            const shown = Number(await badge().getAttribute('data-waiting'));
            return shown >= 4 && shown === (await readStore(session, 'outbox')).length;
          },
          { timeout: 15_000 },
        )
        .toBe(true);
    } finally {
      // The server comes back on the same address with the same data.
      server = await demoServer({ dataDir, port: Number(port) });
    }
  });

  it('R01/R06: after reconnecting the server holds every event exactly once; the outbox is empty', async () => {
    await options.bringToFront();
    await options.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => badge().getAttribute('data-state'), { timeout: 20_000 }).toBe('synced');
    expect(await readStore(session, 'outbox')).toEqual([]);
    const sent = await readStore<{ id: string; deviceId: string }>(session, 'sent');
    const deviceId = sent[0]?.deviceId;
    const stored = await server.db.query<{ id: string }>('select id from events where device_id = $1 order by seq', [
      deviceId,
    ]);
    expect(stored.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
    const [call] = await server.db.query<{ tags: { typeId: string }[]; ended_at: number | null }>(
      'select tags, ended_at from calls where device_id = $1 order by started_at desc limit 1',
      [deviceId],
    );
    expect(call?.ended_at).not.toBeNull();
    expect(call?.tags.map((t) => t.typeId)).toEqual([DEFAULT_CLASSIFIER.types[0]!.id, DEFAULT_CLASSIFIER.types[2]!.id]);
  });
});
