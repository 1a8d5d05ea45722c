// Sends one typed request to the background and parses the answer with the request's result
// schema, so a caller never trusts a shape. Shared by the panel's client (content requests only,
// to keep the content script small) and the extension pages' client (every request).
import type * as z from 'zod/mini';
import { ResponseEnvelope } from './panel-protocol';
import { RequestError } from './request-error';
import browser from './runtime';

export async function sendRequest(type: string, body: unknown, result: z.ZodMiniType): Promise<unknown> {
  const raw = await browser.runtime.sendMessage({ channel: 'op-panel', type, body });
  const envelope = ResponseEnvelope.safeParse(raw);
  if (!envelope.success) throw new RequestError('internal', `malformed answer to ${type}`);
  if (!envelope.data.ok) throw new RequestError(envelope.data.error.code, envelope.data.error.message);
  const parsed = result.safeParse(envelope.data.data);
  if (!parsed.success) throw new RequestError('internal', `unexpected answer to ${type}: ${parsed.error.message}`);
  return parsed.data;
}
