// The calls of this shift with their tags; calls whose wrap-up closed untagged are flagged and
// can still be tagged by choosing a type for them.

import { countUntagged, isUntagged } from '@/lib/calls/rules';
import { formatClock, formatDuration, typeName } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import type { CallRecord } from '@/lib/schema/call';
import type { Classifier } from '@/lib/schema/classifier';

interface Props {
  calls: CallRecord[];
  classifier: Classifier;
  now: number;
  onTag: (callId: string, typeId: string) => void;
}

export function RecentCalls({ calls, classifier, now, onTag }: Props) {
  const { t, locale } = usePanelI18n();
  const untagged = countUntagged(calls, now);
  return (
    <section class="recent" data-testid="recent-calls">
      <h2 class="section-title">
        {t('shiftCalls')}
        {untagged > 0 && (
          <span class="badge badge--warn" data-testid="untagged-count">
            {t('untaggedCount', { count: untagged })}
          </span>
        )}
      </h2>
      {calls.length === 0 && <p class="hint">{t('noCalls')}</p>}
      <ol class="recent__list">
        {calls.map((call) => {
          const flagged = isUntagged(call, now);
          return (
            <li
              key={call.id}
              class={flagged ? 'recent__item recent__item--untagged' : 'recent__item'}
              data-testid="recent-call"
              data-call-id={call.id}
            >
              <span class="recent__time">{formatClock(call.startedAt, locale)}</span>
              <span class="recent__duration">{formatDuration((call.endedAt ?? now) - call.startedAt)}</span>
              <span class="recent__tags">
                {call.tags.map((tag) => typeName(classifier, tag.typeId, locale)).join(', ')}
                {flagged && <span class="badge badge--warn">{t('untaggedBadge')}</span>}
              </span>
              {flagged && (
                <select
                  class="recent__late-tag"
                  aria-label={t('callTypes')}
                  onChange={(e) => {
                    const typeId = e.currentTarget.value;
                    if (typeId) onTag(call.id, typeId);
                  }}
                >
                  <option value="">{t('callTypes')}</option>
                  {classifier.types.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.names[locale]}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
