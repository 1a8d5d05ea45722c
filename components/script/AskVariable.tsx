// One small field for a variable the page did not give (the tariff when the CRM shows none, say):
// what the operator types fills every module of this call (kept per call in the panel's memory).
// Enter keeps it, Esc hides the field.
import { usePanelI18n } from '@/lib/panel/i18n-context';
import { TextPrompt } from './TextPrompt';

interface Props {
  name: string;
  /** Focus the field: the operator pressed the missing value's button. */
  focus: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
}

export function AskVariable({ name, focus, onSave, onCancel }: Props) {
  const { t } = usePanelI18n();
  return (
    <TextPrompt
      label={t('ask', { name: name.replace(/_/g, ' ') })}
      maxLength={200}
      focus={focus}
      onSubmit={onSave}
      onCancel={onCancel}
      testId="ask-variable"
    />
  );
}
