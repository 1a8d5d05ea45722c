// PostgreSQL through node-postgres: a pool for queries and transactions, and one dedicated client
// for LISTEN, so several server processes sharing one database hear each other's NOTIFY.
import pg from 'pg';
import type { Database, Queryable } from './database';

// Same value shapes as PGlite (pglite.ts): int8 and numeric as numbers.
const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // Pipeline mode: a statement is sent as soon as it is issued, without waiting for the answer to
  // the one before, so a transaction's independent statements cost one round trip together (see
  // server/sync/apply.ts). Answers still come back in order; an error aborts the transaction, and
  // the statements after it fail with "current transaction is aborted".
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: typeParsers,
    pipeline: true,
  } as pg.PoolConfig);
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('select 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query(sql, params as unknown[])).rows as T[];
    },
  });

  let listener: pg.Client | null = null;
  const channels = new Map<string, Set<(payload: string) => void>>();
  async function listenerClient(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url, types: typeParsers });
    await client.connect();
    client.on('notification', (message) => {
      for (const callback of channels.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    client.on('error', () => {
      // Reconnect and re-LISTEN; a missed notification only delays a pull until the next alarm.
      listener = null;
      setTimeout(() => void resubscribe(), 1000);
    });
    listener = client;
    return client;
  }
  async function resubscribe() {
    try {
      const client = await listenerClient();
      for (const channel of channels.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch {
      setTimeout(() => void resubscribe(), 2000);
    }
  }

  return {
    kind: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        // Sent with the transaction's first statements; its error, if any, surfaces through them.
        const begin = client.query('BEGIN');
        begin.catch(() => {});
        const result = await fn(wrap(client));
        await begin;
        // COMMIT of a transaction that an error aborted answers ROLLBACK rather than failing: with
        // pipelined statements, the caller may not have awaited the one that failed.
        const done = await client.query('COMMIT');
        if (done.command === 'ROLLBACK') throw new Error('the transaction was rolled back');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      let set = channels.get(channel);
      if (!set) {
        set = new Set();
        channels.set(channel, set);
        await (await listenerClient()).query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
