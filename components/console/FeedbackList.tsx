// "No suitable answer" reports from operators, newest first: what the subscriber said, who
// reported it, on which call type and module, and when. For the scripts' authors.
import { useState } from 'preact/hooks';
import { nameOf } from '../../lib/console/labels';
import { lastDays, type Period } from '../../lib/console/period';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { Locale } from '../../lib/schema/primitives';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { PeriodPicker } from './PeriodPicker';
import { useLabels } from './use-labels';
import { useLoad } from './use-load';

type Props = { t: ConsoleTranslate; locale: Locale };

export function FeedbackList({ t, locale }: Props) {
  const labels = useLabels(locale, { modules: true });
  const [period, setPeriod] = useState<Period>(() => lastDays(Date.now(), 14));
  const items = useLoad(() => request('console.feedback', period), [period.from, period.to]);
  const shown = [...(items.data ?? [])].sort((a, b) => b.at - a.at);
  return (
    <section class="card" data-testid="console-feedback">
      <h2>{t('feedback.title')}</h2>
      <p class="hint">{t('feedback.intro')}</p>
      <PeriodPicker t={t} value={period} onChange={setPeriod} />
      {items.error !== null && <ConsoleNotice notice={consoleErrorNotice(items.error, t)} />}
      {items.data === null && items.error === null && <p class="hint">{t('page.loading')}</p>}
      {items.data && shown.length === 0 && <p class="hint">{t('feedback.empty')}</p>}
      {shown.length > 0 && (
        <ul class="feedback-list">
          {shown.map((item) => (
            <li key={item.id} class="feedback" data-testid="feedback-item" data-id={item.id}>
              <p class="feedback__text">{item.text}</p>
              <p class="hint">
                {t('feedback.meta', {
                  who: item.userName,
                  when: new Date(item.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
                  type: nameOf(labels.callTypes, item.callTypeId, t('feedback.noType')),
                  module: nameOf(labels.modules, item.moduleId, t('feedback.noModule')),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
