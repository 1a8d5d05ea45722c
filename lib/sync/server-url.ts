// The sync server's address as the operator types it, made canonical once at login: only http(s),
// no credentials, query or fragment, no trailing slash. Every API and live URL is built from it.
import { API_PREFIX } from '../schema/api';

/** `https://sync.example.com/ops/` -> `https://sync.example.com/ops`; null when not usable. */
export function normaliseServer(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function apiUrl(server: string, path: string): string {
  return `${server}${API_PREFIX}${path}`;
}

/** The WebSocket endpoint: same host and path, ws:// for http and wss:// for https. */
export function liveUrl(server: string): string {
  return apiUrl(server.replace(/^http/, 'ws'), '/live');
}
