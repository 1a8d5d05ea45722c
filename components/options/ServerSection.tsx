// The sync server, first on the options page: log in (LoginForm), then who is logged in, until
// when, and how sync is doing (polled every 2 s while the page is open), with "sync now",
// "log out" and, for leads, trainers and admins, the way into the console.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { OptionsKey, OptionsTranslate } from '../../lib/i18n/options-messages';
import { request } from '../../lib/messaging/client';
import type { SessionState, SyncStatus } from '../../lib/messaging/protocol';
import type { Role } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { LoginForm } from './LoginForm';
import { describeError, errorNotice, type Notice, NoticeText } from './Notice';

const POLL_MS = 2000;

const STATE_KEY: Record<SyncStatus['state'], OptionsKey> = {
  off: 'sync.state.off',
  login: 'sync.state.login',
  offline: 'sync.state.offline',
  waiting: 'sync.state.waiting',
  synced: 'sync.state.synced',
  error: 'sync.state.error',
};

const ROLE_KEY: Record<Role, OptionsKey> = {
  operator: 'role.operator',
  lead: 'role.lead',
  trainer: 'role.trainer',
  admin: 'role.admin',
};

type Props = {
  t: OptionsTranslate;
  locale: Locale;
  /** `null` while unknown (loading, or session.get failed: see `sessionError`). */
  session: SessionState | null;
  sessionError: unknown;
  onSession: (session: SessionState) => void;
  onReloadSession: () => Promise<void>;
  /** A sync finished: what the server distributes (the classifier) may have changed. */
  onSynced: () => void;
};

function formatTime(epochMs: number, locale: Locale): string {
  return new Date(epochMs).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ServerSection({ t, locale, session, sessionError, onSession, onReloadSession, onSynced }: Props) {
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [syncError, setSyncError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    const poll = async () => {
      if (inFlight) return;
      inFlight = true;
      try {
        const next = await request('sync.status', {});
        if (!stopped) {
          setSync(next);
          setSyncError(null);
        }
      } catch (error) {
        if (!stopped) setSyncError(error);
      } finally {
        inFlight = false;
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  // A finished sync may have brought a new classifier: tell the page (not on the first reading).
  const lastSyncAt = sync?.lastSyncAt ?? null;
  const seenSyncAt = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (sync === null) return;
    if (seenSyncAt.current !== undefined && seenSyncAt.current !== lastSyncAt) onSynced();
    seenSyncAt.current = lastSyncAt;
  }, [lastSyncAt, sync === null]);

  // The session ended (expired, revoked) or began elsewhere: sync says so first; ask again once.
  const user = session?.user ?? null;
  const syncWantsLogin = sync !== null && (sync.state === 'login' || sync.state === 'off');
  const stale = sync !== null && session !== null && syncWantsLogin === (user !== null);
  useEffect(() => {
    if (stale) void onReloadSession();
  }, [stale]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setNotice(errorNotice(error, t));
    } finally {
      setBusy(false);
    }
  }

  const syncNow = () => run(async () => setSync(await request('sync.now', {})));
  const logOut = () => run(async () => onSession(await request('session.logout', {})));

  return (
    <section class="card" data-testid="server-section" data-logged-in={user ? 'true' : 'false'}>
      <h2>{t('server.title')}</h2>
      <p class="hint">{t('server.intro')}</p>

      {sessionError !== null && (
        <div class="notice notice-error" role="alert">
          <p>{t('server.loadFailed', { reason: describeError(sessionError, t) })}</p>
        </div>
      )}

      {session && !user && (
        <>
          {session.server && (
            <p class="notice notice-info" data-testid="session-expired">
              {t('server.sessionExpired', { server: session.server })}
            </p>
          )}
          <LoginForm t={t} server={session.server} onLoggedIn={onSession} />
        </>
      )}

      {session && user && (
        <dl class="facts" data-testid="server-user">
          <dt>{t('server.name')}</dt>
          <dd data-testid="server-user-name">{user.name}</dd>
          <dt>{t('server.loginName')}</dt>
          <dd data-testid="server-user-login">{user.login}</dd>
          <dt>{t('server.role')}</dt>
          <dd data-testid="server-user-role" data-role={user.role}>
            {t(ROLE_KEY[user.role])}
          </dd>
          <dt>{t('server.org')}</dt>
          <dd data-testid="server-user-org">{user.orgName}</dd>
          <dt>{t('server.teams')}</dt>
          <dd data-testid="server-user-teams">
            {user.teams.length > 0 ? user.teams.map((team) => team.name).join(', ') : t('server.noTeams')}
          </dd>
          <dt>{t('server.server')}</dt>
          <dd class="code" data-testid="server-url">
            {session.server ?? ''}
          </dd>
          {session.expiresAt !== null && (
            <>
              <dt>{t('server.expires')}</dt>
              <dd data-testid="server-expires">{formatTime(session.expiresAt, locale)}</dd>
            </>
          )}
        </dl>
      )}

      {sync && sync.state !== 'off' && (
        <div class="sync-status" data-testid="sync-status" data-state={sync.state}>
          <h3>{t('sync.title')}</h3>
          <dl class="facts">
            <dt>{t('sync.state')}</dt>
            <dd data-testid="sync-state">{t(STATE_KEY[sync.state])}</dd>
            <dt>{t('sync.lastSync')}</dt>
            <dd data-testid="sync-last">
              {sync.lastSyncAt === null ? t('sync.never') : formatTime(sync.lastSyncAt, locale)}
            </dd>
            <dt>{t('sync.live')}</dt>
            <dd data-testid="sync-live">{sync.live ? t('common.yes') : t('common.no')}</dd>
            {sync.lastError && (
              <>
                <dt>{t('sync.lastError')}</dt>
                <dd data-testid="sync-error">{sync.lastError}</dd>
              </>
            )}
          </dl>
          {sync.waiting > 0 && (
            <p data-testid="sync-waiting" data-count={sync.waiting}>
              {t('sync.waiting', { count: sync.waiting })}
            </p>
          )}
          {sync.deadLettered > 0 && (
            <p class="field-error" data-testid="sync-dead" data-count={sync.deadLettered}>
              {t('sync.deadLettered', { count: sync.deadLettered })}
            </p>
          )}
        </div>
      )}
      {syncError !== null && (
        <p class="hint" data-testid="sync-unavailable">
          {t('sync.unavailable', { reason: describeError(syncError, t) })}
        </p>
      )}

      {user && (
        <div class="actions">
          <button type="button" class="primary" data-testid="sync-now" disabled={busy} onClick={() => void syncNow()}>
            {t('sync.now')}
          </button>
          <button type="button" data-testid="server-logout" disabled={busy} onClick={() => void logOut()}>
            {t('server.logOut')}
          </button>
          {user.role !== 'operator' && (
            <a
              class="button-link"
              data-testid="open-console"
              href={browser.runtime.getURL('/console.html')}
              target="_blank"
              rel="noopener"
            >
              {t('server.openConsole')}
            </a>
          )}
        </div>
      )}
      <NoticeText notice={notice} />
    </section>
  );
}
