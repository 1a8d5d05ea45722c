// The report's period in one click — yesterday (the morning stand-up's default), this week, this
// month — or two dates of one's own choosing.
import {
  fromPickedDays,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
  type ReportPeriod,
  toPickedDays,
} from '../../../lib/console/report-period';
import type { ConsoleTranslate } from '../../../lib/i18n/console-messages';
import { PeriodPicker } from '../PeriodPicker';

type Props = {
  t: ConsoleTranslate;
  preset: PeriodPreset;
  period: ReportPeriod;
  onChange: (preset: PeriodPreset, period: ReportPeriod) => void;
};

export function ReportPeriodPicker({ t, preset, period, onChange }: Props) {
  return (
    <div class="report-period" data-testid="report-period">
      <fieldset class="plain segmented">
        <legend class="field-label">{t('reports.period')}</legend>
        {PERIOD_PRESETS.map((option) => (
          <button
            key={option}
            type="button"
            data-testid={`report-period-${option}`}
            aria-pressed={option === preset}
            class={option === preset ? 'segmented__on' : undefined}
            onClick={() => onChange(option, option === 'custom' ? period : presetPeriod(option, Date.now()))}
          >
            {t(`reports.preset.${option}`)}
          </button>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <PeriodPicker
          t={t}
          value={toPickedDays(period)}
          onChange={(days) => onChange('custom', fromPickedDays(days))}
        />
      )}
    </div>
  );
}
