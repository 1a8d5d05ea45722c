// The buttons at the end of an editable list entry: move it up, move it down, remove it. Each is
// named for screen readers (which entry it acts on) and disabled where it cannot act.
interface RowAction {
  /** What the button does to which entry, for screen readers. */
  label: string;
  disabled: boolean;
  onClick: () => void;
}

type Props = {
  /** Absent for a list whose order does not matter. */
  up?: RowAction;
  down?: RowAction;
  remove: RowAction;
};

export function RowActions({ up, down, remove }: Props) {
  return (
    <span class="row-actions">
      {up && (
        <button type="button" aria-label={up.label} disabled={up.disabled} onClick={up.onClick}>
          ↑
        </button>
      )}
      {down && (
        <button type="button" aria-label={down.label} disabled={down.disabled} onClick={down.onClick}>
          ↓
        </button>
      )}
      <button
        type="button"
        class="danger"
        aria-label={remove.label}
        disabled={remove.disabled}
        onClick={remove.onClick}
      >
        ×
      </button>
    </span>
  );
}
