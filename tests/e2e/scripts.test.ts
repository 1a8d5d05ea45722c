// Script modules, the call checklist and authored text end to end, in a real Chromium against the
// real server (issue 4): the module a balance call suggests is filled from the demo page and the
// tariff catalogue and its outcome is recorded with the server's scripts version; a checklist
// published mid-call waits for the next call while the lead scores the first one on the version
// it was made with (R11); hostile authored text stays text in the real panel (R17).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, DEFAULT_OBJECTIONS, DEFAULT_SCRIPTS, DEFAULT_TARIFFS } from '../../lib/content/defaults';
import type { ContentVersion, DocumentKind } from '../../lib/schema/api';
import type { CallRecord } from '../../lib/schema/call';
import type { Checklist, ObjectionSet, ScriptModule, ScriptSet } from '../../lib/schema/content';
import type { RunningServer } from '../../server/start';
import {
  answerDemoCall,
  callApi,
  type DemoLogin,
  demoLogin,
  demoServer,
  E2E_EXTENSION,
  launch,
  loginOnOptionsPage,
  panel,
  readStore,
  type Session,
  waitForPanel,
} from '../support/browser';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

let server: RunningServer;
let session: Session;
let crm: Page;
/** A second browser, logged in as the lead, for the console (made by the checklist test). */
let leadSession: Session | null = null;

beforeAll(async () => {
  server = await demoServer();
  session = await launch(E2E_EXTENSION);
  crm = await session.context.newPage();
  await crm.goto(`${server.url}/`);
  await waitForPanel(crm);
  const options = await loginOnOptionsPage(session, server, 'operator');
  await options.close();
  await crm.bringToFront();
  await waitUntil('the panel says synced', 15_000, async () => {
    return (await panel(crm).locator('[data-testid="sync-badge"]').getAttribute('data-state')) === 'synced';
  });
  // Calls record the server's versions only once the published content has been pulled.
  for (const kind of ['scripts', 'objections', 'checklist', 'tariffs'] as const) await pulledVersion(kind);
});

afterAll(async () => {
  await leadSession?.close();
  await session?.close();
  await server?.close();
});

// ---- Helpers ----

const api = (method: string, path: string, token: string | null, body?: unknown) =>
  callApi(server, method, path, token, body);

async function tokenOf(login: DemoLogin): Promise<string> {
  return (await demoLogin(server, login)).token;
}

async function publish(login: DemoLogin, kind: DocumentKind, body: unknown, note: string): Promise<ContentVersion> {
  const answer = await api('POST', `/documents/${kind}/publish`, await tokenOf(login), { teamId: null, body, note });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as ContentVersion;
}

/** Polls `probe` until it holds (also outside a test, where `expect.poll` is not available). */
async function waitUntil(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The version of `kind` the extension holds as current; with `versionId`, waits until it is that one. */
async function pulledVersion(kind: DocumentKind, versionId?: string): Promise<string> {
  let found = '';
  await waitUntil(`the extension pulled ${kind} ${versionId ?? ''}`, 15_000, async () => {
    const documents = await readStore<ContentVersion>(session, 'documents');
    found = documents.find((doc) => doc.kind === kind && doc.teamId === null)?.versionId ?? '';
    return versionId === undefined ? ULID.test(found) : found === versionId;
  });
  return found;
}

async function storedCall(id: string): Promise<CallRecord | undefined> {
  return (await readStore<CallRecord>(session, 'calls')).find((call) => call.id === id);
}

/** The call in progress, as the background stored it. */
async function activeCall(): Promise<CallRecord> {
  let active: CallRecord | undefined;
  await expect
    .poll(
      async () => {
        active = (await readStore<CallRecord>(session, 'calls')).find((call) => call.endedAt === null);
        return active !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return active!;
}

/** Answers a demo call and waits until the panel shows it with the subscriber the page shows. */
async function startCall(page: Page = crm): Promise<CallRecord> {
  await answerDemoCall(page);
  await panel(page).locator('[data-testid="call-card"].call--active').waitFor({ timeout: 10_000 });
  await expect
    .poll(() => panel(page).locator('[data-testid="subscriber-name"]').textContent(), { timeout: 10_000 })
    .toBe('Иванова Мария Петровна');
  return activeCall();
}

/** Hangs the demo call up and waits until the background stored its end. */
async function endCall(id: string): Promise<void> {
  await crm.click('#sp-hangup');
  await expect.poll(async () => (await storedCall(id))?.endedAt ?? null, { timeout: 10_000 }).not.toBeNull();
}

/** Ends whatever call a test left running, so the next one starts from a new call. */
async function endAnyCall(): Promise<void> {
  const running = (await readStore<CallRecord>(session, 'calls')).find((call) => call.endedAt === null);
  if (running) await endCall(running.id);
}

const checklistItem = (page: Page, itemId: string) =>
  panel(page).locator(`[data-testid="checklist-panel"] [data-item-id="${itemId}"]`);

async function openChecklist(page: Page): Promise<void> {
  await page.bringToFront();
  await page.keyboard.press('Alt+Shift+KeyL');
  await panel(page).locator('[data-testid="checklist-panel"]').waitFor({ timeout: 5000 });
}

/** Marks an item in the panel and waits until the background stored the mark on the call. */
async function markInPanel(callId: string, itemId: string): Promise<void> {
  const yes = checklistItem(crm, itemId).locator('[data-set="yes"]');
  await yes.click();
  await expect.poll(() => yes.getAttribute('aria-pressed')).toBe('true');
  await expect
    .poll(async () => (await storedCall(callId))?.script?.checklist[itemId] ?? null, { timeout: 10_000 })
    .toBe('yes');
}

// ---- Tests ----

describe('script modules, checklist versions and authored text in the real panel', () => {
  it("the module shown for a balance call has the subscriber's name and the correct price delta", async () => {
    const scriptsVersion = await pulledVersion('scripts');
    const call = await startCall();
    expect(call.versions.scripts).toBe(scriptsVersion);

    // The balance/payment call type, by its hotkey (Alt+Shift+1).
    await crm.keyboard.press('Alt+Shift+Digit1');
    await expect
      .poll(() => panel(crm).locator('[data-testid="tag-billing"]').getAttribute('data-state'), { timeout: 5000 })
      .toBe('saved');

    // The upgrade for a balance call is suggested (a negative balance may put "help to pay" first).
    const scriptPanel = panel(crm).locator('[data-testid="script-panel"]');
    await scriptPanel.locator('[data-testid="module-card"]').first().waitFor({ timeout: 5000 });
    const card = scriptPanel.locator('[data-testid="module-card"][data-module-id="balance_upgrade"]');
    if ((await card.count()) === 0) {
      await scriptPanel.locator('[data-testid="suggestions"] button[data-module-id="balance_upgrade"]').click();
    }
    await card.waitFor({ timeout: 5000 });

    const home100 = DEFAULT_TARIFFS.tariffs.find((t) => t.name === 'Домашний 100')!;
    const home200 = DEFAULT_TARIFFS.tariffs.find((t) => t.id === home100.upgradeTo)!;
    const delta = String(home200.monthly - home100.monthly);
    expect(delta).toBe('100');
    const filled = await card.locator('.rt-var').allTextContents();
    expect(filled).toContain('Мария');
    expect(filled).toContain(delta);
    expect(filled).toContain(home200.name);
    // Every variable of this module is known here: none is left to ask for, none shows as braces.
    await expect(card.locator('[data-var]').count()).resolves.toBe(0);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('Мария');
    expect(cardText).toContain(`${delta} ₽`);
    const panelText = (await panel(crm).textContent()) ?? '';
    expect(panelText).not.toMatch(/[{}]/);

    // An offer outcome is recorded on the call with the module, under the server's scripts version.
    const accepted = card.locator('[data-outcome="accepted"]');
    await accepted.click();
    await expect.poll(() => accepted.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(
        async () => (await storedCall(call.id))?.script?.modules.find((m) => m.moduleId === 'balance_upgrade')?.outcome,
        { timeout: 10_000 },
      )
      .toBe('accepted');
    const stored = await storedCall(call.id);
    expect(stored?.versions.scripts).toMatch(ULID);
    expect(stored?.versions.scripts).toBe(scriptsVersion);
    expect(stored?.tags.map((t) => t.typeId)).toEqual(['billing']);

    await endCall(call.id);
  });

  it('a trainer publishes checklist v2 mid-call: the call finishes on v1, the next call shows v2, the lead scores the first call on v1', async () => {
    await endAnyCall();
    const v1 = await pulledVersion('checklist');
    const first = await startCall();
    expect(first.versions.checklist).toBe(v1);

    await openChecklist(crm);
    await checklistItem(crm, 'introduced').waitFor({ timeout: 5000 });
    await markInPanel(first.id, 'introduced');

    // The trainer publishes v2 with one more item while the call runs.
    const body: Checklist = structuredClone(DEFAULT_CHECKLIST);
    body.sections[0]!.items.push({
      id: 'v2_item',
      text: 'Пункт версии 2',
      hint: '',
      weight: 5,
      critical: false,
      naAllowed: false,
    });
    const v2 = await publish('trainer', 'checklist', body, 'Чек-лист, версия 2');
    expect(v2.versionId).not.toBe(v1);
    await pulledVersion('checklist', v2.versionId);

    // R11: the running call keeps v1. A mark made after the pull is checked against v1 and shown
    // from a state rendered after the pull; a panel opened now (a second tab) also gets v1.
    await markInPanel(first.id, 'verified');
    const second = await session.context.newPage();
    await second.goto(`${server.url}/`);
    await waitForPanel(second);
    await panel(second).locator('[data-testid="tab-checklist"]').click();
    await panel(second)
      .locator('[data-testid="checklist-panel"] [data-item-id="verified"] [data-set="yes"][aria-pressed="true"]')
      .waitFor({ timeout: 5000 });
    for (const page of [second, crm]) {
      await expect(checklistItem(page, 'v2_item').count()).resolves.toBe(0);
      expect(await panel(page).locator('[data-testid="checklist-panel"]').textContent()).not.toContain(
        'Пункт версии 2',
      );
    }
    await second.close();
    await crm.bringToFront();

    // The call ends on v1; the next call is on v2 and shows the new item.
    await endCall(first.id);
    const ended = await storedCall(first.id);
    expect(ended?.versions.checklist).toBe(v1);
    expect(ended?.script?.checklist).toEqual({ introduced: 'yes', verified: 'yes' });
    const next = await startCall();
    expect(next.id).not.toBe(first.id);
    expect(next.versions.checklist).toBe(v2.versionId);
    await openChecklist(crm);
    await checklistItem(crm, 'v2_item').waitFor({ timeout: 5000 });
    await expect(checklistItem(crm, 'v2_item').textContent()).resolves.toContain('Пункт версии 2');

    // The first call reaches the server, ended, on v1.
    const leadToken = await tokenOf('lead');
    await expect
      .poll(
        async () => {
          const answer = await api('GET', `/calls/${first.id}`, leadToken);
          return answer.status === 200 && answer.body.endedAt !== null ? answer.body.versions.checklist : null;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(v1);

    // The lead scores it in the console, on v1 (the extension in a second browser, logged in as the lead).
    leadSession = await launch(E2E_EXTENSION);
    const options = await loginOnOptionsPage(leadSession, server, 'lead');
    await options.close();
    const consolePage = await leadSession.context.newPage();
    await consolePage.goto(`chrome-extension://${leadSession.extensionId}/console.html`);
    await expect
      .poll(() => consolePage.locator('[data-testid="console"]').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('lead');
    await consolePage.locator('[data-testid="nav-calls"]').click();
    const row = consolePage.locator(`[data-testid="call-row"][data-call="${first.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.locator('[data-testid="call-open"]').click();
    const review = consolePage.locator(`[data-testid="call-review"][data-call="${first.id}"]`);
    const version = review.locator('[data-testid="review-checklist-version"]');
    await version.waitFor({ timeout: 10_000 });
    await expect(version.getAttribute('data-version-id')).resolves.toBe(v1);
    const form = review.locator('[data-testid="score-form"]');
    await form.locator('[data-item-id="introduced"]').waitFor({ timeout: 5000 });
    await expect(form.locator('[data-item-id="v2_item"]').count()).resolves.toBe(0);
    // The operator's self-check is shown beside the lead's marks.
    await expect(form.locator('[data-item-id="introduced"] [data-compare]').getAttribute('data-compare')).resolves.toBe(
      'yes',
    );
    for (const item of ['introduced', 'verified', 'no_false_promises']) {
      const yes = form.locator(`[data-item-id="${item}"] [data-set="yes"]`);
      await yes.click();
      await expect.poll(() => yes.getAttribute('aria-pressed')).toBe('true');
    }
    await form.locator('[data-testid="score-comment"]').fill('Оценка по версии звонка');
    await form.locator('[data-testid="score-save"]').click();
    await expect
      .poll(() => form.locator('[data-testid="console-notice"]').getAttribute('data-kind'), { timeout: 10_000 })
      .toBe('ok');
    // The list shows the call as scored.
    await review.locator('[data-testid="review-back"]').click();
    await expect.poll(() => row.getAttribute('data-scored'), { timeout: 10_000 }).toBe('true');

    const score = await api('GET', `/calls/${first.id}/score`, leadToken);
    expect(score.status).toBe(200);
    expect(score.body).toMatchObject({
      checklistVersionId: v1,
      marks: { introduced: 'yes', verified: 'yes', no_false_promises: 'yes' },
      comment: 'Оценка по версии звонка',
    });

    // A score against v2 (not the call's version) is refused.
    const refused = await api('POST', `/calls/${first.id}/score`, leadToken, {
      checklistVersionId: v2.versionId,
      marks: { introduced: 'yes' },
      comment: '',
    });
    expect(refused.status).toBe(409);
    const kept = await api('GET', `/calls/${first.id}/score`, leadToken);
    expect(kept.body.checklistVersionId).toBe(v1);
  });

  it('R17 in the real panel', async () => {
    const hostile = {
      img: '<img src=x onerror="window.__xss=1">',
      script: '<script>window.__xss=2</script>',
      link: '[x](javascript:window.__xss=3)',
    };
    const all = `${hostile.img} ${hostile.script} ${hostile.link}`;
    const trap: ScriptModule = {
      id: 'xss_trap',
      title: `Ловушка ${all}`,
      stage: 'offer',
      offer: 'upgrade',
      when: { callTypes: [], balance: 'any', needsUpgrade: false },
      text: [
        `Текст ${hostile.img}`,
        `- пункт ${hostile.script}`,
        `- **жирный ${hostile.link}**`,
        '<a href="javascript:window.__xss=4">ссылка</a> <b onmouseover="window.__xss=5">b</b>',
      ].join('\n'),
      branches: [
        { when: `Если ${hostile.img}`, goto: 'greeting' },
        { when: `Если ${hostile.script} ${hostile.link}`, goto: 'closing' },
      ],
      keywords: ['ловушка'],
    };
    const scripts: ScriptSet = { modules: [...DEFAULT_SCRIPTS.modules, trap] };
    const objections: ObjectionSet = {
      objections: [
        ...DEFAULT_OBJECTIONS.objections,
        {
          id: 'xss_trap',
          title: `Ловушка ${hostile.img}`,
          callTypes: [],
          answers: [
            { id: 'a1', text: `Ответ ${hostile.img}` },
            { id: 'a2', text: `Ответ ${hostile.script}\n- ${hostile.link}` },
          ],
        },
      ],
    };
    const scriptsVersion = await publish('admin', 'scripts', scripts, 'Проверка R17: модуль');
    const objectionsVersion = await publish('admin', 'objections', objections, 'Проверка R17: возражение');
    await pulledVersion('scripts', scriptsVersion.versionId);
    await pulledVersion('objections', objectionsVersion.versionId);

    // A call started after the pull uses the new versions.
    await endAnyCall();
    const call = await startCall();
    expect(call.versions.scripts).toBe(scriptsVersion.versionId);

    // Found by a word of its title and opened from the keyboard.
    await crm.keyboard.press('Alt+Shift+KeyF');
    const search = panel(crm).locator('[data-testid="module-search"] input');
    await search.waitFor({ timeout: 5000 });
    await expect
      .poll(() => search.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await crm.keyboard.type('ловушка');
    await panel(crm).locator('[data-testid="module-search"] [data-module-id="xss_trap"]').waitFor({ timeout: 5000 });
    await crm.keyboard.press('Enter');
    const card = panel(crm).locator('[data-testid="module-card"][data-module-id="xss_trap"]');
    await card.waitFor({ timeout: 5000 });
    const cardText = (await card.textContent()) ?? '';
    for (const text of Object.values(hostile)) expect(cardText).toContain(text);
    expect(cardText).toContain('<a href="javascript:window.__xss=4">ссылка</a>');
    await expect(card.locator('.card__title').textContent()).resolves.toBe(trap.title);
    const branches = await card.locator('[data-goto]').allTextContents();
    expect(branches.join(' ')).toContain(`Если ${hostile.img}`);
    expect(branches.join(' ')).toContain(`Если ${hostile.script} ${hostile.link}`);
    // The whitelisted formatting still works: bold and the list are elements, their text is text.
    await expect(card.locator('strong').first().textContent()).resolves.toBe(`жирный ${hostile.link}`);
    await expect(card.locator('li').count()).resolves.toBe(2);

    // The objection and its answers, by the objections hotkey.
    await crm.keyboard.press('Alt+Shift+KeyO');
    const objectionsPanel = panel(crm).locator('[data-testid="objections-panel"]');
    await objectionsPanel.locator('button[data-objection-id="xss_trap"]').click();
    const objection = objectionsPanel.locator('[data-testid="objection-card"][data-objection-id="xss_trap"]');
    await objection.waitFor({ timeout: 5000 });
    const objectionText = (await objection.textContent()) ?? '';
    for (const text of Object.values(hostile)) expect(objectionText).toContain(text);

    await expectNoMarkup(crm, objection);
  });
});

/** Nothing authored became markup: no script ran, no img/script/a element in the panel's shadow root. */
async function expectNoMarkup(page: Page, shown: Locator): Promise<void> {
  await expect(shown.isVisible()).resolves.toBe(true);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('operator-panel')?.shadowRoot ?? null;
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      root: root !== null,
      elements: root ? [...root.querySelectorAll('img, script, a')].map((el) => el.outerHTML) : [],
    };
  });
  expect(seen).toEqual({ xss: null, root: true, elements: [] });
}
