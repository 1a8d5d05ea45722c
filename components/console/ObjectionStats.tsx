// How often each objection was raised per call type in a period, with each cell's share of that
// call type's objections and how many were handled: which objections to train for which calls.
import { useState } from 'preact/hooks';
import { nameOf } from '../../lib/console/labels';
import { lastDays, type Period } from '../../lib/console/period';
import { objectionMatrix } from '../../lib/console/stats';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { Locale } from '../../lib/schema/primitives';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { PeriodPicker } from './PeriodPicker';
import { useLabels } from './use-labels';
import { useLoad } from './use-load';

type Props = { t: ConsoleTranslate; locale: Locale };

export function ObjectionStats({ t, locale }: Props) {
  const labels = useLabels(locale, { objections: true });
  const [period, setPeriod] = useState<Period>(() => lastDays(Date.now(), 30));
  const stats = useLoad(() => request('console.objectionStats', period), [period.from, period.to]);
  const matrix = stats.data ? objectionMatrix(stats.data) : null;
  const share = (value: number) => `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  return (
    <section class="card" data-testid="console-objection-stats">
      <h2>{t('objectionStats.title')}</h2>
      <p class="hint">{t('objectionStats.intro')}</p>
      <PeriodPicker t={t} value={period} onChange={setPeriod} />
      {stats.error !== null && <ConsoleNotice notice={consoleErrorNotice(stats.error, t)} />}
      {stats.data === null && stats.error === null && <p class="hint">{t('page.loading')}</p>}
      {matrix && matrix.rows.length === 0 && <p class="hint">{t('objectionStats.empty')}</p>}
      {matrix && matrix.rows.length > 0 && (
        <div class="table-wrap">
          <table class="matrix">
            <thead>
              <tr>
                <th scope="col">{t('objectionStats.colObjection')}</th>
                <th scope="col">{t('objectionStats.colTotal')}</th>
                {matrix.callTypes.map((type) => (
                  <th key={type ?? '-'} scope="col">
                    {nameOf(labels.callTypes, type, t('calls.untagged'))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.objectionId} data-testid="objection-stat" data-objection={row.objectionId}>
                  <th scope="row">{nameOf(labels.objections, row.objectionId, '')}</th>
                  <td class="num" data-testid="objection-total">
                    {t('objectionStats.cell', { raised: row.raised, share: share(row.share), handled: row.handled })}
                  </td>
                  {matrix.callTypes.map((type) => {
                    const cell = row.cells.get(type);
                    return (
                      <td key={type ?? '-'} class="num" data-type={type ?? ''}>
                        {cell
                          ? t('objectionStats.cell', {
                              raised: cell.raised,
                              share: share(cell.share),
                              handled: cell.handled,
                            })
                          : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('objectionStats.total')}</th>
                <td class="num">{matrix.total}</td>
                {matrix.callTypes.map((type) => (
                  <td key={type ?? '-'} class="num">
                    {matrix.columnTotals.get(type) ?? 0}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
