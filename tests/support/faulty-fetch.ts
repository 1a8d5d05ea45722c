// A bad network between the extension's sync engine and a server's own request handler (Hono
// `app.fetch`), for end-to-end reliability tests: answers lost after the server committed (R01),
// HTTP 500s from a proxy, answers that never come, connection resets (R06), and a worker that dies
// while the server is still handling its request (R14). Every exchange is logged, requests the
// caller gave up on keep running on the server and can be awaited, and the timers record the
// retry delays the syncer asks for.
import type { FetchFn } from '../../lib/sync/api-client';
import type { Timers } from '../../lib/sync/timers';

export type Fault =
  /** Passed through. */
  | 'ok'
  /** A proxy answers 500; the server never sees the request. */
  | 'error500'
  /** The connection is reset before the server sees the request. */
  | 'reset-before'
  /** The server handles (and commits) the request, then the connection is reset: the answer is lost. */
  | 'reset-after'
  /** No answer ever, the server never saw the request: only the client's own deadline ends it. */
  | 'hang-before'
  /** The server handles (and commits) the request, but its answer never arrives. */
  | 'hang-after'
  /** The request reaches the server, and the caller is gone at once (its worker died): the server finishes alone. */
  | 'detach';

export interface Exchange {
  method: string;
  /** Path and query, e.g. `/api/v1/sync/push`. */
  path: string;
  fault: Fault;
  /** The server's answer, when it answered (also for faults that lose the answer afterwards). */
  status?: number;
  body?: unknown;
  /** How long the server took to answer, in milliseconds. */
  ms?: number;
}

export interface FaultyNetwork {
  fetch: FetchFn;
  readonly log: Exchange[];
  /** Waits until the server finished every request it received, also the ones nobody waits for. */
  settled(): Promise<void>;
}

export type FaultChooser = (request: Request, index: number) => Fault;

export function faultyNetwork(
  inner: FetchFn,
  choose: FaultChooser = () => 'ok',
  /** Called with each answer the server gave, before the client sees it (or loses it). */
  onAnswer?: (exchange: Exchange) => Promise<void> | void,
): FaultyNetwork {
  const log: Exchange[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let index = 0;

  /** Hands the request to the server and reads its whole answer; tracked until it is done. */
  function serve(request: Request, exchange: Exchange): Promise<Response> {
    const work = (async () => {
      const started = performance.now();
      const response = await inner(request);
      const text = await response.text();
      exchange.ms = Math.round(performance.now() - started);
      exchange.status = response.status;
      try {
        exchange.body = text ? JSON.parse(text) : null;
      } catch {
        exchange.body = text;
      }
      await onAnswer?.(exchange);
      return new Response(text, { status: response.status, headers: response.headers });
    })();
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    );
    return work;
  }

  const hang = (request: Request) =>
    new Promise<never>((_, reject) => {
      const abort = () => reject(new DOMException('the operation was aborted', 'AbortError'));
      if (request.signal.aborted) abort();
      else request.signal.addEventListener('abort', abort);
    });

  const fetch: FetchFn = async (request) => {
    const url = new URL(request.url);
    const fault = choose(request, index++);
    const exchange: Exchange = { method: request.method, path: url.pathname + url.search, fault };
    log.push(exchange);
    switch (fault) {
      case 'ok':
        return serve(request, exchange);
      case 'error500':
        return new Response(JSON.stringify({ error: { code: 'internal', message: 'injected: bad gateway' } }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      case 'reset-before':
        throw new TypeError('fetch failed: connection reset (injected)');
      case 'reset-after':
        await serve(request, exchange);
        throw new TypeError('fetch failed: connection reset (injected)');
      case 'hang-before':
        return hang(request);
      case 'hang-after':
        await serve(request, exchange);
        return hang(request);
      case 'detach':
        // Handled unobserved: failures show up in the log and in the server's tables.
        serve(request, exchange).catch(() => undefined);
        throw new TypeError('fetch failed: the worker was terminated (injected)');
    }
  };

  return {
    fetch,
    log,
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** A small deterministic random generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Timers that record every delay asked for. `instant` ones fire on the next turn instead of
 * waiting (the syncer retries by itself, fast); the others never fire (the test drives syncNow).
 */
export function recordingTimers(instant: boolean): Timers & { delays: number[] } {
  const cancelled = new Set<object>();
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      delays.push(ms);
      const handle = {};
      if (instant) {
        setImmediate(() => {
          if (!cancelled.delete(handle)) callback();
        });
      }
      return handle;
    },
    clearTimeout(handle) {
      if (instant && handle && typeof handle === 'object') cancelled.add(handle);
    },
  };
}
