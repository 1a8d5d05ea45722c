// What every server module gets from start-up: the database and the clock (tests move the clock).
import type { Database } from './db/database';

export interface ServerDeps {
  db: Database;
  now: () => number;
}

/** The NOTIFY channel that says "an organisation's content changed"; payload `orgId:cursor`. */
export const CONTENT_CHANNEL = 'content_changed';
