// MAIN-world content script: installs the RTCPeerConnection hook before any page script runs and
// sends call start/end through the private page bridge to the panel's content script.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { openBridgeMain } from '@/lib/adapters/page-bridge';
import { installRtcHook } from '@/lib/adapters/rtc-hook';
import { DEMO_MATCHES } from '@/lib/sites/demo-origins';

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const send = openBridgeMain(window);
    installRtcHook(window, (signal) => send(JSON.stringify({ kind: 'rtc', signal })));
  },
});
