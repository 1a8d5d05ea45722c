// The lead's reports, made for a five-minute morning stand-up: pick the period (yesterday by
// default) and the team; headline tiles; the call-type mix against the period before with drifts
// called out; the conversion of connection requests; upsell per call type and per operator; each
// operator's days or weeks with the anomaly flag. Every table exports to CSV; objections and
// quality scores are a link away in their own sections.
import { useMemo, useState } from 'preact/hooks';
import { effectiveBody, readWith } from '../../../lib/console/base';
import { defaultContent } from '../../../lib/console/documents';
import { nameOf } from '../../../lib/console/labels';
import { toDateInput } from '../../../lib/console/period';
import { formatShare } from '../../../lib/console/report-format';
import { mixLines } from '../../../lib/console/report-mix';
import { localTimeZone, type PeriodPreset, presetPeriod, type ReportPeriod } from '../../../lib/console/report-period';
import { upsellLines } from '../../../lib/console/report-upsell';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import { request } from '../../../lib/messaging/client';
import type { SessionUser } from '../../../lib/schema/api';
import { TariffCatalogue } from '../../../lib/schema/content';
import type { Locale } from '../../../lib/schema/primitives';
import { ConsoleNotice, consoleErrorNotice } from '../ConsoleNotice';
import { useLabels } from '../use-labels';
import { type Loaded, useLoad } from '../use-load';
import { MixSection } from './MixSection';
import { OperatorSection } from './OperatorSection';
import { ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportTiles } from './ReportTiles';
import { firstReportTeam, TeamPicker } from './TeamPicker';
import { UpsellSection } from './UpsellSection';

type Props = { t: ConsoleTranslate; locale: Locale; user: SessionUser };

const readTariffs = (body: unknown) => readWith(TariffCatalogue, body);

/** Loading, failed or empty: the line a report section shows instead of its table. */
function Status<T>({ t, loaded }: { t: ConsoleTranslate; loaded: Loaded<T> }) {
  if (loaded.error !== null) return <ConsoleNotice notice={consoleErrorNotice(loaded.error, t)} />;
  if (loaded.data === null) return <p class="hint">{t('page.loading')}</p>;
  return null;
}

export function ReportsView({ t, locale, user }: Props) {
  const [preset, setPreset] = useState<PeriodPreset>('yesterday');
  const [period, setPeriod] = useState<ReportPeriod>(() => presetPeriod('yesterday', Date.now()));
  const [teamId, setTeamId] = useState<string | undefined>(() => firstReportTeam(user));
  const [granularity, setGranularity] = useState<'day' | 'week'>('day');
  const labels = useLabels(locale);
  const query = useMemo(() => ({ from: period.from, to: period.to, teamId, tz: localTimeZone() }), [period, teamId]);
  const deps = [query];

  const mix = useLoad(() => request('console.report.mix', query), deps);
  const conversion = useLoad(() => request('console.report.conversion', query), deps);
  const upsellByType = useLoad(() => request('console.report.upsell', { ...query, by: 'type' }), deps);
  const upsellByOperator = useLoad(() => request('console.report.upsell', { ...query, by: 'operator' }), deps);
  const operators = useLoad(
    () => request('console.report.operators', { ...query, period: granularity }),
    [query, granularity],
  );
  const tariffDocs = useLoad(() => request('console.documents', { kind: 'tariffs' }), []);
  const currency = effectiveBody(tariffDocs.data, teamId ?? null, readTariffs, defaultContent('tariffs')).currency;

  const typeName = (typeId: string | null) => nameOf(labels.callTypes, typeId, t('calls.untagged'));
  const lines = useMemo(
    () => (mix.data ? mixLines(mix.data, [...labels.callTypes.keys()], typeName) : []),
    [mix.data, labels, t],
  );
  const typeUpsell = useMemo(
    () =>
      upsellByType.data
        ? upsellLines(
            upsellByType.data.rows.map((row) => ({
              ...row,
              label: row.key === null || labels.callTypes.has(row.key) ? typeName(row.key) : row.label,
            })),
          )
        : [],
    [upsellByType.data, labels, t],
  );
  const operatorUpsell = useMemo(
    () => (upsellByOperator.data ? upsellLines(upsellByOperator.data.rows) : []),
    [upsellByOperator.data],
  );
  const span = `${toDateInput(period.from)}_${toDateInput(period.to - 1)}`;

  return (
    <section class="card reports" data-testid="console-reports">
      <h2>{t('reports.title')}</h2>
      <p class="hint">{t('reports.intro')}</p>
      <div class="row report-controls">
        <ReportPeriodPicker
          t={t}
          preset={preset}
          period={period}
          onChange={(nextPreset, nextPeriod) => {
            setPreset(nextPreset);
            setPeriod(nextPeriod);
          }}
        />
        <TeamPicker t={t} user={user} value={teamId} onChange={setTeamId} />
      </div>

      <ReportTiles
        t={t}
        locale={locale}
        currency={currency}
        mix={mix.data}
        operators={operators.data}
        conversion={conversion.data}
        upsell={upsellByType.data}
      />

      <section class="report-section" data-testid="report-mix">
        <h3>{t('reports.mix.title')}</h3>
        <p class="hint">{t('reports.mix.intro')}</p>
        <Status t={t} loaded={mix} />
        {mix.data && <MixSection t={t} locale={locale} lines={lines} fileName={`call-mix_${span}`} />}
      </section>

      <section class="report-section" data-testid="report-conversion">
        <h3>{t('reports.conversion.title')}</h3>
        <Status t={t} loaded={conversion} />
        {conversion.data && (
          <p data-testid="conversion-line">
            {t('reports.conversion.line', {
              type: typeName(conversion.data.typeId),
              requests: conversion.data.requests,
              connected: conversion.data.connected,
              rate: formatShare(conversion.data.rate, locale),
            })}
          </p>
        )}
      </section>

      <section class="report-section" data-testid="report-upsell-type">
        <h3>{t('reports.upsell.byType')}</h3>
        <Status t={t} loaded={upsellByType} />
        {upsellByType.data && (
          <UpsellSection
            t={t}
            locale={locale}
            currency={currency}
            by="type"
            lines={typeUpsell}
            fileName={`upsell-by-type_${span}`}
          />
        )}
      </section>

      <section class="report-section" data-testid="report-upsell-operator">
        <h3>{t('reports.upsell.byOperator')}</h3>
        <Status t={t} loaded={upsellByOperator} />
        {upsellByOperator.data && (
          <UpsellSection
            t={t}
            locale={locale}
            currency={currency}
            by="operator"
            lines={operatorUpsell}
            fileName={`upsell-by-operator_${span}`}
          />
        )}
      </section>

      <section class="report-section" data-testid="report-operators">
        <h3>{t('reports.operators.title')}</h3>
        <p class="hint">{t('reports.operators.intro')}</p>
        <fieldset class="plain segmented">
          <legend class="field-label">{t('reports.operators.granularity')}</legend>
          {(['day', 'week'] as const).map((option) => (
            <button
              key={option}
              type="button"
              data-testid={`operators-by-${option}`}
              aria-pressed={option === granularity}
              class={option === granularity ? 'segmented__on' : undefined}
              onClick={() => setGranularity(option)}
            >
              {t(option === 'day' ? 'reports.operators.byDay' : 'reports.operators.byWeek')}
            </button>
          ))}
        </fieldset>
        <Status t={t} loaded={operators} />
        {operators.data && (
          <OperatorSection
            t={t}
            locale={locale}
            currency={currency}
            report={operators.data}
            fileName={`operators-by-${granularity}_${span}`}
          />
        )}
      </section>

      <nav class="report-links" data-testid="report-links" aria-label={t('reports.links')}>
        <a href="#objectionStats">{t('reports.link.objections')}</a>
        <a href="#quality">{t('reports.link.quality')}</a>
        <a href="#calls">{t('reports.link.calls')}</a>
      </nav>
    </section>
  );
}
