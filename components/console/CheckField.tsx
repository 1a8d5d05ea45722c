// A yes/no field of a draft (critical item, N/A allowed, tariff still sold…).
type Props = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
};

export function CheckField({ label, checked, onChange, testId }: Props) {
  return (
    <label class="check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
