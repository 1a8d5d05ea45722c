// The MAIN-world -> isolated-world bridge (R16): the meeting works in either injection order,
// and a page script that comes later can neither read nor forge the channel.
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { openBridgeIsolated, openBridgeMain } from '@/lib/adapters/page-bridge';

function freshWindow(): Window & typeof globalThis {
  // A document as it is at document_start: an <html> element and nothing in it.
  const win = new HappyWindow() as unknown as Window & typeof globalThis;
  win.document.documentElement.replaceChildren();
  return win;
}

describe('page bridge', () => {
  it('connects when the isolated script runs first', () => {
    const win = freshWindow();
    const received = vi.fn();
    openBridgeIsolated(win, received);
    openBridgeMain(win)('hello');
    expect(received).toHaveBeenCalledWith('hello');
  });

  it('connects when the MAIN-world hook runs first, delivering what it queued', () => {
    const win = freshWindow();
    const received = vi.fn();
    const send = openBridgeMain(win);
    send('early');
    openBridgeIsolated(win, received);
    send('late');
    expect(received.mock.calls).toEqual([['early'], ['late']]);
  });

  it('a later page script cannot obtain the channel or forge messages', () => {
    const win = freshWindow();
    const received = vi.fn();
    openBridgeIsolated(win, received);
    openBridgeMain(win);
    win.document.documentElement.append(win.document.createElement('body'));
    // The page asks for the channel the same way the hook did, and listens for offers.
    const offers: Event[] = [];
    win.addEventListener('op-panel-bridge-offer', (e) => offers.push(e), true);
    win.dispatchEvent(new win.CustomEvent('op-panel-bridge-request'));
    expect(offers).toEqual([]);
    // Forged messages on window, document or postMessage never reach the isolated side.
    win.dispatchEvent(new win.CustomEvent('op-panel-bridge-message', { detail: '{"kind":"rtc","signal":"start"}' }));
    win.document.dispatchEvent(new win.CustomEvent('op-panel-bridge-message', { detail: 'x', bubbles: true }));
    win.postMessage({ kind: 'rtc', signal: 'start' }, '*');
    expect(received).not.toHaveBeenCalled();
  });

  it('does not offer the channel once the page has content (a page script could be asking)', () => {
    const win = freshWindow();
    win.document.documentElement.append(win.document.createElement('head'));
    const received = vi.fn();
    openBridgeIsolated(win, received);
    const send = openBridgeMain(win);
    send('x');
    expect(received).not.toHaveBeenCalled();
  });
});
