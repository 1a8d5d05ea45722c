// The bonus scale as a small line chart: attainment of plan (%) across, share of the bonus paid (%)
// up, flat before the first point and after the last one, as lib/plan/bonus.ts reads it.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { CHART_COLORS } from '../../../lib/console/report-chart';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import type { BonusPoint } from '../../../lib/schema/plan';
import { ChartCanvas } from '../reports/ChartCanvas';

type Props = { t: ConsoleTranslate; scale: readonly BonusPoint[] };

/** Room on both sides of the scale, so its flat ends show. */
const MARGIN = 20;

export function ScaleChart({ t, scale }: Props) {
  const config = useMemo<ChartConfiguration>(() => {
    const first = scale[0]!;
    const last = scale[scale.length - 1]!;
    const points = [
      { x: Math.max(0, first.attainment - MARGIN), y: first.share },
      ...scale.map((p) => ({ x: p.attainment, y: p.share })),
      { x: last.attainment + MARGIN, y: last.share },
    ];
    return {
      type: 'line',
      data: {
        datasets: [
          {
            label: t('plan.chart.share'),
            data: points,
            borderColor: CHART_COLORS.now,
            backgroundColor: CHART_COLORS.now,
            tension: 0,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { type: 'linear', title: { display: true, text: t('plan.chart.attainment') } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: t('plan.chart.share') } },
        },
      },
    };
  }, [scale, t]);
  const summary = scale.map((p) => `${p.attainment} % → ${p.share} %`).join(', ');
  return (
    <ChartCanvas
      config={config}
      label={t('plan.chart.label', { points: summary })}
      testId="plan-scale-chart"
      height={180}
    />
  );
}
