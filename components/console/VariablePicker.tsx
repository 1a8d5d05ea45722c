// The variables an author can insert into a text, as buttons: each inserts `{name}` at the cursor
// of the text field beside it. The description says where the panel takes the value from.

import { TEMPLATE_VARIABLES, type TemplateVariable } from '../../lib/console/template-vars';
import type { ConsoleKey, ConsoleTranslate } from '../../lib/i18n/console-messages';

const DESCRIPTIONS: Record<TemplateVariable, ConsoleKey> = {
  name: 'var.name',
  first_name: 'var.first_name',
  contract: 'var.contract',
  tariff: 'var.tariff',
  tariff_price: 'var.tariff_price',
  tariff_speed: 'var.tariff_speed',
  balance: 'var.balance',
  upgrade_tariff: 'var.upgrade_tariff',
  upgrade_price: 'var.upgrade_price',
  price_delta: 'var.price_delta',
  upgrade_speed: 'var.upgrade_speed',
  currency: 'var.currency',
};

type Props = {
  t: ConsoleTranslate;
  disabled: boolean;
  onInsert: (name: TemplateVariable) => void;
};

export function VariablePicker({ t, disabled, onInsert }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form fieldset
    <div class="var-picker" role="group" aria-label={t('var.title')} data-testid="variable-picker">
      <span class="hint">{t('var.title')}</span>
      {TEMPLATE_VARIABLES.map((name) => (
        <button
          key={name}
          type="button"
          class="var-button"
          title={t(DESCRIPTIONS[name])}
          data-var={name}
          disabled={disabled}
          // Keep the text field's selection: the button must not take the focus on mouse down.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onInsert(name)}
        >
          {`{${name}}`}
        </button>
      ))}
    </div>
  );
}
