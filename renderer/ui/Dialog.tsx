/**
 * A modal sheet for the quick tasks (skip, money, recommend…): a title, the content, Cancel and
 * one confirming button. Escape and the backdrop cancel.
 */
import { useId, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogConfirm {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

export function Dialog({
  title,
  onClose,
  confirm,
  cancelLabel,
  children,
}: {
  title: string;
  onClose: () => void;
  /** Without one, the dialog's own buttons (in `children`) do the confirming. */
  confirm?: DialogConfirm;
  /** The closing button's words: Cancel unless said otherwise (Close, for a list). */
  cancelLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  // Listening from the moment the dialog is committed (a passive effect may wait for the next
  // frame), so an Escape pressed as it appears closes it.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="backdrop" onClick={onClose}>
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">
          <button type="button" className="secondary" onClick={onClose}>
            {cancelLabel ?? t('common.cancel')}
          </button>
          {confirm && (
            <button
              type="button"
              className="primary"
              disabled={confirm.disabled}
              onClick={confirm.onClick}
            >
              {confirm.label}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
