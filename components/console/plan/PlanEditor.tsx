// The plan document's fields in the order a lead thinks them through: the month and the formula,
// the count targets, the split across operators, the pay rule. Every edit passes through
// derivePlan, so the revenue target and a computed split never lag behind their inputs.
import { derivePlan } from '../../../lib/console/plan-draft';
import { FormulaFields } from './FormulaFields';
import { PayFields } from './PayFields';
import type { PlanPartProps } from './plan-props';
import { SplitFields } from './SplitFields';
import { TargetFields } from './TargetFields';

export function PlanEditor({ ctx, value, onChange, problems, readOnly }: PlanPartProps) {
  const part = { ctx, value, problems, readOnly, onChange: (next: typeof value) => onChange(derivePlan(next)) };
  return (
    <fieldset class="plain plan-editor" data-testid="plan-editor" disabled={readOnly}>
      <FormulaFields {...part} />
      <TargetFields {...part} />
      <SplitFields {...part} />
      <PayFields {...part} />
    </fieldset>
  );
}
