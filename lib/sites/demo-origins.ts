// The origins the demo CRM/softphone pages are served from. The panel is injected there by
// default; any other origin is added by the operator (see lib/sites/registration.ts).
export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export function isDemoOrigin(origin: string): boolean {
  try {
    const { protocol, hostname } = new URL(origin);
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1');
  } catch {
    return false;
  }
}
