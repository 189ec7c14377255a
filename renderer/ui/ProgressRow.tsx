/** Work under way: a progress bar named by what it says, anything to show beside it, and Cancel. */
import type { ReactNode } from 'react';

export function ProgressRow({
  value,
  max,
  label,
  cancelLabel,
  onCancel,
  children,
}: {
  value: number;
  max: number;
  /** The bar's accessible name (how far along, in words). */
  label: string;
  cancelLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="progress">
      <progress value={value} max={max} aria-label={label} />
      {children}
      <button type="button" className="secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
