// Background side of the typed messaging: checks the sender's kind against the request's `from`,
// parses the body, runs the handler and wraps the answer in a response envelope. Errors become
// `{ ok: false }` answers with a code; nothing is thrown across the message boundary.
import {
  type ErrorCode,
  type RequestBody,
  RequestEnvelope,
  type RequestResult,
  type RequestType,
  type ResponseEnvelope,
  requests,
} from './protocol';
import type { VerifiedSender } from './sender';

export type Handlers = {
  [K in RequestType]: (body: RequestBody<K>, sender: VerifiedSender) => Promise<RequestResult<K>>;
};

/** An error a handler throws on purpose, with the code the caller sees. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: ErrorCode, message: string): ResponseEnvelope {
  return { ok: false, error: { code, message: message.slice(0, 1000) } };
}

export async function route(
  handlers: Handlers,
  message: unknown,
  sender: VerifiedSender | null,
): Promise<ResponseEnvelope> {
  if (!sender) return fail('forbidden', 'unexpected sender');
  const envelope = RequestEnvelope.safeParse(message);
  if (!envelope.success) return fail('bad_request', 'not a panel request');
  const { type } = envelope.data;
  const spec = requests[type];
  if (spec.from !== sender.kind) return fail('forbidden', `${type} is not allowed from ${sender.kind}`);
  const body = spec.body.safeParse(envelope.data.body);
  if (!body.success) return fail('bad_request', `${type}: ${body.error.message}`);
  try {
    const handler = handlers[type] as (body: unknown, sender: VerifiedSender) => Promise<unknown>;
    return { ok: true, data: await handler(body.data, sender) };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message);
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      const code = error.code as ErrorCode;
      if (['not_found', 'conflict', 'bad_request'].includes(code)) return fail(code, error.message);
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'QuotaExceededError' || name === 'DatabaseClosedError' || name.startsWith('Dexie')) {
      return fail('storage', `local storage failed: ${String(error)}`);
    }
    return fail('internal', String(error));
  }
}
