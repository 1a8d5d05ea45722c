// Throwaway databases for server tests: PGlite in memory always, and a fresh PostgreSQL database
// (created and dropped per use) when DATABASE_URL is set, so every server test runs on both.
import pg from 'pg';
import { ulid } from 'ulid';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; url?: string; drop(): Promise<void> }>;
}

/** Creates an empty PostgreSQL database next to the one `baseUrl` names; `drop` removes it. */
export async function createThrowawayPostgres(baseUrl: string, prefix = 'op_test') {
  const name = `${prefix}_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function openThrowawayPostgres(baseUrl: string) {
  const target = await createThrowawayPostgres(baseUrl);
  const db = await openPostgres(target.url);
  await migrate(db);
  return {
    db,
    url: target.url,
    async drop() {
      await db.close();
      await target.drop();
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite();
        await migrate(db);
        return { db, drop: () => db.close() };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => openThrowawayPostgres(url) });
  return list;
}
