// Sync with the server at a glance in the panel header: the operator sees whether their tags have
// reached the server without leaving the CRM page. Detail (last sync, the error) is in the title.
// Text only, no dependencies: this is part of the content script.
import type { SyncStatus } from '@/lib/messaging/panel-protocol';
import { formatClock } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';

interface Props {
  sync: SyncStatus | undefined;
}

export function SyncBadge({ sync }: Props) {
  const { t, locale } = usePanelI18n();
  if (!sync || sync.state === 'off') return null;
  const count = sync.waiting;
  const last =
    sync.lastSyncAt === null ? t('syncNever') : t('syncLast', { time: formatClock(sync.lastSyncAt, locale) });
  const detail: string[] = [];
  let text: string;
  switch (sync.state) {
    case 'synced':
      text = '\u2713';
      detail.push(t('syncSynced'));
      break;
    case 'waiting':
      text = t('syncWaiting', { count });
      break;
    case 'offline':
      text = count > 0 ? `${t('syncOffline')} \u00b7 ${t('syncWaiting', { count })}` : t('syncOffline');
      detail.push(t('syncOfflineDetail'));
      break;
    case 'login':
      text = t('syncLogin');
      detail.push(t('syncLoginDetail'));
      break;
    default:
      text = t('syncError');
      if (sync.lastError) detail.push(sync.lastError);
  }
  if (count > 0) detail.push(t('syncWaitingDetail', { count }));
  if (sync.deadLettered > 0) detail.push(t('syncDeadDetail', { count: sync.deadLettered }));
  detail.push(last);
  const title = detail.join('\n');
  return (
    <span
      class={`badge sync sync--${sync.state}`}
      data-testid="sync-badge"
      data-state={sync.state}
      data-waiting={count}
      role="status"
      title={title}
      aria-label={`${text}. ${detail.join('. ')}`}
    >
      {text}
    </span>
  );
}
