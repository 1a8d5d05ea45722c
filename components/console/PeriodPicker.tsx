// The period a quality view covers: two dates (whole local days). An incomplete date is ignored
// until it is a real one.
import { fromDateInput, type Period, toDateInput } from '../../lib/console/period';
import type { ConsoleTranslate } from '../../lib/i18n/console-messages';

type Props = {
  t: ConsoleTranslate;
  value: Period;
  onChange: (period: Period) => void;
};

export function PeriodPicker({ t, value, onChange }: Props) {
  return (
    <div class="row period" data-testid="period">
      <label class="field">
        <span class="field-label">{t('period.from')}</span>
        <input
          type="date"
          data-testid="period-from"
          value={toDateInput(value.from)}
          onChange={(event) => {
            const from = fromDateInput(event.currentTarget.value, 'start');
            if (from !== null) onChange({ from, to: Math.max(value.to, from) });
          }}
        />
      </label>
      <label class="field">
        <span class="field-label">{t('period.to')}</span>
        <input
          type="date"
          data-testid="period-to"
          value={toDateInput(value.to)}
          onChange={(event) => {
            const to = fromDateInput(event.currentTarget.value, 'end');
            if (to !== null) onChange({ from: Math.min(value.from, to), to });
          }}
        />
      </label>
    </div>
  );
}
