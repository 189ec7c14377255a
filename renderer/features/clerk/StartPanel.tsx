/**
 * Between customers: the ticket being called, large, and the one-screen form that starts the next
 * service (ticket prefilled, title, optional surname, business type).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TitleSchema, type BusinessType, type Title } from '../../domain/catalog';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { useListLabel } from '../shared/use-list-label';

export interface StartInput {
  ticket: string;
  title: Title;
  surname: string | null;
  businessType: string;
}

export function StartPanel({
  calling,
  suggestedTicket,
  businessTypes,
  onStart,
  onCallNext,
}: {
  calling: string | null;
  suggestedTicket: string;
  businessTypes: readonly BusinessType[];
  onStart: (input: StartInput) => void;
  onCallNext: () => void;
}) {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState(suggestedTicket);
  const [title, setTitle] = useState<Title | null>(null);
  const [surname, setSurname] = useState('');
  const [businessType, setBusinessType] = useState<string | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const label = useListLabel();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ticket.trim()) return setMissing(t('start.missing.ticket'));
    if (!title) return setMissing(t('start.missing.title'));
    if (!businessType) return setMissing(t('start.missing.businessType'));
    setMissing(null);
    onStart({ ticket, title, surname: surname.trim() || null, businessType });
  };

  return (
    <form className="start" onSubmit={submit} noValidate aria-labelledby="start-title">
      <div className="start-calling">
        {calling ? (
          <>
            <p className="label">{t('start.calling')}</p>
            <p className="ticket-huge" data-testid="calling-ticket">
              {calling}
            </p>
          </>
        ) : (
          <p className="label">{t('start.noneCalling')}</p>
        )}
        <button type="button" className="secondary big" onClick={onCallNext}>
          {t('start.callNext')}
        </button>
      </div>
      <div className="start-form panel">
        <h2 id="start-title">{t('start.title')}</h2>
        <TextField
          label={t('start.ticket')}
          value={ticket}
          onChange={(value) => setTicket(value.toUpperCase().replace(/\s/g, ''))}
          maxLength={6}
          placeholder="A001"
        />
        <ChoiceGroup
          label={t('start.customerTitle')}
          options={TitleSchema.options}
          value={title}
          onChange={setTitle}
          labelOf={(code) => t(`titles.${code}`)}
        />
        <TextField
          label={t('start.surname')}
          value={surname}
          onChange={(value) => setSurname(value)}
          maxLength={30}
        />
        <ChoiceGroup
          label={t('start.businessType')}
          options={businessTypes.map((type) => type.code)}
          value={businessType}
          onChange={setBusinessType}
          labelOf={(code) => label('business-types', code)}
        />
        {missing && (
          <p className="form-error" role="alert">
            {missing}
          </p>
        )}
        <button type="submit" className="primary huge">
          {t('start.submit')}
        </button>
      </div>
    </form>
  );
}
