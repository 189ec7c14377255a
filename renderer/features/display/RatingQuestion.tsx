/**
 * 满意 / 一般 / 不满意: one tap records the customer's rating of the service that just ended. After
 * 不满意 the customer may pick reasons (optional) and sends. A question left alone for
 * RATING_TIMEOUT_MS is recorded as `unanswered` (or, once 不满意 was tapped, as dissatisfied with
 * the reasons picked so far). The record is the device's (no staff number): the domain accepts it
 * only from the display's store, once per service.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_REASONS, type Rating } from '../../../core/domain/log/events';
import { Notice } from '../../ui/Notice';
import { RATING_TIMEOUT_MS } from '../shared/rating';
import { useStore } from '../shared/store-context';
import { useCommand } from '../shared/use-command';

type Reason = (typeof RATING_REASONS)[number];
const ANSWERS = ['satisfied', 'neutral', 'dissatisfied'] as const satisfies readonly Rating[];

export function RatingQuestion({
  serviceId,
  onAnswered,
}: {
  serviceId: string;
  /** Told once the rating is recorded: `true` for the customer's answer, `false` for a timeout. */
  onAnswered: (answered: boolean) => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const { run, error, dismiss } = useCommand();
  const [stage, setStage] = useState<'ask' | 'reasons'>('ask');
  const [reasons, setReasons] = useState<readonly Reason[]>([]);
  const [shownAt] = useState(() => Date.now());
  const [now, setNow] = useState(shownAt);
  const sent = useRef(false);

  const record = async (rating: Rating, chosen: readonly Reason[], byCustomer: boolean) => {
    // One answer per question, however fast the taps.
    if (sent.current) return;
    sent.current = true;
    const command = { type: 'rate-service', serviceId, rating, reasons: [...chosen] } as const;
    if (byCustomer) {
      const stored = await run(command);
      if (stored) onAnswered(true);
      else sent.current = false;
      return;
    }
    // A timeout says nothing on the customer's screen if it is refused (another display was
    // answered first): the question goes as the state moves on.
    const result = await store.execute(command).catch(() => null);
    if (result?.ok) onAnswered(false);
  };

  // The latest `record` and picks, for the timer that outlives renders.
  const latest = useRef({ record, stage, reasons });
  useEffect(() => {
    latest.current = { record, stage, reasons };
  });
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    const timeout = setTimeout(() => {
      const { record: recordNow, stage: stageNow, reasons: picked } = latest.current;
      if (stageNow === 'reasons') void recordNow('dissatisfied', picked, false);
      else void recordNow('unanswered', [], false);
    }, RATING_TIMEOUT_MS);
    return () => {
      clearInterval(tick);
      clearTimeout(timeout);
    };
  }, []);

  const secondsLeft = Math.max(0, Math.ceil((shownAt + RATING_TIMEOUT_MS - now) / 1000));
  const toggle = (reason: Reason) =>
    setReasons((current) =>
      current.includes(reason) ? current.filter((r) => r !== reason) : [...current, reason],
    );

  return (
    <section className="display-body rating" aria-labelledby="rating-question" data-stage={stage}>
      {error && <Notice message={error} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />}
      <h2 id="rating-question" className="rating-question">
        {t('rating.question')}
      </h2>
      {stage === 'ask' ? (
        <div className="rating-answers" role="group" aria-label={t('rating.choices')}>
          {ANSWERS.map((answer) => (
            <button
              key={answer}
              type="button"
              className={`rating-answer rating-${answer}`}
              onClick={() =>
                answer === 'dissatisfied' ? setStage('reasons') : void record(answer, [], true)
              }
            >
              <span className="rating-face" aria-hidden="true">
                {answer === 'satisfied' ? '☺' : answer === 'neutral' ? '◎' : '☹'}
              </span>
              {t(`rating.${answer}`)}
            </button>
          ))}
        </div>
      ) : (
        <div className="rating-reasons">
          <fieldset className="choices">
            <legend>{t('rating.reasonsTitle')}</legend>
            <div className="choice-row">
              {RATING_REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className="choice reason-chip"
                  aria-pressed={reasons.includes(reason)}
                  onClick={() => toggle(reason)}
                >
                  {t(`ratingReason.${reason}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <button
            type="button"
            className="primary huge"
            onClick={() => void record('dissatisfied', reasons, true)}
          >
            {t('rating.confirm')}
          </button>
        </div>
      )}
      <p className="hint rating-closes" aria-live="off">
        {t('rating.closesIn', { count: secondsLeft })}
      </p>
    </section>
  );
}
