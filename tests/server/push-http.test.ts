// The push endpoint over a real connection. Its body is read straight from the Node request stream
// (server/http/body.ts), which app.request never exercises: the batch must arrive whole, the token
// is checked while it arrives, and the size limit holds whether the client declares a length or
// streams the body in chunks without one (R21).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutboxEvent } from '../../lib/schema/events';
import { openTestApi, type TestApi } from '../support/api';
import { callRecord } from '../support/call-fixture';
import { testDatabases } from '../support/server-db';

const T0 = Date.UTC(2025, 2, 3, 9, 5, 0);
const MB = 1024 * 1024;

function batch(count: number) {
  const deviceId = ulid();
  const events: OutboxEvent[] = Array.from({ length: count }, (_, i) => ({
    id: ulid(),
    deviceId,
    seq: i + 1,
    type: 'call.started',
    at: T0 + i,
    schemaVersion: 1,
    payload: callRecord(T0 + i, { id: ulid(), versions: { classifier: 0 } }),
  }));
  return { deviceId, events };
}

/** A body of `bytes` bytes sent as a stream: chunked, no content-length. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

describe.each(testDatabases())('push over HTTP on $name', (target) => {
  let api: TestApi;
  let server: ReturnType<typeof serve>;
  let url: string;
  let token: string;
  beforeAll(async () => {
    api = await openTestApi(target);
    token = await api.tokenOf('operator');
    server = await new Promise((resolve) => {
      const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/sync/push`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);

  test('a full batch arrives whole and is stored', async () => {
    const body = batch(500);
    const answer = await post(JSON.stringify(body));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ lastSeq: 500, accepted: 500, duplicates: 0, deadLettered: 0 });
    const [row] = await api.db.query<{ n: number }>('select count(*)::int as n from events where device_id = $1', [
      body.deviceId,
    ]);
    expect(row?.n).toBe(500);
  });

  test('401 for a missing or unknown token, even with a body that is not JSON', async () => {
    for (const authorization of ['', 'Bearer not-a-token-of-anyone-at-all-0000']) {
      const answer = await post('{"deviceId": ', { authorization });
      expect(answer.status).toBe(401);
      expect((await answer.json()).error.code).toBe('unauthorized');
    }
  });

  test('400 for a body that is not JSON', async () => {
    const answer = await post('{"deviceId": ');
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toMatch(/not valid JSON/);
  });

  test('413 past 8 MB, declared or streamed in chunks; the connection still carries the answer', async () => {
    const declared = await post(`{"x":"${'a'.repeat(9 * MB)}"}`);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('too_large');
    const chunked = await post(streamed(9 * MB));
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.message).toMatch(/larger than/);
    // The server is still well: the next batch goes through.
    expect((await post(JSON.stringify(batch(1)))).status).toBe(200);
  });
});
