// The stand-up's headline figures as tiles: calls against the period before, the share of
// effective calls, sales and revenue, the conversion of connection requests, accepted offers,
// untagged calls and operators flagged for "many calls, few reached". A figure still loading
// shows a dash.
import { formatCount, formatMoney, formatShare, ratio } from '../../../lib/console/report-format';
import { teamFigures } from '../../../lib/console/report-operators';
import { upsellTotals } from '../../../lib/console/report-upsell';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { Locale } from '../../../lib/schema/primitives';
import type { ConversionReport, MixReport, OperatorReport, UpsellReport } from '../../../lib/schema/reports';

type Props = {
  t: ConsoleTranslate;
  locale: Locale;
  currency: string;
  mix: MixReport | null;
  operators: OperatorReport | null;
  conversion: ConversionReport | null;
  upsell: UpsellReport | null;
};

type Tile = { key: string; label: string; value: string; sub?: string; warn?: boolean };

const DASH = '—';

export function ReportTiles({ t, locale, currency, mix, operators, conversion, upsell }: Props) {
  const team = operators ? teamFigures(operators) : null;
  const offers = upsell ? upsellTotals(upsell.rows) : null;
  const change = mix ? ratio(mix.total - mix.previousTotal, mix.previousTotal) : null;
  const tiles: Tile[] = [
    {
      key: 'calls',
      label: t('reports.tile.calls'),
      value: mix ? formatCount(mix.total, locale) : DASH,
      sub: mix
        ? change === null
          ? t('reports.tile.callsBeforeNone')
          : t('reports.tile.callsBefore', {
              change: `${change > 0 ? '+' : ''}${formatShare(change, locale)}`,
              before: formatCount(mix.previousTotal, locale),
            })
        : undefined,
    },
    {
      key: 'effective',
      label: t('reports.tile.effective'),
      value: team ? formatShare(team.effectiveShare, locale) : DASH,
      sub: team
        ? t('reports.tile.effectiveOf', {
            effective: formatCount(team.effectiveCalls, locale),
            calls: formatCount(team.calls, locale),
          })
        : undefined,
    },
    {
      key: 'sales',
      label: t('reports.tile.sales'),
      value: team ? formatCount(team.sales, locale) : DASH,
      sub: team ? t('reports.tile.revenue', { amount: formatMoney(team.revenue, locale, currency) }) : undefined,
    },
    {
      key: 'conversion',
      label: t('reports.tile.conversion'),
      value: conversion ? formatShare(conversion.rate, locale) : DASH,
      sub: conversion
        ? t('reports.tile.conversionOf', { connected: conversion.connected, requests: conversion.requests })
        : undefined,
    },
    {
      key: 'upsell',
      label: t('reports.tile.upsell'),
      value: offers ? formatShare(offers.acceptRate, locale) : DASH,
      sub: offers ? t('reports.tile.upsellOf', { accepted: offers.accepted, offered: offers.offered }) : undefined,
    },
    {
      key: 'untagged',
      label: t('reports.tile.untagged'),
      value: mix ? formatShare(mix.untaggedShare, locale) : DASH,
    },
    {
      key: 'anomalies',
      label: t('reports.tile.anomalies'),
      value: team ? formatCount(team.flaggedOperators, locale) : DASH,
      sub: t('reports.tile.anomaliesHint'),
      warn: (team?.flaggedOperators ?? 0) > 0,
    },
  ];
  return (
    <div class="tiles" data-testid="report-tiles">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          class={`tile${tile.warn ? ' tile--warn' : ''}`}
          data-testid="report-tile"
          data-tile={tile.key}
        >
          <span class="tile__label">{tile.label}</span>
          <strong class="tile__value">{tile.value}</strong>
          {tile.sub && <span class="tile__sub">{tile.sub}</span>}
        </div>
      ))}
    </div>
  );
}
