/** A message the clerk must see: refusals, storage errors. Announced to screen readers. */
export function Notice({
  message,
  onDismiss,
  dismissLabel,
}: {
  message: string;
  onDismiss: () => void;
  dismissLabel: string;
}) {
  return (
    <div className="notice" role="alert">
      <span>{message}</span>
      <button type="button" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </div>
  );
}
