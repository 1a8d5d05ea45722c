// `npm start`: serve the demo pages (and, from the sync issue on, the API) and say what to open.
import { fileURLToPath } from 'node:url';
import { parseEnv } from './env';
import { startServer } from './start';

async function main() {
  const env = parseEnv(process.env);
  const server = await startServer(env.PORT, env.HOST);
  const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3/', import.meta.url));
  console.log(
    [
      '',
      `Demo CRM + softphone:  ${server.url}/`,
      `Hostile test page:     ${server.url}/hostile.html`,
      '',
      'Load the extension: chrome://extensions -> Developer mode -> "Load unpacked" ->',
      `  ${extensionDir}`,
      'then open the demo page, press "Входящий звонок" -> "Принять", and tag the call with Alt+Shift+1..8.',
      '',
    ].join('\n'),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
