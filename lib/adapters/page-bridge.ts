// A private channel from the MAIN-world WebRTC hook to the isolated content script that the page
// cannot forge (R16). `window.postMessage` is readable and writable by every page script, so it
// is not used. Instead the two sides meet once, synchronously, while both run at document_start
// and the document is still empty (no page script can have run): the isolated side offers a
// *detached* element, the MAIN side keeps a reference to it, and from then on messages are
// events dispatched on that element. Events on a detached node never reach window or document,
// and the page has no way to obtain the node. Whichever side runs second completes the meeting.

const OFFER = 'op-panel-bridge-offer';
const REQUEST = 'op-panel-bridge-request';
const TAKEN = 'op-panel-bridge-taken';
const MESSAGE = 'op-panel-bridge-message';
const CHANNEL_TAG = 'op-panel-bridge';

/** Isolated world: create the channel element and offer it to the MAIN-world hook. */
export function openBridgeIsolated(win: Window & typeof globalThis, onMessage: (data: string) => void): void {
  const doc = win.document;
  const channel = doc.createElement(CHANNEL_TAG);
  let taken = false;
  channel.addEventListener(MESSAGE, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail === 'string') onMessage(detail);
  });
  channel.addEventListener(TAKEN, () => {
    taken = true;
    win.removeEventListener(REQUEST, offer, true);
  });
  function offer() {
    const root = doc.documentElement;
    // Once the page has content, a page script may be the one asking: never offer then.
    if (taken || !root || root.childElementCount > 0) return;
    root.append(channel);
    channel.dispatchEvent(new win.CustomEvent(OFFER, { bubbles: true }));
    channel.remove();
  }
  win.addEventListener(REQUEST, offer, true);
  offer();
}

/** MAIN world: wait for the channel element; returns a sender of string messages. */
export function openBridgeMain(win: Window & typeof globalThis): (data: string) => void {
  // Keep our own references: page scripts may replace these globals later.
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const Custom = win.CustomEvent;
  const ElementClass = win.Element;
  let channel: Element | null = null;
  const queue: string[] = [];
  const onOffer = (event: Event) => {
    const target = event.target;
    if (channel || !(target instanceof ElementClass) || target.localName !== CHANNEL_TAG) return;
    channel = target;
    win.removeEventListener(OFFER, onOffer, true);
    dispatch.call(channel, new Custom(TAKEN));
    for (const data of queue.splice(0)) dispatch.call(channel, new Custom(MESSAGE, { detail: data }));
  };
  win.addEventListener(OFFER, onOffer, true);
  dispatch.call(win, new Custom(REQUEST));
  return (data) => {
    if (channel) dispatch.call(channel, new Custom(MESSAGE, { detail: data }));
    else if (queue.length < 100) queue.push(data);
  };
}
