// Finished calls of a period for a lead to score: when, operator, call type, duration and whether
// it is scored already; filtered by operator. Opening a call shows its review.
import { useState } from 'preact/hooks';
import { nameOf } from '../../lib/console/labels';
import { formatDuration, lastDays, type Period } from '../../lib/console/period';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';
import { request } from '../../lib/messaging/client';
import type { CallView } from '../../lib/schema/api';
import type { Locale } from '../../lib/schema/primitives';
import { ConsoleNotice, consoleErrorNotice } from './ConsoleNotice';
import { PeriodPicker } from './PeriodPicker';
import { useLoad } from './use-load';

const ALL = '';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  callTypes: Map<string, string>;
  /** Bumped when a score was saved elsewhere: the list asks again. */
  refresh: number;
  onOpen: (callId: string) => void;
};

export function CallsList({ t, locale, callTypes, refresh, onOpen }: Props) {
  const [period, setPeriod] = useState<Period>(() => lastDays(Date.now(), 7));
  const [operator, setOperator] = useState(ALL);
  // Everyone seen in this session's answers, so the filter keeps its choices once one is picked.
  const [operators, setOperators] = useState<Map<string, string>>(new Map());
  const calls = useLoad(async () => {
    const list = await request('console.calls', {
      from: period.from,
      to: period.to,
      ...(operator === ALL ? {} : { userId: operator }),
    });
    setOperators((known) => {
      const next = new Map(known);
      for (const call of list) next.set(call.userId, call.userName);
      return next.size === known.size ? known : next;
    });
    return list;
  }, [period.from, period.to, operator, refresh]);

  const shown = [...(calls.data ?? [])]
    .filter((call) => operator === ALL || call.userId === operator)
    .sort((a, b) => b.startedAt - a.startedAt);
  const when = (call: CallView) =>
    new Date(call.startedAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section class="card" data-testid="console-calls">
      <h2>{t('calls.title')}</h2>
      <p class="hint">{t('calls.intro')}</p>
      <div class="row">
        <PeriodPicker t={t} value={period} onChange={setPeriod} />
        <label class="field">
          <span class="field-label">{t('calls.operator')}</span>
          <select
            data-testid="calls-operator"
            value={operator}
            onChange={(event) => setOperator(event.currentTarget.value)}
          >
            <option value={ALL}>{t('calls.allOperators')}</option>
            {[...operators.entries()]
              .sort((a, b) => a[1].localeCompare(b[1]))
              .map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {calls.loading && calls.data === null && <p class="hint">{t('page.loading')}</p>}
      {calls.error !== null && <ConsoleNotice notice={consoleErrorNotice(calls.error, t)} />}
      {calls.data && shown.length === 0 && <p class="hint">{t('calls.empty')}</p>}
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="calls">
            <thead>
              <tr>
                <th scope="col">{t('calls.colWhen')}</th>
                <th scope="col">{t('calls.colOperator')}</th>
                <th scope="col">{t('calls.colType')}</th>
                <th scope="col">{t('calls.colDuration')}</th>
                <th scope="col">{t('calls.colScored')}</th>
                <th scope="col">{t('calls.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((call) => {
                const last = call.tags[call.tags.length - 1];
                return (
                  <tr
                    key={call.id}
                    data-testid="call-row"
                    data-call={call.id}
                    data-scored={call.scored ? 'true' : 'false'}
                  >
                    <td>{when(call)}</td>
                    <td>{call.userName}</td>
                    <td>{nameOf(callTypes, last?.typeId, t('calls.untagged'))}</td>
                    <td class="num">
                      {call.durationMs === null ? t('calls.running') : formatDuration(call.durationMs)}
                    </td>
                    <td>
                      {call.scored ? (
                        <span class="badge badge-ok">{t('calls.scored')}</span>
                      ) : (
                        <span class="badge">{t('calls.notScored')}</span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        data-testid="call-open"
                        disabled={call.endedAt === null}
                        onClick={() => onOpen(call.id)}
                      >
                        {call.scored ? t('calls.open') : t('calls.score')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
