/**
 * On a tablet with nothing recorded yet, a manager can fill the review with demo data: a week at
 * three demo counters, made in a worker through the app's own rules (`renderer/demo`) and added
 * as other counters' logs, each checked in full like any import. It stays for good (the log is
 * never edited), so the offer says so and asks twice.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import { can } from '../../../core/domain/permissions';
import { addDays, periodOf, type Period } from '../../../core/domain/review/period';
import { currentLocale } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useStore, useDeviceState } from '../shared/store-context';
import { useImportMessage } from '../shared/use-import-message';

/** A week of 40 services a day at three counters: about 840 services, 18,000 records. */
export const DEMO_SIZE = { counters: 3, days: 7, servicesPerDay: 40 } as const;

/** The demo's counters: the first numbers that are not this tablet's own counter. */
export function demoCounters(own: string | null, count: number = DEMO_SIZE.counters): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n += 1) if (String(n) !== own) names.push(String(n));
  return names;
}

type Step =
  | { kind: 'offer' }
  | { kind: 'confirm' }
  | { kind: 'making'; counter: string; day: number; days: number }
  | { kind: 'adding'; counter: string }
  | { kind: 'failed'; message: string };

export function DemoOffer({ onLoaded }: { onLoaded: (period: Period) => void }) {
  const { t, i18n } = useTranslation('review');
  const store = useStore();
  const { session, config, counter } = useDeviceState();
  const importMessage = useImportMessage();
  const [empty, setEmpty] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'offer' });
  const allowed = !!session && can(session.role, 'import-log');

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void Promise.all([
      store.review.services(
        { from: '0000-01-01', to: '9999-12-31', tags: [] },
        { offset: 0, limit: 1 },
      ),
      store.archive.chains(),
    ]).then(([services, chains]) => {
      if (live) setEmpty(services.total === 0 && chains.length === 0);
    });
    return () => {
      live = false;
    };
  }, [store, allowed]);

  if (!allowed || !empty) return null;

  const load = async () => {
    const to = addDays(businessDay(Date.now(), config), -1);
    const from = addDays(to, 1 - DEMO_SIZE.days);
    const counters = demoCounters(counter);
    try {
      const { generateInWorker } = await import('../../demo/demo-messages');
      setStep({ kind: 'making', counter: counters[0] ?? '', day: 0, days: DEMO_SIZE.days });
      const exports = await generateInWorker(
        {
          ...DEMO_SIZE,
          counterNames: counters,
          startDate: from,
          locale: currentLocale(i18n.language),
        },
        (progress) => setStep({ kind: 'making', ...progress }),
      );
      for (const made of exports) {
        setStep({ kind: 'adding', counter: made.counter });
        const added = await store.archive.importChain(made.bytes);
        if (!added.ok) return setStep({ kind: 'failed', message: importMessage(added.error) });
      }
      setEmpty(false);
      onLoaded(periodOf('range', from, to));
    } catch (error) {
      setStep({
        kind: 'failed',
        message: t('demo.failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  const busy = step.kind === 'making' || step.kind === 'adding';
  return (
    <section className="panel demo-offer" aria-labelledby="demo-title" aria-busy={busy}>
      <h2 id="demo-title">{t('demo.title')}</h2>
      <p>{t('demo.body', { ...DEMO_SIZE })}</p>
      <p className="hint">{t('demo.forGood')}</p>
      {step.kind === 'failed' && <FormError message={step.message} />}
      {step.kind === 'making' && (
        <p role="status">
          {t('demo.making', { counter: step.counter, day: step.day, days: step.days })}
        </p>
      )}
      {step.kind === 'adding' && <p role="status">{t('demo.adding', { counter: step.counter })}</p>}
      {step.kind === 'confirm' ? (
        <div className="form-actions">
          <button type="button" className="primary big" onClick={() => void load()}>
            {t('demo.confirm')}
          </button>
          <button
            type="button"
            className="secondary big"
            onClick={() => setStep({ kind: 'offer' })}
          >
            {t('demo.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="secondary big"
          disabled={busy}
          onClick={() => setStep({ kind: 'confirm' })}
        >
          {t('demo.load')}
        </button>
      )}
    </section>
  );
}
