// The extension runtime as the content script and extension pages reach it, without
// webextension-polyfill: the polyfill is about 2.8 KB gzip, and the content script has a 40 KB
// budget. What these callers use (sendMessage, connect, onMessage, id) behaves the same natively:
// Firefox's `browser` and Chromium's MV3 `chrome` both return promises from sendMessage, and a
// message listener answers through `sendResponse` in both (see `answerWith`). The background
// keeps the polyfill, where its bytes cost nothing at page load.
import type { Browser, Runtime } from 'webextension-polyfill';

type Native = { browser?: Pick<Browser, 'runtime'>; chrome?: Pick<Browser, 'runtime'> };

/** Read at call time, so importing this module never throws outside an extension (unit tests). */
const extension: Pick<Browser, 'runtime'> = {
  get runtime(): Runtime.Static {
    const native = globalThis as Native;
    const api = native.browser ?? native.chrome;
    if (!api) throw new Error('not running inside the extension');
    return api.runtime;
  },
};
export default extension;

type Handler = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

/**
 * Wraps a promise-returning message handler for `runtime.onMessage` in the form both browsers
 * accept natively: return true and answer through `sendResponse` later.
 */
export function answerWith(handler: Handler): Runtime.OnMessageListenerCallback {
  return (message, sender, sendResponse) => {
    const answer = handler(message, sender);
    // Not ours: answer nothing at once, so the sender is not left waiting.
    if (!answer) sendResponse(undefined);
    else answer.then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  };
}
