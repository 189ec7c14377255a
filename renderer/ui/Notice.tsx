/**
 * A message the user must see: a refusal, a storage failure. Shown in a layer above everything,
 * open dialogs included, and announced to screen readers as it appears.
 */
import { createPortal } from 'react-dom';

export function Notice({
  message,
  onDismiss,
  dismissLabel,
}: {
  message: string;
  onDismiss: () => void;
  dismissLabel: string;
}) {
  return createPortal(
    <div className="notice-layer">
      <div className="notice" role="alert" aria-live="assertive">
        <span>{message}</span>
        <button type="button" onClick={onDismiss}>
          {dismissLabel}
        </button>
      </div>
    </div>,
    document.body,
  );
}
