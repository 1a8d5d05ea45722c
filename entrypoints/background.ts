// Background entry: owns the database and answers the panel and the extension pages.
import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background/handlers';
import { acceptPanelPorts } from '@/lib/background/panel-feed';
import { listSites } from '@/lib/db/config-store';
import { PanelDatabase } from '@/lib/db/database';
import { route } from '@/lib/messaging/router';
import { verifySender } from '@/lib/messaging/sender';
import { syncRegistrations } from '@/lib/sites/registration';

export default defineBackground(() => {
  const db = new PanelDatabase();
  const now = () => Date.now();
  const runtimeId = browser.runtime.id;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const handlers = createHandlers({ db, now });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    route(handlers, message, verifySender(sender, runtimeId, extensionOrigin)),
  );
  acceptPanelPorts(db, browser.runtime.onConnect, runtimeId, extensionOrigin, now);

  // A permission withdrawn in the browser's own settings must stop the panel on that origin.
  const resync = () => void listSites(db).then(syncRegistrations);
  browser.permissions.onRemoved.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
});
