// Opens the database the environment names (PostgreSQL when DATABASE_URL is set, else PGlite in
// the data folder) and brings its schema up to date.
import { mkdir } from 'node:fs/promises';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  /** PGlite's folder; `memory://` for a throwaway in-memory database. */
  dataDir: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl);
  } else {
    if (!config.dataDir.startsWith('memory://')) await mkdir(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir.startsWith('memory://') ? undefined : config.dataDir);
  }
  await migrate(db);
  return db;
}
