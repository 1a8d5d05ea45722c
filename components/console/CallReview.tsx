// One finished call for the lead: who, when, how long, its call types and the subscriber as the
// page showed them, what the operator used (modules, objections), and the scoring against the
// checklist version the call itself used (R11), with the operator's self-check beside it.
import { nameOf } from '../../lib/console/labels';
import { formatDuration } from '../../lib/console/period';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import type { CallScore } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { CallActivity } from './CallActivity';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { loadReview } from './load-review';
import { ScoreForm } from './ScoreForm';
import { useLoad } from './use-load';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callId: string;
  callTypes: Map<string, string>;
  onBack: () => void;
  onScored: (score: CallScore) => void;
};

export function CallReview({ t, locale, callId, callTypes, onBack, onScored }: Props) {
  const review = useLoad(() => loadReview(callId), [callId]);
  const data = review.data;
  return (
    <section class="card" data-testid="call-review" data-call={callId}>
      <div class="actions">
        <button type="button" data-testid="review-back" onClick={onBack}>
          {t('review.back')}
        </button>
      </div>
      <h2>{t('review.title')}</h2>
      {review.error !== null && <ConsoleNotice notice={consoleErrorNotice(review.error, t)} />}
      {data === null && review.error === null && <p class="hint">{t('page.loading')}</p>}
      {data && (
        <>
          <dl class="call-facts" data-testid="review-facts">
            <div>
              <dt>{t('calls.colOperator')}</dt>
              <dd>{data.call.userName}</dd>
            </div>
            <div>
              <dt>{t('calls.colWhen')}</dt>
              <dd>
                {new Date(data.call.startedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </dd>
            </div>
            <div>
              <dt>{t('calls.colDuration')}</dt>
              <dd>{data.call.durationMs === null ? t('calls.running') : formatDuration(data.call.durationMs)}</dd>
            </div>
            <div>
              <dt>{t('review.tags')}</dt>
              <dd data-testid="review-tags">
                {data.call.tags.length === 0
                  ? t('calls.untagged')
                  : data.call.tags.map((tag) => nameOf(callTypes, tag.typeId, '')).join(' → ')}
              </dd>
            </div>
            {data.call.subscriber.name && (
              <div>
                <dt>{t('review.subscriber')}</dt>
                <dd>
                  {[data.call.subscriber.name, data.call.subscriber.tariff, data.call.subscriber.balance]
                    .filter(Boolean)
                    .join(' · ')}
                </dd>
              </div>
            )}
          </dl>
          <CallActivity t={t} script={data.call.script} scripts={data.scripts} objections={data.objections} />
          <h3>{t('review.scoring')}</h3>
          {data.checklist.ok ? (
            <ScoreForm
              t={t}
              locale={locale}
              callId={data.call.id}
              version={data.checklist.version}
              checklist={data.checklist.checklist}
              selfMarks={data.call.script.checklist}
              score={data.score}
              onSaved={onScored}
            />
          ) : (
            <p class="notice notice-info" data-testid="review-no-checklist" data-reason={data.checklist.reason}>
              {data.checklist.reason === 'none' && t('review.noChecklist')}
              {data.checklist.reason === 'local' && t('review.localChecklist')}
              {data.checklist.reason === 'unreadable' &&
                t('review.unreadableChecklist', { message: data.checklist.detail })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
