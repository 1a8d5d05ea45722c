// @vitest-environment happy-dom
// Reviewing a finished call in the console: the checklist is the call's own version (R11), fetched
// by the version id the call recorded, never the document's current version; the lead's marks
// are saved with that version id; the calibration puts the lead's score beside the operator's
// self-check and lists the items where they disagree.

import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallsSection } from '@/components/console/CallsSection';
import { calibrate, disagreements } from '@/lib/console/calibration';
import { callVersion } from '@/lib/console/review';
import { objectionMatrix, qualityByOperator } from '@/lib/console/stats';
import { scoreChecklist } from '@/lib/content/checklist-score';
import { consoleMessages } from '@/lib/i18n/console-messages';
import { createTranslator } from '@/lib/i18n/translate';
import { request } from '@/lib/messaging/client';
import type { CallScore, CallView, ContentVersion, DocumentSummary } from '@/lib/schema/api';
import type { Checklist, ChecklistMarks, ScriptSet } from '@/lib/schema/content';
import { answerRequests, click, flush, mount as mountView, unmount } from './console-harness';
import { fakeUlid, T0 } from './helpers';

vi.mock('@/lib/messaging/client', () => import('./console-harness').then((harness) => harness.fakeClientModule()));

const mockedRequest = vi.mocked(request);
const t = createTranslator(consoleMessages, 'ru');

const item = (id: string, text: string, extra: Partial<Checklist['sections'][number]['items'][number]> = {}) => ({
  id,
  text,
  hint: '',
  weight: 1,
  critical: false,
  naAllowed: false,
  ...extra,
});

/** The version the call was made with. */
const CHECKLIST_V1: Checklist = {
  title: 'Чек-лист v1',
  sections: [
    {
      id: 'start',
      title: 'Начало',
      items: [
        item('greet', 'Поздоровался (v1)', { weight: 2 }),
        item('name', 'Назвал абонента по имени (v1)', { critical: true }),
        item('offer', 'Предложил переход (v1)', { naAllowed: true }),
      ],
    },
  ],
};

/** Published later, while the call was already recorded: must not be used for it. */
const CHECKLIST_V2: Checklist = {
  title: 'Чек-лист v2',
  sections: [{ id: 'all', title: 'Всё', items: [item('new', 'Новый пункт из v2')] }],
};

const SCRIPTS_V1: ScriptSet = {
  modules: [
    {
      id: 'speed',
      title: 'Скорость вдвое за 100 ₽',
      stage: 'offer',
      offer: 'upgrade',
      when: { callTypes: [], balance: 'any', needsUpgrade: true },
      text: 'Текст',
      branches: [],
      keywords: [],
    },
  ],
};

const V1 = fakeUlid(101);
const V2 = fakeUlid(102);
const SCRIPTS = fakeUlid(103);
const CALL = fakeUlid(200);
const SELF: ChecklistMarks = { greet: 'yes', name: 'yes', offer: 'yes' };

function contentVersion(
  versionId: string,
  kind: ContentVersion['kind'],
  version: number,
  body: unknown,
): ContentVersion {
  return {
    documentId: fakeUlid(300),
    versionId,
    kind,
    teamId: null,
    version,
    cursor: version,
    body,
    note: '',
    publishedAt: T0,
    publishedBy: 'Тренер',
  };
}

function callView(overrides: Partial<CallView> = {}): CallView {
  return {
    id: CALL,
    userId: fakeUlid(400),
    userName: 'Оператор Ольга',
    teamId: null,
    deviceId: fakeUlid(401),
    startedAt: T0,
    endedAt: T0 + 185_000,
    durationMs: 185_000,
    direction: 'inbound',
    source: 'webrtc',
    callerNumber: null,
    subscriber: { name: 'Иванова Мария Петровна', tariff: 'Домашний 100', balance: '-150,00 ₽' },
    versions: { checklist: V1, scripts: SCRIPTS, classifier: 0 },
    tags: [{ id: fakeUlid(402), typeId: 'billing', at: T0 + 1000 }],
    script: {
      modules: [{ moduleId: 'speed', shownAt: T0 + 2000, openMs: 42_000, outcome: 'accepted' }],
      objections: [],
      checklist: SELF,
    },
    scored: false,
    updatedAt: T0 + 185_000,
    ...overrides,
  };
}

let call: CallView;
let scored: { callId: string; checklistVersionId: string; marks: ChecklistMarks; comment: string }[];

beforeEach(() => {
  call = callView();
  scored = [];
  answerRequests(mockedRequest, (type, body) => {
    switch (type) {
      case 'console.calls':
        return [call];
      case 'console.call':
        return { call, score: null };
      case 'console.documents': {
        // The checklist's current version is v2: a review must never take it.
        const current: DocumentSummary[] =
          body.kind === 'checklist'
            ? [
                {
                  documentId: fakeUlid(300),
                  kind: 'checklist',
                  teamId: null,
                  current: contentVersion(V2, 'checklist', 2, CHECKLIST_V2),
                },
              ]
            : [];
        return current;
      }
      case 'console.version':
        if (body.versionId === V1) return contentVersion(V1, 'checklist', 1, CHECKLIST_V1);
        if (body.versionId === V2) return contentVersion(V2, 'checklist', 2, CHECKLIST_V2);
        if (body.versionId === SCRIPTS) return contentVersion(SCRIPTS, 'scripts', 4, SCRIPTS_V1);
        throw new Error('unknown version');
      case 'console.score': {
        const marks = body.marks as ChecklistMarks;
        scored.push(body as (typeof scored)[number]);
        const score: CallScore = {
          callId: CALL,
          checklistVersionId: body.checklistVersionId as string,
          marks,
          result: scoreChecklist(CHECKLIST_V1, marks),
          selfMarks: SELF,
          selfResult: scoreChecklist(CHECKLIST_V1, SELF),
          comment: body.comment as string,
          scoredBy: 'Руководитель',
          scoredAt: T0 + 999_999,
        };
        return score;
      }
      default:
        throw new Error(`unexpected request ${type}`);
    }
  });
});

afterEach(unmount);

const mount = () => mountView(h(CallsSection, { t, locale: 'ru' }), 6);

async function openReview(el: HTMLElement) {
  const row = el.querySelector(`[data-testid="call-row"][data-call="${CALL}"]`);
  expect(row?.textContent).toContain('Оператор Ольга');
  expect(row?.textContent).toContain('03:05');
  click(row?.querySelector('[data-testid="call-open"]'));
  await flush(6);
  return el.querySelector('[data-testid="call-review"]');
}

const checklistRoot = (el: HTMLElement) => el.querySelector('[data-testid="score-checklist"]')?.shadowRoot ?? null;

describe('call review', () => {
  it('scores the call on the checklist version it used, not the current one', async () => {
    const el = await mount();
    const review = await openReview(el);
    expect(review).not.toBeNull();

    const versionLine = el.querySelector('[data-testid="review-checklist-version"]');
    expect(versionLine?.getAttribute('data-version-id')).toBe(V1);
    expect(versionLine?.textContent).toContain('Чек-лист v1');
    const shadow = checklistRoot(el);
    expect(shadow?.textContent).toContain('Поздоровался (v1)');
    expect(shadow?.textContent).not.toContain('Новый пункт из v2');
    const asked = mockedRequest.mock.calls.filter(([type]) => type === 'console.version').map(([, body]) => body);
    expect(asked).toContainEqual({ versionId: V1 });
    expect(asked).not.toContainEqual({ versionId: V2 });
    expect(
      mockedRequest.mock.calls.some(
        ([type, body]) => type === 'console.documents' && 'kind' in body && body.kind === 'checklist',
      ),
    ).toBe(false);

    // The modules the call showed, named from the call's own scripts version.
    const module = el.querySelector('[data-testid="review-module"][data-module="speed"]');
    expect(module?.textContent).toContain('Скорость вдвое за 100 ₽');
    expect(module?.textContent).toContain('00:42');
    expect(module?.textContent).toContain('согласился');

    // The lead disagrees on the critical item; the self-check is shown beside each item.
    click(shadow?.querySelector('[data-item-id="greet"] [data-set="yes"]'));
    await flush(1);
    click(checklistRoot(el)?.querySelector('[data-item-id="name"] [data-set="no"]'));
    await flush(1);
    click(checklistRoot(el)?.querySelector('[data-item-id="offer"] [data-set="na"]'));
    await flush(1);
    expect(checklistRoot(el)?.querySelector('[data-item-id="name"] [data-compare]')?.getAttribute('data-compare')).toBe(
      'yes',
    );

    const comment = el.querySelector<HTMLTextAreaElement>('[data-testid="score-comment"]')!;
    comment.value = '  Не назвала абонента по имени  ';
    comment.dispatchEvent(new Event('input', { bubbles: true }));
    await flush(1);
    click(el.querySelector('[data-testid="score-save"]'));
    await flush(6);

    expect(scored).toEqual([
      {
        callId: CALL,
        checklistVersionId: V1,
        marks: { greet: 'yes', name: 'no', offer: 'na' },
        comment: 'Не назвала абонента по имени',
      },
    ]);
    const notice = el.querySelector('[data-testid="score-form"] [data-testid="console-notice"]');
    expect(notice?.getAttribute('data-kind')).toBe('ok');
    expect(notice?.textContent).toContain('не засчитан');
  });

  it('shows the calibration: lead percent beside self percent and the items they disagree on', async () => {
    const el = await mount();
    await openReview(el);
    click(checklistRoot(el)?.querySelector('[data-item-id="greet"] [data-set="yes"]'));
    await flush(1);
    click(checklistRoot(el)?.querySelector('[data-item-id="name"] [data-set="no"]'));
    await flush(1);
    click(checklistRoot(el)?.querySelector('[data-item-id="offer"] [data-set="yes"]'));
    await flush(1);

    const lead = el.querySelector('[data-testid="calibration-lead"]');
    const self = el.querySelector('[data-testid="calibration-self"]');
    // Weights 2 + 1 + 1: the lead counts 3 of 4, the operator 4 of 4.
    expect(lead?.getAttribute('data-percent')).toBe('75');
    expect(lead?.textContent).toBe('75 % — не засчитан');
    expect(self?.getAttribute('data-percent')).toBe('100');
    expect(self?.textContent).toBe('100 % — засчитан');
    expect(el.querySelector('[data-testid="calibration-gap"]')?.textContent).toBe('-25 п. п.');
    const rows = [...el.querySelectorAll('[data-testid="disagreement"]')];
    expect(rows.map((row) => row.getAttribute('data-item'))).toEqual(['name']);
    expect(rows[0]?.textContent).toContain('Назвал абонента по имени (v1)');
    expect(rows[0]?.textContent).toContain('нет');
    expect(rows[0]?.textContent).toContain('да');
  });

  it('starts from the saved score and says who scored it', async () => {
    const saved: CallScore = {
      callId: CALL,
      checklistVersionId: V1,
      marks: { greet: 'no', name: 'yes', offer: 'yes' },
      result: scoreChecklist(CHECKLIST_V1, { greet: 'no', name: 'yes', offer: 'yes' }),
      selfMarks: SELF,
      selfResult: scoreChecklist(CHECKLIST_V1, SELF),
      comment: 'Приветствие по стандарту',
      scoredBy: 'Руководитель Анна',
      scoredAt: T0 + 5000,
    };
    const base = mockedRequest.getMockImplementation()!;
    mockedRequest.mockImplementation((async (type: string, body: never) =>
      type === 'console.call'
        ? { call: { ...call, scored: true }, score: saved }
        : base(type as never, body)) as typeof request);
    const el = await mount();
    await openReview(el);
    expect(el.querySelector('[data-testid="score-existing"]')?.textContent).toContain('Руководитель Анна');
    expect(el.querySelector<HTMLTextAreaElement>('[data-testid="score-comment"]')?.value).toBe(
      'Приветствие по стандарту',
    );
    const pressed = checklistRoot(el)?.querySelectorAll('[data-item-id="greet"] [aria-pressed="true"]');
    expect([...(pressed ?? [])].map((button) => button.getAttribute('data-set'))).toEqual(['no']);
    expect(el.querySelector('[data-testid="calibration-lead"]')?.getAttribute('data-percent')).toBe('50');
    expect(el.querySelector('[data-testid="score-save"]')?.textContent).toBe('Обновить оценку');
  });

  it('refuses to score a call whose checklist never reached the server', async () => {
    call = callView({ versions: { checklist: 0 } });
    const el = await mount();
    await openReview(el);
    const why = el.querySelector('[data-testid="review-no-checklist"]');
    expect(why?.getAttribute('data-reason')).toBe('local');
    expect(el.querySelector('[data-testid="score-form"]')).toBeNull();
    expect(mockedRequest.mock.calls.some(([type]) => type === 'console.version')).toBe(false);
  });
});

describe('calibration and stats (pure)', () => {
  it('compares only items the lead marked, an open self-check counting as a difference', () => {
    expect(disagreements(CHECKLIST_V1, { greet: 'yes' }, {})).toEqual([
      { item: CHECKLIST_V1.sections[0]!.items[0], sectionTitle: 'Начало', lead: 'yes', self: null },
    ]);
    expect(disagreements(CHECKLIST_V1, {}, SELF)).toEqual([]);
    const result = calibrate(CHECKLIST_V1, { greet: 'yes', name: 'yes', offer: 'no' }, SELF);
    expect(result.lead.percent).toBe(75);
    expect(result.gap).toBe(-25);
  });

  it('reads a call’s recorded version refs', () => {
    expect(callVersion({ versions: { checklist: V1 } }, 'checklist')).toEqual({ kind: 'server', versionId: V1 });
    expect(callVersion({ versions: { checklist: 3 } }, 'checklist')).toEqual({ kind: 'local', number: 3 });
    expect(callVersion({ versions: {} }, 'checklist')).toEqual({ kind: 'none' });
  });

  it('gives objection counts per call type with shares of the column', () => {
    const matrix = objectionMatrix([
      { callTypeId: 'billing', objectionId: 'expensive', raised: 3, handled: 2 },
      { callTypeId: 'billing', objectionId: 'think', raised: 1, handled: 1 },
      { callTypeId: null, objectionId: 'expensive', raised: 1, handled: 0 },
    ]);
    expect(matrix.callTypes).toEqual(['billing', null]);
    expect(matrix.total).toBe(5);
    expect(matrix.rows.map((row) => [row.objectionId, row.raised, row.share])).toEqual([
      ['expensive', 4, 80],
      ['think', 1, 20],
    ]);
    expect(matrix.rows[0]?.cells.get('billing')).toEqual({ raised: 3, handled: 2, share: 75 });
  });

  it('groups quality rows per operator, oldest week first', () => {
    const week = 7 * 86_400_000;
    const row = (userId: string, userName: string, weekStart: number) => ({
      userId,
      userName,
      weekStart,
      scored: 2,
      leadPercent: 80,
      selfPercent: 90,
      failed: 1,
    });
    const trends = qualityByOperator([row('b', 'Борис', T0 + week), row('a', 'Анна', T0), row('b', 'Борис', T0)]);
    expect(trends.map((trend) => [trend.userName, trend.weeks.map((w) => w.weekStart), trend.scored])).toEqual([
      ['Анна', [T0], 2],
      ['Борис', [T0, T0 + week], 4],
    ]);
  });
});
