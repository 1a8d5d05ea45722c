// The server's environment, parsed once at start-up; a bad value stops start-up with its name.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** "1/true/yes/on" and "0/false/no/off" (any case); anything else is a mistake worth stopping for. */
const BooleanIsh = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'], 'expected true/false, yes/no, on/off or 1/0'))
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PGlite's folder, relative to the project root unless absolute; `memory://` keeps nothing. */
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .transform((dir) => (dir.startsWith('memory://') || isAbsolute(dir) ? dir : resolve(PROJECT_ROOT, dir))),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a URL starting with postgres:// or postgresql://')
    .optional(),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 366)
    .default(720),
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  TRUST_PROXY: BooleanIsh.default(false),
  DEMO: BooleanIsh.default(false),
});
export type Env = z.infer<typeof Env>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server setting(s): ${problems}`);
  }
  return parsed.data;
}

/** How start-up describes the database, without the password. */
export function describeDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): string {
  if (!env.DATABASE_URL) {
    return env.DATA_DIR.startsWith('memory://') ? 'PGlite in memory (nothing kept)' : `PGlite in ${env.DATA_DIR}`;
  }
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}/${decodeURIComponent(url.pathname.slice(1))}`;
}
