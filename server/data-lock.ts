// PGlite's data folder must be open in one process at a time: a second PGlite on the same folder
// opens without complaint and the two corrupt each other. The server and the admin CLI therefore
// claim the folder with a lock file holding their process id; a lock left by a dead process is
// taken over.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './db/database';
import { type DatabaseConfig, openDatabase } from './db/open';

const LOCK_FILE = '.operator-panel.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dataDir` (which must exist) for this process; resolves with the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(
          `the data folder ${dataDir} is in use by process ${pid} (PGlite allows one process at a time): ` +
            'stop that process first, or use PostgreSQL (DATABASE_URL)',
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

/** openDatabase, holding the data folder's lock while a PGlite folder is open. */
export async function openDatabaseLocked(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl || config.dataDir.startsWith('memory://')) return openDatabase(config);
  await mkdir(config.dataDir, { recursive: true });
  const release = await lockDataDir(config.dataDir);
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (error) {
    await release();
    throw error;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}
