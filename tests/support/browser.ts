// Real-browser harness shared by the e2e tests and the benchmark: finds the system Chromium,
// launches it with a built extension loaded, serves the demo pages, and reaches the extension's
// service worker. It never downloads a browser and never skips: without Chromium it fails with
// how to install one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../server/start';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_EXTENSION = join(ROOT, '.output/chrome-mv3-e2e');
export const PROD_EXTENSION = join(ROOT, '.output/chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    "No Chromium found for the real-browser tests. Install Debian's package with " +
      '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Launch Chromium with `extensionDir` loaded (or none: the benchmark's floor runs). */
export async function launch(extensionDir: string | null): Promise<Session> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'op-panel-profile-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
    viewport: { width: 1400, height: 900 },
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  if (!extensionDir) return { context, extensionId: '', worker: null as unknown as Worker, close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close };
}

/** The demo pages and the sync API on one origin, on a fresh in-memory database with the demo seed. */
export async function demoServer(options: { dataDir?: string; port?: number } = {}): Promise<RunningServer> {
  return startServer({ port: options.port ?? 0, host: '127.0.0.1', demo: true, dataDir: options.dataDir });
}

export type DemoLogin = 'operator' | 'operator2' | 'operator3' | 'operator4' | 'lead' | 'trainer' | 'admin';

/** One API request to the demo server, as a client of it would make it; any JSON answer. */
export async function callApi(
  server: RunningServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

/** A demo user logged in over the API: the token and who the server says they are. */
export async function demoLogin(
  server: RunningServer,
  login: DemoLogin,
  password = demoPassword(server, login),
): Promise<{ token: string; user: { id: string; name: string; teams: { id: string }[] } }> {
  const answer = await callApi(server, 'POST', '/auth/login', null, { login, password });
  if (answer.status !== 200) throw new Error(`login as ${login}: HTTP ${answer.status}`);
  return answer.body;
}

/** A seeded demo user's password (the seed makes random ones and returns them once). */
export function demoPassword(server: RunningServer, login: DemoLogin): string {
  const user = server.seeded?.users.find((candidate) => candidate.login === login);
  if (!user) throw new Error(`the demo server was not seeded with a user ${login}`);
  return user.password;
}

/** Log the extension in on its options page, the way an operator does. */
export async function loginOnOptionsPage(
  session: Session,
  server: RunningServer,
  login: DemoLogin,
  // A restarted demo server does not seed again: its caller kept the first start's passwords.
  password = demoPassword(server, login),
): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const section = options.locator('[data-testid="server-section"]');
  await section.locator('[data-testid="login-form"]').waitFor({ timeout: 10_000 });
  await section.locator('[data-testid="server-address"]').fill(server.url);
  await section.locator('[data-testid="server-login"]').fill(login);
  await section.locator('[data-testid="server-password"]').fill(password);
  await section.locator('[data-testid="server-login-button"]').click();
  await options.locator('[data-testid="server-section"][data-logged-in="true"]').waitFor({ timeout: 10_000 });
  return options;
}

/** The current service worker of the extension (after a restart it is a new one). */
export async function currentWorker(session: Session): Promise<Worker> {
  const workers = session.context.serviceWorkers().filter((w) => w.url().includes(session.extensionId));
  return workers.at(-1) ?? session.context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/**
 * Stop the extension's service worker the way Chromium does when it goes idle, through the
 * DevTools protocol on one of the extension's own pages; the next message or port starts it again.
 */
export async function stopServiceWorker(session: Session): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

export interface StoredCall {
  id: string;
  startedAt: number;
  endedAt: number | null;
  callerNumber: string | null;
  subscriber: Record<string, string>;
  tags: { typeId: string }[];
}

/** Read a store of the background's IndexedDB directly, from inside the extension's origin. */
export async function readStore<T>(
  session: Session,
  store: 'calls' | 'outbox' | 'sent' | 'documents' | 'contentVersions',
): Promise<T[]> {
  const worker = await currentWorker(session);
  return worker.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('operator-panel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readonly');
          const all = tx.objectStore(name).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  ) as Promise<T[]>;
}

/** The panel's root inside the (test-build, open) shadow root. */
export function panel(page: Page) {
  return page.locator('operator-panel [data-testid="panel"]');
}

export async function waitForPanel(page: Page): Promise<void> {
  await page.locator('operator-panel [data-testid="panel"][data-ready="true"]').waitFor({ timeout: 15_000 });
}

export async function answerDemoCall(page: Page): Promise<void> {
  await page.click('#sp-incoming');
  await page.click('#sp-answer');
  await page.locator('#softphone[data-state="in-call"]').waitFor({ timeout: 15_000 });
}

export interface DemoBrowser {
  session: Session;
  server: RunningServer;
  page: Page;
}

/**
 * The usual e2e setup for a test file: the demo server, Chromium with the test build loaded and
 * one open tab, all closed after the file. Read the fields inside tests (set in beforeAll).
 */
export function useDemoBrowser(): DemoBrowser {
  const env = {} as DemoBrowser;
  beforeAll(async () => {
    env.server = await demoServer();
    env.session = await launch(E2E_EXTENSION);
    env.page = await env.session.context.newPage();
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.close();
  });
  return env;
}
