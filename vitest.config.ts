// Three test projects: `unit` (node / happy-dom, fake IndexedDB), `server` (the API on PGlite and,
// with DATABASE_URL, PostgreSQL) and `e2e` (the built extension in a real Chromium). `npm test` runs the typecheck, unit, the builds, then e2e.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root.replace(/\/$/, '') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // Each file opens PGlite (and a throwaway PostgreSQL database when DATABASE_URL is set).
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machines running this have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
