// Per-operator trends: for each operator and week of the period, how many calls were scored, the
// mean lead score beside the mean self-check on the same calls, and how many failed.
import { useState } from 'preact/hooks';
import { lastDays, type Period } from '../../lib/console/period';
import { qualityByOperator } from '../../lib/console/stats';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { Locale } from '../../lib/schema/primitives';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { PercentBar } from './PercentBar';
import { PeriodPicker } from './PeriodPicker';
import { useLoad } from './use-load';

type Props = { t: ConsoleTranslate; locale: Locale };

export function QualityTrends({ t, locale }: Props) {
  const [period, setPeriod] = useState<Period>(() => lastDays(Date.now(), 56));
  const rows = useLoad(() => request('console.quality', period), [period.from, period.to]);
  const trends = rows.data ? qualityByOperator(rows.data) : [];
  // Weeks start on Monday 00:00 UTC: show that date in UTC so it never shifts to Sunday.
  const week = (ms: number) => new Date(ms).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <section class="card" data-testid="console-quality">
      <h2>{t('quality.title')}</h2>
      <p class="hint">{t('quality.intro')}</p>
      <PeriodPicker t={t} value={period} onChange={setPeriod} />
      {rows.error !== null && <ConsoleNotice notice={consoleErrorNotice(rows.error, t)} />}
      {rows.data === null && rows.error === null && <p class="hint">{t('page.loading')}</p>}
      {rows.data && trends.length === 0 && <p class="hint">{t('quality.empty')}</p>}
      {trends.length > 0 && (
        <div class="table-wrap">
          <table class="quality">
            <thead>
              <tr>
                <th scope="col">{t('quality.colOperator')}</th>
                <th scope="col">{t('quality.colWeek')}</th>
                <th scope="col">{t('quality.colScored')}</th>
                <th scope="col">{t('quality.colLead')}</th>
                <th scope="col">{t('quality.colSelf')}</th>
                <th scope="col">{t('quality.colFailed')}</th>
              </tr>
            </thead>
            {trends.map((trend) => (
              <tbody key={trend.userId} data-testid="quality-operator" data-user={trend.userId}>
                {trend.weeks.map((row, index) => (
                  <tr key={row.weekStart} data-testid="quality-row" data-week={row.weekStart}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={trend.weeks.length}>
                        {trend.userName}
                      </th>
                    )}
                    <td>{week(row.weekStart)}</td>
                    <td class="num">{row.scored}</td>
                    <td>
                      <PercentBar percent={row.leadPercent} locale={locale} tone="lead" empty={t('quality.none')} />
                    </td>
                    <td>
                      <PercentBar percent={row.selfPercent} locale={locale} tone="self" empty={t('quality.none')} />
                    </td>
                    <td class="num">{row.failed}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
