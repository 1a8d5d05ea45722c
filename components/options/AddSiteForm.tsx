// Adds a CRM/softphone site by origin. The host permission is requested synchronously in the click
// handler, because browsers show the permission prompt only inside a user gesture; the site is
// stored only once the operator has granted it.

import type { TargetedMouseEvent } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { permissionPattern } from '@/lib/sites/registration';
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import { Origin } from '../../lib/schema/primitives';
import type { Site } from '../../lib/schema/settings';
import { defaultSite } from '../../lib/settings/defaults';
import { isDemoOrigin } from '../../lib/sites/demo-origins';
import { errorNotice, type Notice, NoticeText } from './Notice';

/**
 * The host permission pattern of an origin. Firefox refuses a port in a match pattern, and in
 * Chromium a pattern without a port matches every port, so the port is left out: for the usual
 * origin without a port this is exactly `origin + '/*'`.
 */

/** `crm.provider.ru/abc` -> `https://crm.provider.ru`; anything but http(s) is refused. */
function normaliseOrigin(input: string): { origin: string } | { problem: OptionsKey } {
  const text = input.trim();
  if (!text) return { problem: 'addSite.error.empty' };
  // Operators often type just the host (maybe with a port): assume https, or http for the
  // local demo pages.
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d+(\/|$)/.test(text);
  const local = /^(localhost|127\.0\.0\.1)(:|\/|$)/i.test(text);
  const withScheme = hasScheme ? text : `${local ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: 'addSite.error.invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'addSite.error.scheme' };
  const parsed = Origin.safeParse(url.origin);
  return parsed.success ? { origin: parsed.data } : { problem: 'addSite.error.invalid' };
}

type Props = {
  t: OptionsTranslate;
  sites: readonly Site[];
  onAdded: () => Promise<void>;
};

export function AddSiteForm({ t, sites, onAdded }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  function add(event: TargetedMouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    const result = normaliseOrigin(text);
    if ('problem' in result) {
      setNotice({ kind: 'error', text: t(result.problem) });
      return;
    }
    const { origin } = result;
    if (sites.some((site) => site.origin === origin)) {
      setNotice({ kind: 'error', text: t('addSite.error.exists', { origin }) });
      return;
    }
    // No `await` before this line: the prompt needs the click's user gesture.
    let granted: Promise<boolean>;
    try {
      granted = browser.permissions.request({ origins: [permissionPattern(origin)] });
    } catch (error) {
      setNotice(errorNotice(error, t));
      return;
    }
    void store(origin, granted);
  }

  async function store(origin: string, granted: Promise<boolean>) {
    setBusy(true);
    setNotice(null);
    try {
      if (!(await granted)) {
        setNotice({ kind: 'error', text: t('addSite.refused', { origin }) });
        return;
      }
      try {
        await request('sites.save', { site: defaultSite(origin) });
      } catch (error) {
        await dropPermission(origin);
        throw error;
      }
      setText('');
      setNotice({ kind: 'ok', text: t('addSite.added', { origin }) });
      await onAdded();
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  /** Undo a grant that no stored site uses (the save failed). */
  async function dropPermission(origin: string) {
    const pattern = permissionPattern(origin);
    const shared = sites.some((site) => !site.builtIn && permissionPattern(site.origin) === pattern);
    if (shared || isDemoOrigin(origin)) return;
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }

  return (
    <form class="add-site" onSubmit={(event) => event.preventDefault()}>
      <h3>{t('addSite.title')}</h3>
      <div class="field">
        <label class="field-main">
          <span class="field-label">{t('addSite.label')}</span>
          <input
            type="text"
            inputMode="url"
            spellcheck={false}
            autocomplete="off"
            placeholder={t('addSite.placeholder')}
            value={text}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setNotice(null);
            }}
          />
        </label>
        <small class="hint">{t('addSite.hint')}</small>
      </div>
      <div class="actions">
        {/* A submit button: Enter in the field "clicks" it, so the handler still runs in a gesture. */}
        <button type="submit" class="primary" disabled={busy} onClick={add}>
          {t('addSite.add')}
        </button>
      </div>
      <NoticeText notice={notice} />
    </form>
  );
}
