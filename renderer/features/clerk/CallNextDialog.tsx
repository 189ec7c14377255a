/** 叫号: the next ticket, shown large as it will be called, editable if the queue skipped one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketSchema } from '../../domain/catalog';
import { Dialog } from '../../ui/Dialog';

export function CallNextDialog({
  suggested,
  onCancel,
  onConfirm,
}: {
  suggested: string;
  onCancel: () => void;
  onConfirm: (ticket: string) => void;
}) {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState(suggested);
  const valid = TicketSchema.safeParse(ticket).success;
  return (
    <Dialog
      title={t('callNext.title')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!valid}
            onClick={() => onConfirm(ticket)}
          >
            {t('callNext.confirm', { ticket })}
          </button>
        </>
      }
    >
      <p className="ticket-huge" aria-hidden="true">
        {ticket || '—'}
      </p>
      <label className="field">
        {t('callNext.ticket')}
        <input
          value={ticket}
          maxLength={6}
          autoComplete="off"
          onChange={(event) => setTicket(event.target.value.toUpperCase().replace(/\s/g, ''))}
        />
      </label>
      {!valid && ticket !== '' && (
        <p className="form-error" role="alert">
          {t('refusal.invalid-ticket')}
        </p>
      )}
    </Dialog>
  );
}
