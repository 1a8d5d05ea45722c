// Background entry: owns the database and the sync engine, and answers the panel and the
// extension pages.
import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background/handlers';
import { acceptPanelPorts } from '@/lib/background/panel-feed';
import { createTeamMix } from '@/lib/background/team-mix';
import { listSites } from '@/lib/db/config-store';
import { PanelDatabase } from '@/lib/db/database';
import { route } from '@/lib/messaging/router';
import { verifySender } from '@/lib/messaging/sender';
import { syncRegistrations } from '@/lib/sites/registration';
import { Syncer } from '@/lib/sync/syncer';

/** Chrome's shortest alarm period: a worker that went to sleep still syncs twice a minute. */
const SYNC_ALARM = 'op-sync';
const SYNC_PERIOD_MINUTES = 0.5;

export default defineBackground(() => {
  const db = new PanelDatabase();
  const now = () => Date.now();
  const runtimeId = browser.runtime.id;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const syncer = new Syncer({ db, fetch: (request) => fetch(request), now });
  const handlers = createHandlers({ db, now, syncer });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    route(handlers, message, verifySender(sender, runtimeId, extensionOrigin)),
  );
  const teamMix = createTeamMix((from, to) => syncer.withApi((api) => api.tariffMix({ from, to })));
  acceptPanelPorts({
    db,
    onConnect: browser.runtime.onConnect,
    runtimeId,
    extensionOrigin,
    now,
    sync: syncer,
    teamMix,
  });

  // Listeners first (an alarm may be what woke the worker), then the start-up sync.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) syncer.onAlarm();
  });
  // Creating an existing alarm again would restart its period on every wake-up.
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  });
  syncer.start();

  // A permission withdrawn in the browser's own settings must stop the panel on that origin.
  const resync = () => void listSites(db).then(syncRegistrations);
  browser.permissions.onRemoved.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
});
