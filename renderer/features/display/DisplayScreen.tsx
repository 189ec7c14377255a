/**
 * The customer display: a second view of the same app, on a screen facing the customer (its own
 * window in Electron, its own tab with `?display=1` in the browser build). Its store is opened
 * with `display: true`, the one place the domain accepts a customer's rating from. It reads the
 * device's state like every screen (another window's records arrive through the store) and shows,
 * large, the ticket called and the counter, the clerk's staff number (never a name), and, once a
 * service has just ended, the question of how it was.
 *
 * A display the clerk opened for the customer in front of them ("turned") closes itself once the
 * customer has answered, or when there is nothing to ask.
 */
import './display.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { useNow } from '../../ui/use-now';
import { serviceAwaitingRating } from '../shared/rating';
import { useDeviceState } from '../shared/store-context';
import { RatingQuestion } from './RatingQuestion';

/** How long the thanks stay on screen after an answer. */
export const THANKS_MS = 4_000;
/** A turned display with nothing to ask closes after this long. */
export const NOTHING_TO_ASK_MS = 8_000;

export function DisplayScreen({ turned }: { turned: boolean }) {
  const { t } = useTranslation();
  const state = useDeviceState();
  const now = useNow(1_000);
  const { counter, session, lastCalled } = state;
  const service = state.service;

  // The question is asked once per service: from the moment it is first seen (within the window
  // after the service ended) until it is answered, times out, or another service starts.
  const [asked, setAsked] = useState<string | null>(null);
  const [thanksUntil, setThanksUntil] = useState(0);
  const awaiting = serviceAwaitingRating(state, now);
  if (awaiting && asked !== awaiting.serviceId) setAsked(awaiting.serviceId);
  const asking =
    service && service.serviceId === asked && service.outcome !== 'open' && service.rating === null
      ? service
      : null;
  const thanking = !asking && now < thanksUntil;

  const onAnswered = useCallback(
    (answered: boolean) => {
      if (answered) setThanksUntil(Date.now() + THANKS_MS);
      if (turned) setTimeout(() => window.close(), answered ? THANKS_MS : 0);
    },
    [turned],
  );

  // A turned display with nothing to ask goes away by itself.
  const idle = turned && !asking && !thanking;
  useEffect(() => {
    if (!idle) return;
    const timer = setTimeout(() => window.close(), NOTHING_TO_ASK_MS);
    return () => clearTimeout(timer);
  }, [idle]);

  if (counter === null) {
    return (
      <main className="display" data-view="display" aria-labelledby="display-title">
        <h1 id="display-title" className="display-welcome">
          {t('display.notSetUp')}
        </h1>
      </main>
    );
  }

  const serving = service?.outcome === 'open' ? service.ticket : null;
  const shownTicket = serving ?? lastCalled;

  return (
    <main className="display" data-view="display" aria-labelledby="display-title">
      <header className="display-header">
        <h1 id="display-title" className="display-counter">
          {t('display.counter', { counter })}
        </h1>
        {session && (
          <p className="display-staff" data-testid="display-staff">
            {t('display.staff', { staffNo: session.staffNo })}
          </p>
        )}
        <LanguageSwitcher remember={false} />
      </header>
      {asking ? (
        <RatingQuestion
          key={asking.serviceId}
          serviceId={asking.serviceId}
          onAnswered={onAnswered}
        />
      ) : thanking ? (
        <section className="display-body" aria-live="polite">
          <p className="display-thanks">{t('rating.thanks')}</p>
        </section>
      ) : (
        <section className="display-body" aria-live="polite" data-testid="display-calling">
          {shownTicket ? (
            <>
              <p className="display-label">
                {serving ? t('display.serving') : t('display.calling')}
              </p>
              <p className="display-ticket">{shownTicket}</p>
              {!serving && <p className="display-go">{t('display.goTo', { counter })}</p>}
            </>
          ) : (
            <p className="display-welcome">{t('display.welcome')}</p>
          )}
        </section>
      )}
    </main>
  );
}
