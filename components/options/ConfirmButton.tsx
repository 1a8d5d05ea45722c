// A destructive button that asks "are you sure?" inline instead of a blocking confirm() dialog.
import { useState } from 'preact/hooks';

type Props = {
  label: string;
  question: string;
  yes: string;
  no: string;
  disabled?: boolean;
  onConfirm: () => void;
};

export function ConfirmButton({ label, question, yes, no, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: an inline question and two buttons, not a form fieldset
    <span class="confirm" role="group">
      <span>{question}</span>
      <button
        type="button"
        class="danger"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {no}
      </button>
    </span>
  );
}
