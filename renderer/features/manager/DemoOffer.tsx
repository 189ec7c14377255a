/**
 * On a tablet with nothing recorded yet, a manager can fill the review with demo data: the demo
 * generator's default (`renderer/demo/options.ts`, the same as `npm run demo-data`), in this
 * tablet's business time zone, ending yesterday — made in a worker through the app's own store
 * and added as other counters' logs, each checked in full like any import. It runs as a long task
 * (no idle lock, no update reload meanwhile). It stays for good (the log is never edited), so the
 * offer says so and asks twice; once added, the review shows the latest demo day.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/domain/permissions';
import { currentLocale } from '../../i18n';
import { DEMO_DEFAULTS, demoSettings, lastDemoDay } from '../../demo/options';
import { FormError } from '../../ui/FormError';
import { runLongTask } from '../shared/long-task';
import { useStore, useDeviceState } from '../shared/store-context';
import { useImportMessage } from '../shared/use-import-message';

/** What the offer says it makes (the generator's defaults). */
export const DEMO_SIZE = {
  counters: DEMO_DEFAULTS.counters,
  days: DEMO_DEFAULTS.days,
  servicesPerDay: DEMO_DEFAULTS.servicesPerDay,
} as const;

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

export function DemoOffer({ onLoaded }: { onLoaded: (latestDay: string) => void }) {
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

  const load = () =>
    runLongTask(async () => {
      const settings = demoSettings({
        counterNames: demoCounters(counter),
        locale: currentLocale(i18n.language),
        timeZone: config.timeZone,
      });
      try {
        const { generateInWorkers } = await import('../../demo/demo-messages');
        setStep({
          kind: 'making',
          counter: settings.counterNames[0] ?? '',
          day: 0,
          days: settings.days,
        });
        // The counters are made side by side; each is added as soon as it is ready, in order.
        const making = generateInWorkers(settings, (progress) =>
          setStep((shown) => (shown.kind === 'making' ? { kind: 'making', ...progress } : shown)),
        );
        for (const next of making) {
          const made = await next;
          setStep({ kind: 'adding', counter: made.counter });
          // The demo's counters are made here on purpose: nothing to confirm.
          const added = await store.archive.importChain(made.bytes, { confirmed: true });
          if (!added.ok) return setStep({ kind: 'failed', message: importMessage(added.error) });
        }
        setEmpty(false);
        onLoaded(lastDemoDay(settings));
      } catch (error) {
        setStep({
          kind: 'failed',
          message: t('demo.failed', {
            reason: error instanceof Error ? error.message : String(error),
          }),
        });
      }
    });

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
