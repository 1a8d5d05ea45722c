// The current call: state, timer, caller and what the site adapter read of the subscriber.

import { acceptsTags } from '@/lib/calls/rules';
import { formatDuration } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { CallRecord, SubscriberContext } from '@/lib/schema/call';

interface Props {
  call: CallRecord | null;
  now: number;
  onToggle: () => void;
  toggleKeys: string;
}

const FIELDS: (keyof SubscriberContext)[] = ['contract', 'name', 'tariff', 'balance'];

export function CallCard({ call, now, onToggle, toggleKeys }: Props) {
  const { t } = usePanelI18n();
  const active = call !== null && call.endedAt === null;
  const inWrapUp = call !== null && !active && acceptsTags(call, now);
  const status = active
    ? t('callActive')
    : inWrapUp && call.wrapUpUntil !== null
      ? t('callWrapUp', { seconds: Math.ceil((call.wrapUpUntil - now) / 1000) })
      : t('callIdle');
  const shown = active || inWrapUp ? call : null;
  const elapsed = shown ? (shown.endedAt ?? now) - shown.startedAt : 0;

  return (
    <section
      class={`call ${active ? 'call--active' : inWrapUp ? 'call--wrapup' : 'call--idle'}`}
      data-testid="call-card"
    >
      <div class="call__head">
        <span class="call__status" data-testid="call-status">
          {status}
        </span>
        {shown && (
          <span class="call__timer" data-testid="call-timer">
            {formatDuration(elapsed)}
          </span>
        )}
      </div>
      {shown && (
        <dl class="call__context">
          {shown.callerNumber && (
            <div class="call__field">
              <dt>{t('callerNumber')}</dt>
              <dd data-testid="caller-number">{shown.callerNumber}</dd>
            </div>
          )}
          {FIELDS.map((field) =>
            shown.subscriber[field] ? (
              <div class="call__field" key={field}>
                <dt>{t(field)}</dt>
                <dd data-testid={`subscriber-${field}`}>{shown.subscriber[field]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
      <button
        type="button"
        class="call__toggle"
        onClick={onToggle}
        title={t('hotkeyHint', { keys: toggleKeys })}
        data-testid="call-toggle"
      >
        {active ? t('endCall') : t('startCall')}
      </button>
    </section>
  );
}
