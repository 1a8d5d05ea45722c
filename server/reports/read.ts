// Every report runs in one read-only transaction: its statements (plans, then the calls) see one
// snapshot, and PostgreSQL's JIT compiler is off for it. A month of calls crosses the default
// jit_above_cost, and compiling the expressions costs more than it saves on these aggregates
// (about 200 ms of a 1.2 s daily report in bench/reports.ts). PGlite accepts the setting as well.
import type { Database, Queryable } from '../db/database';

export function readReport<T>(db: Database, read: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    await tx.query('set local jit = off');
    return read(tx);
  });
}
