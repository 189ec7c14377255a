/** 叫号: the next ticket, shown large as it will be called, editable if the queue skipped one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketSchema } from '../../../core/domain/catalog';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

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
      confirm={{
        label: t('callNext.confirm', { ticket }),
        onClick: () => onConfirm(ticket),
        disabled: !valid,
      }}
    >
      <p className="ticket-huge" aria-hidden="true">
        {ticket || '—'}
      </p>
      <TextField
        label={t('callNext.ticket')}
        value={ticket}
        onChange={(value) => setTicket(value.toUpperCase().replace(/\s/g, ''))}
        maxLength={6}
      />
      {!valid && ticket !== '' && (
        <p className="form-error" role="alert">
          {t('refusal.invalid-ticket')}
        </p>
      )}
    </Dialog>
  );
}
