/**
 * The manager's review (auditors see it too, read-only): figures for a period over every log held
 * on this device, each figure opening the services behind it, each service opening its timeline
 * (where a manager amends it or records a spot-check).
 */
import './i18n';
import './review.css';
import './figures.css';
import './services.css';
import './timeline.css';
import './complaints.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import { periodOf, type Period } from '../../../core/domain/review/period';
import { useDeviceState } from '../shared/store-context';
import { FiguresView } from './FiguresView';
import { PeriodBar } from './PeriodBar';
import { ServicesView, type ServiceFilter } from './ServicesView';
import { TimelineView } from './TimelineView';

type View =
  | { kind: 'figures' }
  | { kind: 'services'; filter: ServiceFilter }
  | { kind: 'service'; sid: string };

export function ReviewScreen() {
  const { t } = useTranslation('review');
  const { config } = useDeviceState();
  const [period, setPeriod] = useState<Period>(() =>
    periodOf('day', businessDay(Date.now(), config)),
  );
  const [counter, setCounter] = useState('');
  const [views, setViews] = useState<View[]>([{ kind: 'figures' }]);
  const view = views.at(-1) ?? { kind: 'figures' };
  const open = (next: View) => setViews((stack) => [...stack, next]);
  const back = () => setViews((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));
  const openServices = (filter: ServiceFilter) => open({ kind: 'services', filter });

  return (
    <main className="review">
      <PeriodBar
        period={period}
        onPeriod={setPeriod}
        counter={counter}
        onCounter={setCounter}
        onBack={views.length > 1 ? back : null}
        onAll={() => openServices({ tags: [], title: t('services.all') })}
      />
      {view.kind === 'figures' && (
        <FiguresView
          period={period}
          counter={counter}
          onOpen={openServices}
          onDemoLoaded={(loaded) => {
            setCounter('');
            setPeriod(loaded);
          }}
        />
      )}
      {view.kind === 'services' && (
        <ServicesView
          period={period}
          counter={counter}
          filter={view.filter}
          onOpen={(sid) => open({ kind: 'service', sid })}
        />
      )}
      {view.kind === 'service' && <TimelineView sid={view.sid} />}
    </main>
  );
}
