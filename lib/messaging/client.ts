// Caller side of the typed messaging: used by the panel (content script) and extension pages.
// The answer is parsed with the request's result schema, so a caller never trusts a shape.
import browser from 'webextension-polyfill';
import { type RequestBody, type RequestResult, type RequestType, ResponseEnvelope, requests } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export async function request<K extends RequestType>(type: K, body: RequestBody<K>): Promise<RequestResult<K>> {
  const raw = await browser.runtime.sendMessage({ channel: 'op-panel', type, body });
  const envelope = ResponseEnvelope.safeParse(raw);
  if (!envelope.success) throw new RequestError('internal', `malformed answer to ${type}`);
  if (!envelope.data.ok) throw new RequestError(envelope.data.error.code, envelope.data.error.message);
  const result = requests[type].result.safeParse(envelope.data.data);
  if (!result.success) throw new RequestError('internal', `unexpected answer to ${type}: ${result.error.message}`);
  return result.data as RequestResult<K>;
}
