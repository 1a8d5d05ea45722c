// The operator's month at a glance, under the call: plan done and percent, today, the pace needed
// per remaining shift, the bonus earned and projected, a what-if and the cheap-tariff warning. All
// numbers come worked out from the background (lib/background/plan-feed.ts), also offline.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PlanView } from '@/lib/messaging/panel-protocol';
import { formatWhole } from '@/lib/panel/format';
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { memo } from '@/lib/panel/memo';

interface Props {
  plan: PlanView;
  /** When the last outcome was pressed: the e2e probe measures outcome -> plan view updated. */
  outcomeAt: number | null;
  onShown?: (latencyMs: number) => void;
}

/**
 * Re-rendered only for a new plan view: `outcomeAt` changes at the press, before the view does,
 * and only matters for the render the new view causes (which reads the newest props).
 */
export const PlanSummary = memo(PlanSummaryView, (a, b) => a.plan === b.plan && a.onShown === b.onShown);

function PlanSummaryView({ plan, outcomeAt, onShown }: Props) {
  const { t, locale } = usePanelI18n();
  // Once per press: a later plan change (a pull, the clock) is not the outcome's.
  const measured = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (outcomeAt === null || measured.current === outcomeAt) return;
    measured.current = outcomeAt;
    onShown?.(performance.now() - outcomeAt);
  }, [plan]);
  const number = (value: number) => formatWhole(value, locale);
  const money = (value: number) => `${number(value)} ${plan.currency}`;
  const amount = plan.measure === 'revenue' ? money : number;
  const percent = Math.round(plan.percent);

  return (
    <section class="plan" data-testid="plan" data-percent={percent}>
      <div class="plan__head">
        <span>{t('planTitle')}</span>
        <span data-testid="plan-done">
          {amount(plan.done)} / {amount(plan.target)} · {percent}%
        </span>
      </div>
      <div class="plan__bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <span style={{ width: `${Math.min(100, Math.max(0, plan.percent))}%` }} />
      </div>
      <dl class="plan__figures">
        <div>
          <dt>{t('planToday')}</dt>
          <dd data-testid="plan-today">
            {t('planTodayValue', { sales: plan.today.sales, revenue: money(plan.today.revenue) })}
          </dd>
        </div>
        <div>
          <dt>{t('planPace')}</dt>
          <dd data-testid="plan-pace">
            {t('planPaceValue', { pace: amount(plan.pacePerShift), shifts: plan.remainingShifts })}
          </dd>
        </div>
        <div>
          <dt>{t('planBonus')}</dt>
          <dd data-testid="plan-bonus">
            {t('planBonusValue', { earned: money(plan.earnedBonus), projected: money(plan.projectedBonus) })}
          </dd>
        </div>
      </dl>
      {plan.whatIf && plan.whatIf.bonus > 0 && (
        <p class="plan__whatif" data-testid="plan-whatif">
          {t('planWhatIf', { count: plan.whatIf.upgrades, bonus: money(plan.whatIf.bonus) })}
        </p>
      )}
      {plan.mixWarning && (
        <p class="plan__warning" data-testid="plan-mix-warning">
          {t('planMixWarning')}
        </p>
      )}
    </section>
  );
}
