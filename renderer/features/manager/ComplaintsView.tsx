/**
 * The period's complaints (the counters chosen, every log held here): how many, resolved on the
 * spot, escalated, follow-ups promised and overdue, by category, by clerk, and each complaint
 * step's time against its target. Every figure opens the complaints behind it.
 */
import type { ParseKeys } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import type { ComplaintFigures } from '../../../core/domain/review/complaint-figures';
import type { Period } from '../../../core/domain/review/period';
import { useNow } from '../../ui/use-now';
import { useDeviceState } from '../shared/store-context';
import type { OpenServices } from './service-filter';
import { ComplaintStepsTable } from './ComplaintStepsTable';
import { formatCount, formatPercent } from './format';
import { useReviewQuery } from './use-review';

export function ComplaintsView({
  figures,
  period,
  scope,
  onOpen,
}: {
  figures: ComplaintFigures;
  period: Period;
  /** Tags the counters chosen add (`counter:3`), for the overdue count. */
  scope: readonly string[];
  onOpen: OpenServices;
}) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const { config } = useDeviceState();
  const today = businessDay(useNow(60_000), config);
  const overdue = useReviewQuery(
    async (review) =>
      (
        await review.services(
          {
            from: period.from,
            to: period.to,
            tags: ['complaint-followup-open', ...scope],
            overdueOn: today,
          },
          { offset: 0, limit: 0 },
        )
      ).total,
    `${period.from}|${period.to}|${scope.join()}|${today}`,
  );
  const count = (value: number) => formatCount(value, i18n.language);
  const pct = (value: number | null) => formatPercent(value, i18n.language);
  const title = (key: ParseKeys<'review'>, detail?: string) =>
    [t('complaints.title'), ...(key === 'complaints.complaints' ? [] : [t(key)]), detail]
      .filter(Boolean)
      .join(' · ');
  const categoryLabel = (code: ComplaintFigures['byCategory'][number]['code']) =>
    code === 'none' ? t('complaints.unrecorded') : tApp(`complaint.category.${code}`);
  const tiles = [
    {
      id: 'complaints',
      value: count(figures.total),
      note: t('complaints.complaintsNote', { count: figures.byClerk.length }),
      tags: ['complaint'],
      tone: 'none',
    },
    {
      id: 'resolvedShare',
      value: pct(figures.resolvedShare),
      note: t('complaints.resolvedNote', { resolved: figures.resolved, total: figures.total }),
      tags: ['complaint-outcome:resolved'],
      tone: 'none',
    },
    {
      id: 'escalations',
      value: count(figures.escalations),
      note: t('complaints.escalationsNote', { count: figures.confirmed }),
      tags: ['complaint-outcome:escalated'],
      tone: 'none',
    },
    {
      id: 'followUps',
      value: count(figures.followUps),
      note: t('complaints.followUpsNote', { count: figures.openFollowUps }),
      tags: ['complaint-followup'],
      tone: 'none',
    },
    {
      id: 'overdueFollowUps',
      value: overdue.data === null ? '…' : count(overdue.data),
      note: (
        // The date in one piece: never broken at its hyphens.
        <Trans
          t={t}
          i18nKey="complaints.overdueNote"
          values={{ today }}
          components={{ date: <span className="nowrap" /> }}
        />
      ),
      tags: ['complaint-followup-open'],
      overdueOn: today,
      tone: (overdue.data ?? 0) > 0 ? 'poor' : 'none',
    },
  ] as const;
  return (
    <section className="panel complaints" aria-labelledby="complaints-title">
      <h2 id="complaints-title">{t('complaints.title')}</h2>
      {figures.total === 0 ? (
        <p className="hint">{t('complaints.none')}</p>
      ) : (
        <>
          <div className="tiles">
            {tiles.map((tile) => (
              <button
                key={tile.id}
                type="button"
                className={`tile tone-${tile.tone}`}
                data-figure={`complaint-${tile.id}`}
                onClick={() =>
                  onOpen({
                    tags: [...tile.tags],
                    title: title(`complaints.${tile.id}`),
                    ...('overdueOn' in tile ? { overdueOn: tile.overdueOn } : {}),
                  })
                }
              >
                <span className="tile-label">{t(`complaints.${tile.id}`)}</span>
                <span className="tile-value">{tile.value}</span>
                <span className="tile-note">{tile.note}</span>
              </button>
            ))}
          </div>
          <div className="complaint-tables">
            <table className="plain" data-table="complaint-categories">
              <caption>{t('complaints.byCategory')}</caption>
              <tbody>
                {figures.byCategory.map(({ code, count: value }) => (
                  <tr key={code} data-category={code}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          onOpen({
                            tags: [`complaint-category:${code}`],
                            title: title('complaints.byCategory', categoryLabel(code)),
                          })
                        }
                      >
                        {categoryLabel(code)}
                      </button>
                    </th>
                    <td>{count(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="plain" data-table="complaint-clerks">
              <caption>{t('complaints.byClerk')}</caption>
              <tbody>
                {figures.byClerk.map(({ staffNo, count: value }) => (
                  <tr key={staffNo} data-clerk={staffNo}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          onOpen({
                            tags: ['complaint', `clerk:${staffNo}`],
                            title: title('complaints.byClerk', staffNo),
                          })
                        }
                      >
                        {staffNo}
                      </button>
                    </th>
                    <td>{count(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ComplaintStepsTable figures={figures} onOpen={onOpen} title={title} />
        </>
      )}
    </section>
  );
}
