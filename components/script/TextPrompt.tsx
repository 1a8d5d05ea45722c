// A one-line field the panel asks a short text with: Enter submits, Esc cancels. It takes the
// focus only when the operator asked for it in the panel (`focus`).
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  label: string;
  maxLength: number;
  focus: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  testId: string;
}

export function TextPrompt({ label, maxLength, focus, onSubmit, onCancel, testId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (focus) input.current?.focus();
  }, [focus, label]);
  return (
    <label class="ask" data-testid={testId}>
      {label}
      <input
        ref={input}
        key={label}
        class="field"
        maxLength={maxLength}
        onKeyDown={(event) => {
          const text = event.currentTarget.value.trim();
          if (event.key === 'Enter' && text) onSubmit(text);
          else if (event.key === 'Escape') onCancel();
          else return;
          event.preventDefault();
        }}
      />
    </label>
  );
}
