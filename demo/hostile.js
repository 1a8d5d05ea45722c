// Hostile test page script (R16/R18). For the first 10 s it floods the page with
// forged extension-like postMessages, synthetic Alt+Shift hotkeys, fake bridge
// CustomEvents and chrome.runtime.sendMessage attempts. A correct extension must
// ignore all of them. What was sent is counted in window.hostileStats.

const PERIOD_MS = 200;
const DURATION_MS = 10000;

const FORGED_MESSAGES = [
  { channel: 'op-panel', type: 'call.tag', body: { typeId: 'billing' } },
  { channel: 'op-panel', type: 'call.start', body: { number: '+7 900 000-00-00' } },
  { type: 'rtc', state: 'connected' },
  { kind: 'rtc', state: 'connected', id: 'x' },
  { source: 'op-panel-rtc', state: 'connected' },
];

// The extension's hotkeys are Alt+Shift+1..8 and Alt+Shift+C.
const HOTKEYS = [...'12345678']
  .map((digit) => ({ code: `Digit${digit}`, key: digit }))
  .concat({ code: 'KeyC', key: 'C' });

const CUSTOM_EVENTS = ['op-panel-bridge-offer', 'op-panel-bridge-request'];

const stats = { posted: 0, keys: 0, customEvents: 0 };
window.hostileStats = stats;

function postForged() {
  for (const message of FORGED_MESSAGES) {
    window.postMessage(message, '*');
    stats.posted++;
  }
}

function pressHotkeys() {
  for (const target of [window, document, document.body]) {
    for (const { code, key } of HOTKEYS) {
      for (const type of ['keydown', 'keyup']) {
        target.dispatchEvent(
          new KeyboardEvent(type, {
            code,
            key,
            altKey: true,
            shiftKey: true,
            bubbles: true,
            cancelable: true,
          }),
        );
        stats.keys++;
      }
    }
  }
}

function fireBridgeEvents() {
  for (const target of [window, document]) {
    for (const name of CUSTOM_EVENTS) {
      target.dispatchEvent(
        new CustomEvent(name, {
          bubbles: true,
          detail: { channel: 'op-panel', state: 'connected', port: 'forged' },
        }),
      );
      stats.customEvents++;
    }
  }
}

function pokeRuntime() {
  try {
    const result = globalThis.chrome?.runtime?.sendMessage?.({
      channel: 'op-panel',
      type: 'call.tag',
      body: { typeId: 'billing' },
    });
    result?.catch?.(() => {});
  } catch {
    // Expected: a web page cannot message an extension without its id.
  }
}

function tick() {
  postForged();
  pressHotkeys();
  fireBridgeEvents();
  pokeRuntime();
}

const startedAt = Date.now();
tick();
const intervalId = setInterval(() => {
  if (Date.now() - startedAt >= DURATION_MS) {
    clearInterval(intervalId);
    return;
  }
  tick();
}, PERIOD_MS);
