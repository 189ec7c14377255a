/**
 * The manager's review (auditors see it too, read-only): figures for a period over every log held
 * on this device, each figure opening the services behind it, each service opening its timeline
 * (where a manager amends it or records a spot-check). It opens on today, or, when today has no
 * service yet, on the latest day that has one (after demo data is loaded: its latest day).
 */
import './i18n';
import './review.css';
import './figures.css';
import './services.css';
import './timeline.css';
import './complaints.css';
import './compare.css';
import './report.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import { periodOf, type Period } from '../../../core/domain/review/period';
import { useDeviceState, useSnapshot, useStore } from '../shared/store-context';
import { percentOf } from '../../storage';
import { FiguresView } from './FiguresView';
import { PeriodBar } from './PeriodBar';
import { ReportView } from './ReportView';
import { ServicesView } from './ServicesView';
import type { ServiceFilter } from './service-filter';
import { TimelineView } from './TimelineView';
import { ShiftReview } from './ShiftReview';

type View =
  | { kind: 'figures' }
  | { kind: 'shift' }
  | { kind: 'services'; filter: ServiceFilter }
  | { kind: 'service'; sid: string }
  | { kind: 'report' };

export function ReviewScreen() {
  const { t } = useTranslation('review');
  const { t: tShift } = useTranslation();
  const { config } = useDeviceState();
  const store = useStore();
  const [period, setShown] = useState<Period>(() =>
    periodOf('day', businessDay(Date.now(), config)),
  );
  // The day the manager is looking at: a week or a month chosen next is the one holding it.
  const [anchor, setAnchor] = useState(period.from);
  const setPeriod = (next: Period) => {
    setShown(next);
    if (next.kind === 'day' || anchor < next.from || anchor > next.to) setAnchor(next.from);
  };
  const showDay = (day: string) => {
    setShown(periodOf('day', day));
    setAnchor(day);
  };
  const [today] = useState(period.from);
  useEffect(() => {
    let live = true;
    void store.review.latestDay(today).then((latest) => {
      if (live && latest !== null && latest < today) {
        // Only while the manager has not moved away from today meanwhile.
        setShown((shown) =>
          shown.kind === 'day' && shown.from === today ? periodOf('day', latest) : shown,
        );
        setAnchor((day) => (day === today ? latest : day));
      }
    });
    return () => {
      live = false;
    };
  }, [store, today]);
  const [counter, setCounter] = useState('');
  const [views, setViews] = useState<View[]>([{ kind: 'figures' }]);
  const view = views.at(-1) ?? { kind: 'figures' };
  const open = (next: View) => setViews((stack) => [...stack, next]);
  const back = () => setViews((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));
  const openServices = (filter: ServiceFilter) => open({ kind: 'services', filter });
  // After an update or a restore the review catches up behind the counter (review-catch-up.ts).
  const { reviewCatchUp } = useSnapshot();

  return (
    <main className="review">
      <PeriodBar
        period={period}
        anchor={anchor}
        onPeriod={setPeriod}
        counter={counter}
        onCounter={setCounter}
        onBack={views.length > 1 ? back : null}
        onAll={() => openServices({ tags: [], title: t('services.all') })}
        onReport={view.kind === 'report' ? null : () => open({ kind: 'report' })}
      />
      {reviewCatchUp && (
        <p className="review-catching-up" role="status">
          {t('catchingUp', { percent: percentOf(reviewCatchUp) })}
        </p>
      )}
      {view.kind === 'figures' && (
        <div className="shift-row review-shift-link">
          <button type="button" className="secondary" onClick={() => open({ kind: 'shift' })}>
            {tShift('shift.reviewOpen')}
          </button>
        </div>
      )}
      {view.kind === 'shift' && <ShiftReview period={period} />}
      {view.kind === 'figures' && (
        <FiguresView
          period={period}
          counter={counter}
          onOpen={openServices}
          onDemoLoaded={(latestDay) => {
            setCounter('');
            showDay(latestDay);
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
      {view.kind === 'report' && <ReportView period={period} counter={counter} />}
    </main>
  );
}
