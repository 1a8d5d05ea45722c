// Build configuration for the extension (Chromium MV3 and Firefox MV3 from one source).
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEMO_MATCHES } from './lib/sites/demo-origins';

export default defineConfig({
  // No `@wxt-dev/webextension-polyfill` module: it would alias `wxt/browser` to the polyfill in the
  // content script too (about 2.8 KB gzip of a 40 KB budget). The background and the extension
  // pages import webextension-polyfill themselves; the content script uses lib/messaging/runtime.ts.
  // Explicit imports everywhere: a newcomer sees where each name comes from.
  imports: false,
  // One manifest version for both browsers: Firefox supports MV3 content scripts in the MAIN world
  // and scripting.registerContentScripts, which the operator-added sites need.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    // The demo pages are served on localhost; every other CRM origin is asked for at the moment
    // the operator adds it in the options page.
    host_permissions: DEMO_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Operator Panel' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'operator-panel@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      // Chromium silently refuses a content script that is not valid UTF-8; Vite folds some
      // escapes (Dexie's U+FFFF) into raw bytes. ASCII output avoids the whole class of problem.
      rollupOptions: { output: { charset: 'ascii' } },
    },
  }),
});
