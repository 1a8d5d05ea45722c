// A <select> over fixed values, each with its label: the bare control that SelectField (drafts)
// and the plan's fields wrap with their own label and problems.

type Props<V extends string> = {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** Where the draft problems point: the control is found by it (`data-path`). */
  path: readonly (string | number)[];
  testId?: string;
  disabled?: boolean;
};

export function OptionSelect<V extends string>({ value, options, onChange, path, testId, disabled }: Props<V>) {
  return (
    <select
      data-testid={testId}
      data-path={path.join('.')}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value as V)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
