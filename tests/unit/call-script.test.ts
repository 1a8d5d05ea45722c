// Script activity on a call: modules shown and for how long, offer outcomes, objections, checklist
// self-check and "no suitable answer" feedback. Pure rules first, then the store: each write puts
// the call and its `call.updated` event in one transaction, on the right call, within bounds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_MODULE_USES,
  MAX_OBJECTION_USES,
  markItem,
  raiseObjection,
  setOutcome,
  viewModule,
} from '@/lib/calls/call-script';
import { CallError, endCall, startCall, tagCall } from '@/lib/calls/call-store';
import { markChecklist, recordNoAnswer, recordObjection, recordOutcome, recordView } from '@/lib/calls/script-store';
import { DEFAULT_CHECKLIST } from '@/lib/content/defaults';
import { invalidateConfig } from '@/lib/db/config-store';
import type { PanelDatabase } from '@/lib/db/database';
import { applyPull, loadPullState } from '@/lib/db/document-store';
import type { ContentVersion } from '@/lib/schema/api';
import { CallRecord, CallScript, EMPTY_SCRIPT } from '@/lib/schema/call';
import type { Checklist } from '@/lib/schema/content';
import { EventPayloads } from '@/lib/schema/events';
import { fakeUlid, freshDb, T0 } from './helpers';

const manual = { source: 'manual' as const, origin: null, tabId: null };
const FIRST_ITEM = DEFAULT_CHECKLIST.sections[0]!.items[0]!.id;

let db: PanelDatabase;
afterEach(async () => {
  await db?.delete();
});

async function events() {
  return db.outbox.orderBy('seq').toArray();
}

/** The newest event must describe exactly the stored call: written together. */
async function expectUpdatedEvent(call: CallRecord | null) {
  expect(call).not.toBeNull();
  const last = (await events()).at(-1)!;
  expect(last.type).toBe('call.updated');
  expect(last.payload).toEqual(call);
  expect(await db.calls.get(call!.id)).toEqual(call);
  expect(CallRecord.safeParse(call).success).toBe(true);
}

describe('pure script rules', () => {
  it('a module: the first view records it with shownAt; later views add the time it stayed open', () => {
    const shown = viewModule(EMPTY_SCRIPT, 'greeting', 0, T0)!;
    expect(shown.modules).toEqual([{ moduleId: 'greeting', shownAt: T0, openMs: 0, outcome: null }]);
    const later = viewModule(shown, 'greeting', 4000, T0 + 4000)!;
    const again = viewModule(later, 'greeting', 1500, T0 + 9000)!;
    expect(again.modules).toEqual([{ moduleId: 'greeting', shownAt: T0, openMs: 5500, outcome: null }]);
    expect(viewModule(again, 'greeting', 0, T0 + 9500)).toBeNull();
    expect(EMPTY_SCRIPT).toEqual({ modules: [], objections: [], checklist: {} });
  });

  it('an outcome: set, changed, cleared; an outcome for a module not yet shown records it', () => {
    const offered = setOutcome(EMPTY_SCRIPT, 'upgrade', 'offered', T0)!;
    expect(offered.modules).toEqual([{ moduleId: 'upgrade', shownAt: T0, openMs: 0, outcome: 'offered' }]);
    const accepted = setOutcome(offered, 'upgrade', 'accepted', T0 + 1)!;
    expect(accepted.modules[0]!.outcome).toBe('accepted');
    expect(setOutcome(accepted, 'upgrade', 'accepted', T0 + 2)).toBeNull();
    expect(setOutcome(accepted, 'upgrade', null, T0 + 3)!.modules[0]!.outcome).toBeNull();
    expect(setOutcome(EMPTY_SCRIPT, 'never-shown', null, T0)).toBeNull();
  });

  it('an objection: one record per objection; a later raise updates the answer (null keeps it) and handled', () => {
    const raised = raiseObjection(EMPTY_SCRIPT, 'expensive', null, false, T0)!;
    const answered = raiseObjection(raised, 'expensive', 'compare', false, T0 + 1000)!;
    const handled = raiseObjection(answered, 'expensive', null, true, T0 + 2000)!;
    expect(handled.objections).toEqual([{ objectionId: 'expensive', at: T0, answerId: 'compare', handled: true }]);
    expect(raiseObjection(handled, 'expensive', 'compare', true, T0 + 3000)).toBeNull();
    const two = raiseObjection(handled, 'think', 'callback', false, T0 + 4000)!;
    expect(two.objections.map((o) => o.objectionId)).toEqual(['expensive', 'think']);
  });

  it('a checklist mark: set, changed, cleared with null; repeating it changes nothing', () => {
    const yes = markItem(EMPTY_SCRIPT, 'greet', 'yes')!;
    expect(yes.checklist).toEqual({ greet: 'yes' });
    expect(markItem(yes, 'greet', 'yes')).toBeNull();
    expect(markItem(yes, 'greet', 'na')!.checklist).toEqual({ greet: 'na' });
    expect(markItem(yes, 'greet', null)!.checklist).toEqual({});
    expect(markItem(EMPTY_SCRIPT, 'greet', null)).toBeNull();
    // Not fooled by names on Object.prototype.
    expect(markItem(EMPTY_SCRIPT, 'constructor', null)).toBeNull();
  });

  it("bounds: past the schema's maxima a new module or objection is dropped, never thrown; known ones still update", () => {
    let script: CallScript = EMPTY_SCRIPT;
    for (let i = 0; i < MAX_MODULE_USES + 5; i++) script = viewModule(script, `m${i}`, 10, T0 + i) ?? script;
    for (let i = 0; i < MAX_OBJECTION_USES + 5; i++)
      script = raiseObjection(script, `o${i}`, null, false, T0 + i) ?? script;
    expect(script.modules).toHaveLength(MAX_MODULE_USES);
    expect(script.objections).toHaveLength(MAX_OBJECTION_USES);
    expect(CallScript.safeParse(script).success).toBe(true);
    expect(viewModule(script, 'one-more', 10, T0)).toBeNull();
    expect(setOutcome(script, 'one-more', 'offered', T0)).toBeNull();
    expect(viewModule(script, 'm0', 10, T0)!.modules[0]!.openMs).toBe(20);
    // An absurd duration saturates instead of breaking the record.
    const huge = viewModule(script, 'm1', Number.MAX_SAFE_INTEGER, T0)!;
    expect(CallScript.safeParse(viewModule(huge, 'm1', Number.MAX_SAFE_INTEGER, T0) ?? huge).success).toBe(true);
  });
});

describe('recording script activity on the call', () => {
  it('each activity writes the call and its call.updated event together, on the active call', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    await expectUpdatedEvent(await recordView(db, { moduleId: 'greeting', openMs: 0 }, T0 + 100));
    await expectUpdatedEvent(await recordView(db, { moduleId: 'greeting', openMs: 3000 }, T0 + 3100));
    await expectUpdatedEvent(await recordOutcome(db, { moduleId: 'greeting', outcome: 'offered' }, T0 + 3200));
    await expectUpdatedEvent(
      await recordObjection(db, { objectionId: 'expensive', answerId: 'compare', handled: true }, T0 + 4000),
    );
    const marked = await markChecklist(db, { itemId: FIRST_ITEM, mark: 'yes' }, T0 + 5000);
    await expectUpdatedEvent(marked);
    expect(marked!.id).toBe(call.id);
    expect(marked!.script).toEqual({
      modules: [{ moduleId: 'greeting', shownAt: T0 + 100, openMs: 3000, outcome: 'offered' }],
      objections: [{ objectionId: 'expensive', at: T0 + 4000, answerId: 'compare', handled: true }],
      checklist: { [FIRST_ITEM]: 'yes' },
    });
    expect((await events()).map((e) => e.type)).toEqual(['call.started', ...Array(5).fill('call.updated')]);
  });

  it('R02: a write that fails half-way leaves neither the call change nor its event', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    const add = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(recordView(db, { moduleId: 'greeting', openMs: 0 }, T0 + 100)).rejects.toThrow('quota');
    add.mockRestore();
    expect(await db.calls.get(call.id)).toEqual(call);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a repeated action changes nothing and writes no event', async () => {
    db = freshDb();
    await startCall(db, manual, T0);
    await markChecklist(db, { itemId: FIRST_ITEM, mark: 'yes' }, T0 + 100);
    const again = await markChecklist(db, { itemId: FIRST_ITEM, mark: 'yes' }, T0 + 200);
    expect(again!.updatedAt).toBe(T0 + 100);
    expect(await db.outbox.count()).toBe(2);
  });

  it('targets the call in wrap-up, or the one named; with no call: null and nothing recorded', async () => {
    db = freshDb();
    expect(await recordView(db, { moduleId: 'greeting', openMs: 0 }, T0)).toBeNull();
    expect(await markChecklist(db, { itemId: FIRST_ITEM, mark: 'yes' }, T0)).toBeNull();
    expect(await recordObjection(db, { objectionId: 'x', answerId: null, handled: false }, T0)).toBeNull();
    expect(await db.outbox.count()).toBe(0);

    const call = await startCall(db, manual, T0);
    await endCall(db, T0 + 10_000);
    const inWrapUp = await recordOutcome(db, { moduleId: 'bundle', outcome: 'declined' }, T0 + 20_000);
    expect(inWrapUp!.id).toBe(call.id);
    // After the wrap-up window nothing is the target, but the call can still be named.
    expect(await recordView(db, { moduleId: 'bundle', openMs: 500 }, T0 + 200_000)).toBeNull();
    const named = await markChecklist(db, { callId: call.id, itemId: FIRST_ITEM, mark: 'no' }, T0 + 300_000);
    expect(named!.script!.checklist).toEqual({ [FIRST_ITEM]: 'no' });
    expect(await recordView(db, { callId: fakeUlid(77), moduleId: 'bundle', openMs: 5 }, T0)).toBeNull();
  });

  it("refuses a checklist item that is not in the call's checklist version, even after a release adds it (R11)", async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    expect(call.versions.checklist).toBe(0);
    const refused = markChecklist(db, { itemId: 'no_such_item', mark: 'yes' }, T0 + 100);
    await expect(refused).rejects.toBeInstanceOf(CallError);
    await expect(refused).rejects.toMatchObject({ code: 'bad_request' });
    expect(await db.outbox.count()).toBe(1);

    // A new checklist with that item arrives mid-call: the call still uses the default one.
    const body: Checklist = {
      title: 'v2',
      sections: [
        {
          id: 's',
          title: 'S',
          items: [{ id: 'no_such_item', text: 'x', hint: '', weight: 1, critical: false, naAllowed: true }],
        },
      ],
    };
    const release: ContentVersion = {
      documentId: fakeUlid(10),
      versionId: fakeUlid(11),
      kind: 'checklist',
      teamId: null,
      version: 2,
      cursor: 1,
      body,
      note: '',
      publishedAt: T0,
      publishedBy: 'trainer',
    };
    await applyPull(db, { cursor: 1, scope: 's', reset: false, documents: [release] }, await loadPullState(db), T0);
    invalidateConfig(db, 'classifier');
    await expect(markChecklist(db, { itemId: 'no_such_item', mark: 'yes' }, T0 + 200)).rejects.toThrow(
      'no item "no_such_item"',
    );
    await expect(markChecklist(db, { itemId: FIRST_ITEM, mark: 'na' }, T0 + 300)).resolves.toMatchObject({
      id: call.id,
    });
    await endCall(db, T0 + 400);
    const next = await startCall(db, manual, T0 + 500_000);
    const marked = await markChecklist(db, { itemId: 'no_such_item', mark: 'yes' }, T0 + 500_100);
    expect(marked!.id).toBe(next.id);
  });

  it('"no suitable answer" with a call: its id, last tag, the module and the scripts version; the call is unchanged', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    await tagCall(db, 'billing', undefined, T0 + 100);
    const tagged = await tagCall(db, 'tech_support', undefined, T0 + 200);
    await expect(
      recordNoAnswer(db, { moduleId: 'greeting', text: '  Хочу роутер в рассрочку  ' }, T0 + 300),
    ).resolves.toBeNull();
    const last = (await events()).at(-1)!;
    expect(last.type).toBe('feedback.no_answer');
    const payload = EventPayloads['feedback.no_answer'].parse(last.payload);
    expect(payload).toMatchObject({
      callId: call.id,
      callTypeId: 'tech_support',
      moduleId: 'greeting',
      scriptsVersion: 0,
      text: 'Хочу роутер в рассрочку',
      at: T0 + 300,
    });
    expect(await db.calls.get(call.id)).toEqual(tagged);
  });

  it('"no suitable answer" with no call is still recorded; empty text is refused', async () => {
    db = freshDb();
    await recordNoAnswer(db, { moduleId: null, text: 'Спросил про IPTV на даче' }, T0);
    const [event] = await events();
    expect(EventPayloads['feedback.no_answer'].parse(event!.payload)).toMatchObject({
      callId: null,
      callTypeId: null,
      moduleId: null,
      scriptsVersion: 0,
    });
    await expect(recordNoAnswer(db, { moduleId: null, text: '   ' }, T0)).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('bounds through the store: a full record drops a new module without an error or an event', async () => {
    db = freshDb();
    const call = await startCall(db, manual, T0);
    const modules = Array.from({ length: MAX_MODULE_USES }, (_, i) => ({
      moduleId: `m${i}`,
      shownAt: T0,
      openMs: 0,
      outcome: null,
    }));
    await db.calls.put({ ...call, script: { ...EMPTY_SCRIPT, modules } });
    const unchanged = await recordView(db, { moduleId: 'one-more', openMs: 100 }, T0 + 100);
    expect(unchanged!.script!.modules).toHaveLength(MAX_MODULE_USES);
    expect(await db.outbox.count()).toBe(1);
  });
});
