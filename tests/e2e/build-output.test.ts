// The built extensions themselves: ASCII-only scripts (Chromium silently refuses a content script
// it does not read as UTF-8, TOOLCHAIN trap 1), the permissions the README lists (R20), no Dexie
// in the content script, a CSP without remote script sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser';

const BUILDS = ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv3'].map((name) => join(ROOT, '.output', name));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(BUILDS)('build %s', (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('has no non-ASCII byte in any .js file', () => {
    const offenders = files(dir)
      .filter((path) => path.endsWith('.js'))
      .filter((path) => readFileSync(path).some((byte) => byte > 0x7f));
    expect(offenders).toEqual([]);
  });

  it('R20: asks only for the permissions the README lists', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
    expect([...manifest.host_permissions].sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect([...manifest.optional_host_permissions].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
    const csp = JSON.stringify(manifest.content_security_policy ?? {});
    expect(csp).not.toMatch(/https?:/);
  });

  it('keeps the database out of the content script', () => {
    const panel = readFileSync(join(dir, 'content-scripts/panel.js'), 'utf8');
    expect(panel).not.toMatch(/indexedDB|Dexie/);
  });
});
