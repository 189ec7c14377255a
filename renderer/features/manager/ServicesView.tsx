/**
 * The services behind a figure, newest first, a page at a time (read by index: as fast over a year
 * as over a day), with filters for clerk, business type, flag, skipped step, amendments and the
 * complaint's category and outcome.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../core/domain/review/period';
import { FormError } from '../../ui/FormError';
import { ServiceFilters } from './ServiceFilters';
import { ServiceRows } from './ServiceRows';
import type { ServiceFilter } from './service-filter';
import { useReviewQuery } from './use-review';

export const PAGE_SIZE = 25;

export function ServicesView({
  period,
  counter,
  filter,
  onOpen,
}: {
  period: Period;
  counter: string;
  filter: ServiceFilter;
  onOpen: (sid: string) => void;
}) {
  const { t } = useTranslation('review');
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [page, setPage] = useState(0);
  const from = filter.from ?? period.from;
  const to = filter.to ?? period.to;
  const tags = [
    ...new Set([
      ...filter.tags,
      ...(counter ? [`counter:${counter}`] : []),
      ...Object.values(extra).filter(Boolean),
    ]),
  ];
  const loaded = useReviewQuery(
    (review) =>
      review.services(
        { from, to, tags, ...(filter.overdueOn ? { overdueOn: filter.overdueOn } : {}) },
        { offset: page * PAGE_SIZE, limit: PAGE_SIZE },
      ),
    `${from}|${to}|${tags.join()}|${filter.overdueOn ?? ''}|${page}`,
  );
  const total = loaded.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section className="panel services" aria-labelledby="services-title">
      <h2 id="services-title">{filter.title}</h2>
      <p className="hint">
        {from === to ? from : t('period.span', { from, to })} ·{' '}
        {loaded.data ? (
          <span data-total={total}>{t('services.count', { count: total })}</span>
        ) : (
          <span>{t('loading')}</span>
        )}
      </p>
      <ServiceFilters
        from={from}
        to={to}
        value={extra}
        onChange={(next) => {
          setExtra(next);
          setPage(0);
        }}
      />
      <FormError message={loaded.error} />
      {loaded.data && <ServiceRows rows={loaded.data.rows} onOpen={onOpen} />}
      {pages > 1 && (
        <nav className="pager" aria-label={t('services.pages')}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('services.previousArrow')}
          </button>
          <span>{t('services.page', { page: page + 1, pages })}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('services.nextArrow')}
          </button>
        </nav>
      )}
    </section>
  );
}
