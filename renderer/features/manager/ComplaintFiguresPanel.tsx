/**
 * The complaint figures on this tablet's own log: how many, resolved on the spot, escalated,
 * follow-ups open and overdue; by category and by clerk. (They do not open the complaints behind
 * them yet, and cover neither a period nor other counters' logs: see the README.)
 */
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CATEGORIES } from '../../domain/service/complaint';
import type { ComplaintFigures } from '../../domain/review/complaint-figures';
import { formatCount, formatPercent } from './format';

export function ComplaintFiguresPanel({ figures }: { figures: ComplaintFigures }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const count = (value: number) => formatCount(value, i18n.language);
  const tiles = [
    ['complaints', count(figures.total)],
    ['resolvedShare', formatPercent(figures.resolvedShare, i18n.language)],
    ['escalations', count(figures.escalations)],
    ['openFollowUps', count(figures.openFollowUps)],
    ['overdueFollowUps', count(figures.overdueFollowUps)],
  ] as const;
  return (
    <section className="panel complaint-figures" aria-labelledby="complaint-figures-title">
      <h2 id="complaint-figures-title">{t('complaintFigures.title')}</h2>
      <div className="tiles">
        {tiles.map(([id, value]) => (
          <div key={id} className="tile tone-none" data-figure={id}>
            <span className="tile-label">{t(`complaintFigures.${id}`)}</span>
            <span className="tile-value">{value}</span>
          </div>
        ))}
      </div>
      <div className="complaint-breakdowns">
        <table>
          <caption>{t('complaintFigures.byCategory')}</caption>
          <tbody>
            {COMPLAINT_CATEGORIES.map((code) => (
              <tr key={code} data-category={code}>
                <th scope="row">{tApp(`complaint.category.${code}`)}</th>
                <td>{count(figures.byCategory[code])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('complaintFigures.byClerk')}</caption>
          <tbody>
            {figures.byClerk.map(({ staffNo, count: value }) => (
              <tr key={staffNo} data-clerk={staffNo}>
                <th scope="row">{staffNo}</th>
                <td>{count(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
