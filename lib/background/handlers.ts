// What the background does for each request. Thin: the work is in lib/calls, lib/db and lib/sync;
// this maps requests to it and supplies what only the background knows (sender origin, tab, clock,
// the server session). Nothing here waits for the network except the session and console requests.
import browser from 'webextension-polyfill';
import { endCall, startCall, tagCall, toggleCall, undoLastTag, updateContext } from '../calls/call-store';
import { recordCallOutcome } from '../calls/outcome-store';
import { markChecklist, recordNoAnswer, recordObjection, recordOutcome, recordView } from '../calls/script-store';
import {
  listSites,
  loadLocalClassifier,
  loadSettings,
  loadSite,
  removeSite,
  resetClassifier,
  saveClassifier,
  saveSettings,
  saveSite,
} from '../db/config-store';
import type { PanelDatabase } from '../db/database';
import { AdapterReading } from '../messaging/protocol';
import { HandlerError, type Handlers } from '../messaging/router';
import { isDemoOrigin } from '../sites/demo-origins';
import { syncRegistrations } from '../sites/registration';
import type { Syncer } from '../sync/syncer';
import { reportHandlers } from './report-handlers';
import { viaServer } from './via-server';

export interface BackgroundDeps {
  db: PanelDatabase;
  now: () => number;
  syncer: Syncer;
}

function requireOrigin(origin: string | null): string {
  if (!origin) throw new HandlerError('forbidden', 'no page origin');
  return origin;
}

async function openSiteTabs(db: PanelDatabase) {
  const known = new Set((await listSites(db)).map((s) => s.origin));
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => {
    if (tab.id === undefined || !tab.url) return [];
    let origin: string;
    try {
      origin = new URL(tab.url).origin;
    } catch {
      return [];
    }
    if (!known.has(origin) && !isDemoOrigin(origin)) return [];
    return [{ tabId: tab.id, origin, title: (tab.title ?? '').slice(0, 300) }];
  });
}

export function createHandlers({ db, now, syncer }: BackgroundDeps): Handlers {
  return {
    'call.signal': async (body, sender) => {
      if (body.state === 'end') return endCall(db, now(), sender.tabId ?? undefined);
      return startCall(
        db,
        {
          source: body.source,
          origin: sender.origin,
          tabId: sender.tabId,
          callerNumber: body.callerNumber ?? null,
          direction: body.direction ?? 'inbound',
        },
        now(),
      );
    },
    'call.toggle': async () => toggleCall(db, now()),
    'call.tag': async (body) => tagCall(db, body.typeId, body.callId, now()),
    'call.undoTag': async (body) => undoLastTag(db, body.callId, now()),
    'call.context': async (body) => updateContext(db, body.callerNumber, body.subscriber, now()),
    'script.view': async (body) => recordView(db, body, now()),
    'script.outcome': async (body) => recordOutcome(db, body, now()),
    'objection.raise': async (body) => recordObjection(db, body, now()),
    'checklist.mark': async (body) => markChecklist(db, body, now()),
    'call.outcome': async (body) => recordCallOutcome(db, body, now()),
    'feedback.noAnswer': async (body) => recordNoAnswer(db, body, now()),
    'site.panel': async (body, sender) => {
      const site = await loadSite(db, requireOrigin(sender.origin));
      await saveSite(db, { ...site, panel: body.panel });
      return null;
    },

    'options.load': async () => {
      const tabs = await openSiteTabs(db);
      return {
        settings: await loadSettings(db),
        // The one this page edits; a server classifier, when published, takes precedence in the panel.
        classifier: await loadLocalClassifier(db),
        sites: await withDemoSites(
          db,
          tabs.map((tab) => tab.origin),
        ),
        tabs,
      };
    },
    'settings.save': async (body) => {
      await saveSettings(db, body.settings);
      return null;
    },
    'classifier.save': async (body) => saveClassifier(db, body.classifier),
    'classifier.reset': async () => resetClassifier(db),
    'sites.save': async (body) => {
      await saveSite(db, { ...body.site, builtIn: isDemoOrigin(body.site.origin) });
      await syncRegistrations(await listSites(db));
      return null;
    },
    'sites.remove': async (body) => {
      if (isDemoOrigin(body.origin)) throw new HandlerError('forbidden', 'the demo sites are built in');
      await removeSite(db, body.origin);
      await syncRegistrations(await listSites(db));
      return null;
    },
    'session.get': async () => syncer.sessionState(),
    'session.login': async (body) => viaServer(() => syncer.login(body)),
    'session.logout': async () => syncer.logout(),
    'sync.status': async () => syncer.refreshStatus(),
    'sync.now': async () => syncer.syncNow(),
    'console.documents': async (body) => viaServer(() => syncer.withApi((api) => api.documents(body.kind))),
    'console.versions': async (body) => viaServer(() => syncer.withApi((api) => api.versions(body.documentId))),
    'console.publish': async ({ kind, ...publish }) => {
      const version = await viaServer(() => syncer.withApi((api) => api.publish(kind, publish)));
      // The publisher's own panels get it now rather than on the next poke or alarm.
      void syncer.syncNow();
      return version;
    },
    'console.calls': async (body) => viaServer(() => syncer.withApi((api) => api.calls(body))),
    'console.call': async ({ callId }) =>
      viaServer(() =>
        syncer.withApi(async (api) => {
          const call = await api.callView(callId);
          // Only a scored call has a score to fetch.
          return { call, score: call.scored ? await api.callScore(callId) : null };
        }),
      ),
    'console.score': async ({ callId, ...score }) =>
      viaServer(() => syncer.withApi((api) => api.scoreCall(callId, score))),
    'console.version': async (body) => viaServer(() => syncer.withApi((api) => api.contentVersion(body.versionId))),
    'console.feedback': async (body) => viaServer(() => syncer.withApi((api) => api.feedback(body))),
    'console.objectionStats': async (body) => viaServer(() => syncer.withApi((api) => api.objectionStats(body))),
    'console.quality': async (body) => viaServer(() => syncer.withApi((api) => api.quality(body))),
    ...reportHandlers({ syncer }),
    'sites.test': async (body) => {
      let answer: unknown;
      try {
        answer = await browser.tabs.sendMessage(body.tabId, {
          channel: 'op-panel',
          type: 'adapter.read',
          adapter: body.adapter,
        });
      } catch (error) {
        throw new HandlerError('not_found', `the panel is not running in that tab (${String(error)})`);
      }
      const reading = AdapterReading.safeParse(answer);
      if (!reading.success) throw new HandlerError('internal', 'the tab answered with something unexpected');
      return reading.data;
    },
  };
}

/**
 * The sites list also shows the demo origins the panel runs on (each open demo tab's origin, or
 * the bare demo hosts), even before anything was customised for them.
 */
async function withDemoSites(db: PanelDatabase, openOrigins: readonly string[]) {
  const sites = await listSites(db);
  const demo = openOrigins.filter(isDemoOrigin);
  const wanted = demo.length > 0 ? demo : ['http://localhost', 'http://127.0.0.1'];
  for (const origin of new Set(wanted)) {
    if (!sites.some((s) => s.origin === origin)) sites.push(await loadSite(db, origin));
  }
  return sites;
}
