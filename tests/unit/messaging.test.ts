// Messaging validation: sender checks per direction, body parsing, error envelopes (R16).
import { describe, expect, it, vi } from 'vitest';
import { ResponseEnvelope } from '@/lib/messaging/protocol';
import { HandlerError, type Handlers, route } from '@/lib/messaging/router';
import { verifySender } from '@/lib/messaging/sender';

const RUNTIME = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${RUNTIME}`;
const content = verifySender({ id: RUNTIME, url: 'http://localhost:5173/', frameId: 0, tab: { id: 3 } }, RUNTIME, EXT)!;
const page = verifySender({ id: RUNTIME, url: `${EXT}/options.html` }, RUNTIME, EXT)!;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const none = vi.fn(async () => null);
  return new Proxy(overrides as Handlers, {
    get: (target, key) => (target as Record<string, unknown>)[key as string] ?? none,
  });
}

const msg = (type: string, body: unknown) => ({ channel: 'op-panel', type, body });

describe('verifySender', () => {
  it('knows a content script in the top frame of a web page', () => {
    expect(content).toEqual({ kind: 'content', origin: 'http://localhost:5173', tabId: 3 });
  });
  it('knows the extension own pages', () => {
    expect(page.kind).toBe('extension');
  });
  it('R16: refuses other extensions, sub-frames and senders without a url', () => {
    expect(
      verifySender({ id: 'other', url: 'http://localhost/', frameId: 0, tab: { id: 1 } }, RUNTIME, EXT),
    ).toBeNull();
    expect(
      verifySender({ id: RUNTIME, url: 'http://localhost/', frameId: 4, tab: { id: 1 } }, RUNTIME, EXT),
    ).toBeNull();
    expect(verifySender({ id: RUNTIME }, RUNTIME, EXT)).toBeNull();
    expect(
      verifySender({ id: RUNTIME, url: 'file:///etc/passwd', frameId: 0, tab: { id: 1 } }, RUNTIME, EXT),
    ).toBeNull();
  });
});

describe('route', () => {
  it('R16: an unknown sender gets forbidden and no handler runs', async () => {
    const tag = vi.fn();
    const answer = await route(handlers({ 'call.tag': tag }), msg('call.tag', { typeId: 'billing' }), null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tag).not.toHaveBeenCalled();
  });

  it('a content script cannot call an extension-page request, nor the reverse', async () => {
    expect(await route(handlers(), msg('settings.save', {}), content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route(handlers(), msg('call.tag', { typeId: 'x' }), page)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('rejects malformed envelopes and bodies with a message', async () => {
    for (const bad of [
      null,
      'x',
      { type: 'call.tag' },
      msg('call.nope', {}),
      msg('call.tag', { typeId: 5 }),
      msg('call.tag', { typeId: 'a'.repeat(500) }),
    ]) {
      const answer = await route(handlers(), bad, content);
      expect(ResponseEnvelope.parse(answer)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('passes the parsed body and the verified sender to the handler', async () => {
    const tag = vi.fn(async () => ({ ok: 1 }));
    const answer = await route(
      handlers({ 'call.tag': tag as never }),
      msg('call.tag', { typeId: 'billing', extra: 'dropped' }),
      content,
    );
    expect(answer).toEqual({ ok: true, data: { ok: 1 } });
    expect(tag).toHaveBeenCalledWith({ typeId: 'billing' }, content);
  });

  it('turns handler errors into coded answers instead of throwing', async () => {
    const conflict = await route(
      handlers({
        'call.undoTag': async () => {
          throw new HandlerError('conflict', 'nothing to undo');
        },
      }),
      msg('call.undoTag', {}),
      content,
    );
    expect(conflict).toEqual({ ok: false, error: { code: 'conflict', message: 'nothing to undo' } });
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const storage = await route(
      handlers({
        'call.toggle': async () => {
          throw quota;
        },
      }),
      msg('call.toggle', {}),
      content,
    );
    expect(storage).toMatchObject({ ok: false, error: { code: 'storage' } });
  });
});
