/**
 * Between customers: the ticket being called, large, and the one-screen form that starts the next
 * service (ticket prefilled, title, optional surname, business type).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TitleSchema, type BusinessType, type Title } from '../../../core/domain/catalog';
import type { CallFailure } from '../../platform';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { useListLabel } from '../shared/use-list-label';
import { ShortcutsButton } from './ShortcutsButton';

/** The ticket call last made from this screen, as the player reports it. */
export interface CallStatus {
  id: number;
  ticket: string;
  /** The clips the player scheduled, in order; null until they are decoded and started. */
  clips: readonly string[] | null;
  state: 'calling' | 'heard' | 'failed';
  failure: CallFailure | null;
}

export interface StartInput {
  ticket: string;
  title: Title;
  surname: string | null;
  businessType: string;
}

export function StartPanel({
  calling,
  call,
  onRepeatCall,
  onTurnToCustomer,
  suggestedTicket,
  businessTypes,
  onStart,
  onSubmitted,
  onCallNext,
  onShowShortcuts,
}: {
  calling: string | null;
  /** The call of `calling` made from this screen, if any (null after a reload). */
  call: CallStatus | null;
  onRepeatCall: () => void;
  /** Shown while the service that just ended awaits the customer's rating. */
  onTurnToCustomer: (() => void) | null;
  suggestedTicket: string;
  businessTypes: readonly BusinessType[];
  onStart: (input: StartInput) => void;
  /** The form was sent: a refusal of the previous attempt no longer applies. */
  onSubmitted: () => void;
  onCallNext: () => void;
  onShowShortcuts: () => void;
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
    onSubmitted();
    if (!ticket.trim()) return setMissing(t('start.missing.ticket'));
    if (!title) return setMissing(t('start.missing.title'));
    if (!businessType) return setMissing(t('start.missing.businessType'));
    setMissing(null);
    onStart({ ticket, title, surname: surname.trim() || null, businessType });
  };

  return (
    <main className="start">
      <div
        className="start-calling"
        data-last-call={call?.clips?.join(' ')}
        data-call-state={call?.state}
      >
        {calling ? (
          <>
            <p className="label">{t('start.calling')}</p>
            <div className="calling-row">
              <p className="ticket-huge" data-testid="calling-ticket">
                {calling}
              </p>
              <button type="button" className="secondary big" onClick={onRepeatCall}>
                {t('start.repeatCall')}
              </button>
            </div>
            {call?.state === 'failed' && (
              <p className="call-problem" role="status">
                {t(`call.failed.${call.failure ?? 'unreadable'}`)}
              </p>
            )}
          </>
        ) : (
          <p className="label">{t('start.noneCalling')}</p>
        )}
        <div className="call-next-row">
          <button
            type="button"
            className="secondary big"
            aria-keyshortcuts="N"
            onClick={onCallNext}
          >
            {t('start.callNext')}
          </button>
          <ShortcutsButton onClick={onShowShortcuts} />
        </div>
        {onTurnToCustomer && (
          <div className="turn-to-customer">
            <p className="hint">{t('display.turnHint')}</p>
            <button type="button" className="secondary big" onClick={onTurnToCustomer}>
              {t('display.turn')}
            </button>
          </div>
        )}
      </div>
      <form className="start-form panel" onSubmit={submit} noValidate aria-labelledby="start-title">
        <h2 id="start-title">{t('start.title')}</h2>
        <TextField
          label={t('start.ticket')}
          value={ticket}
          onChange={(value) => setTicket(value.toUpperCase().replace(/\s/g, ''))}
          maxLength={6}
          placeholder="A001"
        />
        <div className="start-who">
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
        </div>
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
      </form>
    </main>
  );
}
