/**
 * Mutual check (互查) for clerks: today's services at this counter, to record what they saw of a
 * colleague's service on the same form a manager's spot-check uses.
 */
import './i18n';
import './review.css';
import './figures.css';
import './services.css';
import './timeline.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import { periodOf } from '../../../core/domain/review/period';
import { useDeviceState } from '../shared/store-context';
import { ServicesView } from './ServicesView';
import { TimelineView } from './TimelineView';
import { OthersCheck } from './OthersCheck';

export function MutualCheckScreen() {
  const { t } = useTranslation('review');
  const { config } = useDeviceState();
  const [sid, setSid] = useState<string | null>(null);
  const [today] = useState(() => periodOf('day', businessDay(Date.now(), config)));
  return (
    <main className="review">
      {sid && (
        <div className="period-bar">
          <button type="button" className="secondary" onClick={() => setSid(null)}>
            {t('backArrow')}
          </button>
        </div>
      )}
      {sid ? (
        <TimelineView sid={sid} mutual />
      ) : (
        <>
          <OthersCheck />
          <ServicesView
            period={today}
            counter=""
            filter={{ tags: ['device:own'], title: t('check.mutualList') }}
            onOpen={setSid}
          />
        </>
      )}
    </main>
  );
}
