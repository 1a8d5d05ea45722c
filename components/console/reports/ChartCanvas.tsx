// One Chart.js chart on a canvas: created in an effect from the given configuration, destroyed when
// the configuration changes or the view goes away. The canvas carries a text summary for screen
// readers; where a canvas cannot draw (no 2D context) nothing is drawn and the tables still tell all.
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { chartClass } from '../../../lib/console/report-chart';

type Props = {
  /** Memoise it: a new object draws the chart anew. */
  config: ChartConfiguration;
  label: string;
  testId?: string;
  height?: number;
};

export function ChartCanvas({ config, label, testId, height = 220 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element?.getContext?.('2d')) return;
    const Chart = chartClass();
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart" style={{ height: `${height}px` }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
