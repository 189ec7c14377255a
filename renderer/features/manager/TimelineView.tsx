/**
 * One service as it happened: its facts, each step's outcome (as recorded, and as amended), and
 * every record with its offset from the start, who wrote it and what it says; then amendments,
 * the customer's rating and spot-checks. A manager amends it or records a spot-check from here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCheck } from '../../../core/domain/audit/checks';
import { can } from '../../../core/domain/permissions';
import { timeline } from '../../../core/domain/review/timeline';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { AmendDialog } from './AmendDialog';
import { ServiceFacts } from './ServiceFacts';
import { SpotCheckForm } from './SpotCheckForm';
import { TimelineList } from './TimelineList';
import { useReviewQuery } from './use-review';

export function TimelineView({ sid, mutual = false }: { sid: string; mutual?: boolean }) {
  const { t } = useTranslation('review');
  const { session } = useDeviceState();
  const [acting, setActing] = useState<'amend' | 'check' | null>(null);
  const loaded = useReviewQuery(async (review) => {
    const row = await review.service(sid);
    return row ? { row, entries: timeline(await review.timeline(row)) } : null;
  }, sid);
  if (loaded.error) return <FormError message={loaded.error} />;
  if (!loaded.data) {
    return <p className="loading">{loaded.loading ? t('loading') : t('timeline.missing')}</p>;
  }
  const { row, entries } = loaded.data;
  const own = row.device === 'own';
  const mayAmend = own && !!session && can(session.role, 'amend-service');
  // The audit decider's rule (audit/checks.ts): the button shows only where the check is allowed.
  const mayCheckIt =
    own && !!session && mayCheck(session, mutual ? 'mutual-check' : 'spot-check', row.clerk);
  return (
    <div className="timeline-view">
      {(mayAmend || mayCheckIt) && acting === null && (
        <div className="row-actions">
          {mayCheckIt && (
            <button type="button" className="primary" onClick={() => setActing('check')}>
              {mutual ? t('check.mutualStart') : t('check.start')}
            </button>
          )}
          {mayAmend && (
            <button type="button" className="secondary" onClick={() => setActing('amend')}>
              {t('amend.start')}
            </button>
          )}
        </div>
      )}
      {!own && <p className="hint">{t('timeline.otherCounter')}</p>}
      {acting === 'check' ? (
        <SpotCheckForm row={row} mutual={mutual} onDone={() => setActing(null)} />
      ) : (
        <ServiceFacts row={row} />
      )}
      <TimelineList entries={entries} />
      {acting === 'amend' && <AmendDialog row={row} onClose={() => setActing(null)} />}
    </div>
  );
}
