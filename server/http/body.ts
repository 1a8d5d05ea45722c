// Reading a JSON body with a size limit. On Node the bytes come straight from the request stream
// (IncomingMessage) instead of through the web Request that @hono/node-server builds on demand:
// the push endpoint reads a few hundred kilobytes per batch, and the detour through web streams
// costs about as much again as JSON.parse itself. Elsewhere (tests calling app.request) the web
// Request is read, with the same limit and the same errors.
import type { Context } from 'hono';
import { ApiFailure } from './errors';

interface NodeBindings {
  incoming?: NodeJS.ReadableStream;
}

const tooLarge = (maxBytes: number) => new ApiFailure('too_large', `the body is larger than ${maxBytes} bytes`);

/** The body's bytes; `too_large` (413) past `maxBytes`. */
export async function readBody(c: Context, maxBytes: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (!incoming) {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    return bytes;
  }
  // A client may send more than it declared, or declare nothing (chunked): count as it comes. Past
  // the limit the rest is let through unread rather than the stream destroyed, which would take the
  // connection, and the 413 answer with it.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    incoming.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        reject(tooLarge(maxBytes));
      } else chunks.push(chunk);
    });
    incoming.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    incoming.on('error', reject);
  });
}

/** Bytes read by `readBody` as JSON; `bad_request` (400) when they are not JSON. */
export function parseJsonBytes(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ApiFailure('bad_request', 'the body is not valid JSON');
  }
}
