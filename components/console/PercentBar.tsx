// A percentage as a number and a bar (no chart library for a table this small). The bar's width
// is a style value computed from the number, never text from the server.
import type { Locale } from '../../lib/schema/primitives';

type Props = {
  percent: number | null;
  locale: Locale;
  tone: 'lead' | 'self';
  empty: string;
};

export function PercentBar({ percent, locale, tone, empty }: Props) {
  if (percent === null) return <span class="hint">{empty}</span>;
  const width = Math.max(0, Math.min(100, percent));
  return (
    <span class="percent-bar" data-percent={percent}>
      <span class="percent-bar__track">
        <span class={`percent-bar__fill percent-bar__fill--${tone}`} style={{ width: `${width}%` }} />
      </span>
      <span class="percent-bar__value">{`${percent.toLocaleString(locale, { maximumFractionDigits: 1 })} %`}</span>
    </span>
  );
}
