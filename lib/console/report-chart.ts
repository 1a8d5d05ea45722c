// Chart.js for the console's reports and the plan's bonus scale: only the controllers, elements and
// scales those charts use are registered (tree-shaken bundle), once. Labels are plain strings drawn
// on a canvas, never HTML.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

let registered = false;

export function chartClass(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Legend,
      Tooltip,
    );
    registered = true;
  }
  return Chart;
}

/** The console's series colours (the same tones as its percent bars). */
export const CHART_COLORS = {
  now: '#2563eb',
  before: '#94a3b8',
  good: '#16a34a',
  warn: '#dc2626',
  extra: '#f59e0b',
} as const;
