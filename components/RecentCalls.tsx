// The calls of this shift with their tags; calls whose wrap-up closed untagged are flagged and
// can still be tagged by choosing a type for them.
//
// Rows are memoised on what they show: a new state from the background or a clock tick
// re-renders only rows whose time, tags, duration or flag changed (up to 50 rows otherwise).

import { countUntagged, isUntagged } from '@/lib/calls/rules';
import { formatClock, formatDuration, typeName } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { memo } from '@/lib/panel/memo';
import type { CallRecord } from '@/lib/schema/call';
import type { Classifier } from '@/lib/schema/classifier';

interface Props {
  calls: CallRecord[];
  classifier: Classifier;
  now: number;
  onTag: (callId: string, typeId: string) => void;
}

interface RowProps {
  call: CallRecord;
  /** Shown as text; computed by the list so that a tick changes the prop only when the text does. */
  duration: string;
  flagged: boolean;
  classifier: Classifier;
  onTag: (callId: string, typeId: string) => void;
}

const sameTags = (a: CallRecord, b: CallRecord) =>
  a.tags.length === b.tags.length && a.tags.every((tag, i) => tag.typeId === b.tags[i]!.typeId);

/** Equal when the row would render the same: the call's id, start and tags, and the list's values. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.call.id === b.call.id &&
    a.call.startedAt === b.call.startedAt &&
    sameTags(a.call, b.call) &&
    a.duration === b.duration &&
    a.flagged === b.flagged &&
    a.classifier === b.classifier &&
    a.onTag === b.onTag
  );
}

const RecentCall = memo(function RecentCall({ call, duration, flagged, classifier, onTag }: RowProps) {
  const { t, locale } = usePanelI18n();
  return (
    <li
      class={flagged ? 'recent__item recent__item--untagged' : 'recent__item'}
      data-testid="recent-call"
      data-call-id={call.id}
    >
      <span class="recent__time">{formatClock(call.startedAt, locale)}</span>
      <span class="recent__duration">{duration}</span>
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
}, sameRow);

export function RecentCalls({ calls, classifier, now, onTag }: Props) {
  const { t } = usePanelI18n();
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
        {calls.map((call) => (
          <RecentCall
            key={call.id}
            call={call}
            duration={formatDuration((call.endedAt ?? now) - call.startedAt)}
            flagged={isUntagged(call, now)}
            classifier={classifier}
            onTag={onTag}
          />
        ))}
      </ol>
    </section>
  );
}
