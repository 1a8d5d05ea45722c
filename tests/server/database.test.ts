// The database layer behaves the same on PGlite and PostgreSQL: migrations, value shapes, NOTIFY.
import { describe, expect, test } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { testDatabases } from '../support/server-db';

describe.each(testDatabases())('database layer on $name', (target) => {
  test('migrations run once, int8 is a number, LISTEN hears NOTIFY', async () => {
    const { db, drop } = await target.open();
    try {
      expect(await migrate(db)).toEqual([]);
      const [row] = await db.query<{ b: number }>('select 12345678901::bigint as b');
      expect(row).toEqual({ b: 12345678901 });
      const heard: string[] = [];
      const stop = await db.listen('test_channel', (payload) => heard.push(payload));
      await db.query("select pg_notify('test_channel', 'hello')");
      await expect.poll(() => heard, { timeout: 2000 }).toEqual(['hello']);
      await stop();
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into organisations (id, name, created_at) values ('x', 'x', 0)");
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await db.query('select * from organisations')).toEqual([]);
    } finally {
      await drop();
    }
  });
});
