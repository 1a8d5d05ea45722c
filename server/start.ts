// Starts the HTTP server on a port (0 = any free one) and resolves with its address; used by
// `npm start` and by tests that need the demo pages.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const app = createApp();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.on('error', reject);
  });
}
