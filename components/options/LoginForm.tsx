// Logs in to the sync server. The host permission for a server outside the demo origins is asked
// for synchronously in the click handler (browsers show the prompt only inside a user gesture);
// the login itself runs in the background, which keeps the token (R19). Refusals are told in words.
import type { TargetedMouseEvent } from 'preact';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import { RequestError, request } from '../../lib/messaging/client';
import type { SessionState } from '../../lib/messaging/protocol';
import { isDemoOrigin } from '../../lib/sites/demo-origins';
import { permissionPattern } from '../../lib/sites/registration';
import { errorNotice, type Notice, NoticeText } from './Notice';

export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

/** `127.0.0.1:8787` -> `http://127.0.0.1:8787`; keeps a path prefix, drops a trailing slash. */
function normaliseServer(input: string): { server: string; origin: string } | { problem: OptionsKey } {
  const text = input.trim() || DEFAULT_SERVER;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d+(\/|$)/.test(text);
  const local = /^(localhost|127\.0\.0\.1)(:|\/|$)/i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `${local ? 'http' : 'https'}://${text}`);
  } catch {
    return { problem: 'server.error.address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'server.error.scheme' };
  if (!url.hostname || url.username || url.password) return { problem: 'server.error.address' };
  return { server: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}

/**
 * The messaging layer has only coarse codes, so the background's message says what the server
 * answered (`unauthorized`, `rate_limited`, or a network failure); match those words.
 */
function loginProblem(error: unknown, t: OptionsTranslate, server: string): string {
  const code = error instanceof RequestError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  const text = message.toLowerCase();
  const owner = /recorded while (\S+) was logged in/.exec(message)?.[1];
  if (owner) return t('server.error.foreignOutbox', { owner });
  if (/rate[_ -]?limit|too many|\b429\b/.test(text)) {
    const minutes = /try again in (\d+) min/.exec(text)?.[1];
    return minutes ? t('server.error.tooManyMinutes', { count: Number(minutes) }) : t('server.error.tooMany');
  }
  if (/unauthori[sz]ed|\b401\b|credential|wrong (login|password)|invalid (login|password)/.test(text)) {
    return t('server.error.credentials');
  }
  if (
    /cannot (be )?reach|unreachable|did not answer|failed to fetch|fetch failed|network ?error|timed? ?out|econnrefused/.test(
      text,
    )
  ) {
    return t('server.error.unreachable', { server });
  }
  if (code === 'bad_request' || code === 'forbidden' || code === 'internal') {
    return t('server.error.other', { message });
  }
  return errorNotice(error, t)?.text ?? message;
}

type Props = {
  t: OptionsTranslate;
  /** The server of an earlier session, if any. */
  server: string | null;
  onLoggedIn: (session: SessionState) => void;
};

export function LoginForm({ t, server, onLoggedIn }: Props) {
  const [address, setAddress] = useState(server ?? '');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  function submit(event: TargetedMouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    if (busy) return;
    const target = normaliseServer(address);
    if ('problem' in target) {
      setNotice({ kind: 'error', text: t(target.problem, { example: DEFAULT_SERVER }) });
      return;
    }
    if (!login.trim()) {
      setNotice({ kind: 'error', text: t('server.error.login') });
      return;
    }
    if (!password) {
      setNotice({ kind: 'error', text: t('server.error.password') });
      return;
    }
    // No `await` before this line: the permission prompt needs the click's user gesture.
    let granted: Promise<boolean> = Promise.resolve(true);
    if (!isDemoOrigin(target.origin)) {
      try {
        granted = browser.permissions.request({ origins: [permissionPattern(target.origin)] });
      } catch (error) {
        setNotice(errorNotice(error, t));
        return;
      }
    }
    void logIn(target, granted);
  }

  async function logIn(target: { server: string; origin: string }, granted: Promise<boolean>) {
    setBusy(true);
    setNotice(null);
    try {
      if (!(await granted)) {
        setNotice({ kind: 'error', text: t('server.error.refused', { origin: target.origin }) });
        return;
      }
      const session = await request('session.login', { server: target.server, login: login.trim(), password });
      setPassword('');
      onLoggedIn(session);
    } catch (error) {
      setPassword('');
      setNotice({ kind: 'error', text: loginProblem(error, t, target.server) });
    } finally {
      setBusy(false);
    }
  }

  const edit = (set: (value: string) => void) => (event: { currentTarget: HTMLInputElement }) => {
    set(event.currentTarget.value);
    setNotice(null);
  };

  return (
    <form class="login-form" data-testid="login-form" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label class="field-main">
          <span class="field-label">{t('server.address')}</span>
          <input
            type="text"
            inputMode="url"
            spellcheck={false}
            autocomplete="url"
            data-testid="server-address"
            placeholder={DEFAULT_SERVER}
            value={address}
            onInput={edit(setAddress)}
          />
        </label>
        <small class="hint">{t('server.addressHint', { example: DEFAULT_SERVER })}</small>
      </div>
      <div class="row">
        <label class="field">
          <span class="field-label">{t('server.login')}</span>
          <input
            type="text"
            spellcheck={false}
            autocomplete="username"
            autocapitalize="off"
            maxLength={100}
            data-testid="server-login"
            value={login}
            onInput={edit(setLogin)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t('server.password')}</span>
          <input
            type="password"
            autocomplete="current-password"
            maxLength={200}
            data-testid="server-password"
            value={password}
            onInput={edit(setPassword)}
          />
        </label>
      </div>
      <div class="actions">
        {/* A submit button: Enter in a field "clicks" it, so the handler still runs in a gesture. */}
        <button type="submit" class="primary" data-testid="server-login-button" disabled={busy} onClick={submit}>
          {t('server.logIn')}
        </button>
      </div>
      <div data-testid="login-error">
        <NoticeText notice={notice} />
      </div>
    </form>
  );
}
