// The load generator for the ingest benchmark, run as its own process (as a real client is): reads
// prepared push bodies from a file, sends them one after another like the extension's uploader
// does, and prints the elapsed milliseconds from the first request to the last answer.
import { readFileSync } from 'node:fs';

const [url, token, file] = process.argv.slice(2);
if (!url || !token || !file) throw new Error('usage: push-client <server-url> <token> <bodies.json>');
const bodies = JSON.parse(readFileSync(file, 'utf8')) as string[];
const started = performance.now();
for (const body of bodies) {
  const answer = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  if (!answer.ok) throw new Error(`push: HTTP ${answer.status} ${await answer.text()}`);
  await answer.arrayBuffer();
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
