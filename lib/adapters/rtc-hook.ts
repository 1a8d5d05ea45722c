// Runs in the page's MAIN world: wraps RTCPeerConnection so any WebRTC softphone's call state is
// seen with no configuration. A call is "up" while at least one connection of the page is
// connected; it ends when the last one closes or fails. `close()` fires no state event, so it
// is wrapped too. Only a state string leaves this file; the isolated side validates it.

export type RtcSignal = 'start' | 'end';

export function installRtcHook(win: Window & typeof globalThis, send: (signal: RtcSignal) => void): void {
  const Native = win.RTCPeerConnection;
  if (typeof Native !== 'function') return;
  const connected = new WeakSet<RTCPeerConnection>();
  let live = 0;

  const update = (pc: RTCPeerConnection, up: boolean) => {
    if (up === connected.has(pc)) return;
    if (up) connected.add(pc);
    else connected.delete(pc);
    const before = live;
    live += up ? 1 : -1;
    if (before === 0 && live === 1) send('start');
    if (before === 1 && live === 0) send('end');
  };

  class HookedPeerConnection extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      this.addEventListener('connectionstatechange', () => {
        const state = this.connectionState;
        if (state === 'connected') update(this, true);
        else if (state === 'closed' || state === 'failed') update(this, false);
      });
    }

    override close(): void {
      update(this, false);
      super.close();
    }
  }
  // Keep the name and static methods the softphone may look at.
  Object.defineProperty(HookedPeerConnection, 'name', { value: 'RTCPeerConnection' });
  win.RTCPeerConnection = HookedPeerConnection;
}
