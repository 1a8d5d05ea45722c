// PGlite: PostgreSQL compiled to WASM, embedded in the server process, its files in a data folder
// (or in memory for tests). One connection; PGlite serialises queries and transactions itself.
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

// int8 (counts, epoch milliseconds, cursors) and numeric (money sums) as numbers, like postgres.ts.
const parsers = { [types.INT8]: Number, [types.NUMERIC]: Number };

export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir, { parsers });
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
