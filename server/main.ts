// `npm start`: serve the API and the demo pages, and say what to open. With `--demo` (what
// `npm start` passes) a fresh database gets the demo organisation, whose passwords are printed
// once, at creation.
import { fileURLToPath } from 'node:url';
import { describeDatabase, parseEnv } from './env';
import { startServer } from './start';

async function main() {
  const env = parseEnv({ ...process.env, ...(process.argv.includes('--demo') ? { DEMO: 'true' } : {}) });
  const server = await startServer({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    demo: env.DEMO,
    trustProxy: env.TRUST_PROXY,
    tokenTtlMs: env.TOKEN_TTL_HOURS * 3600_000,
  });
  const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3/', import.meta.url));
  const lines = [
    '',
    `Demo CRM + softphone:  ${server.url}/`,
    `Hostile test page:     ${server.url}/hostile.html`,
    `API:                   ${server.url}/api/v1`,
    `Database:              ${describeDatabase(env)}`,
    '',
    'Load the extension: chrome://extensions -> Developer mode -> "Load unpacked" ->',
    `  ${extensionDir}`,
    'then open the demo page, press "Входящий звонок" -> "Принять", and tag the call with Alt+Shift+1..8;',
    '"Итог звонка" records a sale and "План месяца" shows the plan and the bonus (logged in as operator).',
    `Sync: extension options -> "Сервер" -> address ${server.url}, log in as a demo user below;`,
    'in the console linked there a lead reads the morning reports, builds the plan and publishes content.',
    '',
  ];
  if (server.seeded) {
    lines.push('Demo users (passwords are shown only now; write them down):');
    for (const user of server.seeded.users) {
      lines.push(`  ${user.role.padEnd(9)} ${user.login.padEnd(10)} ${user.password}`);
    }
    lines.push('');
  } else if (env.DEMO) {
    lines.push(
      'The demo users (operator, operator2, operator3, operator4, lead, trainer, admin) already exist;',
      'their passwords were printed at the first start. To reset one, stop the server and run:',
      '  npm run admin -- set-password <login>',
      '',
    );
  }
  console.log(lines.join('\n'));
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
