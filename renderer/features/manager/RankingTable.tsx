/** One ranking table (clerks or counters): rank, score, its parts, each group opening its services. */
import { useTranslation } from 'react-i18next';
import { rate, type GroupFigures } from '../../../core/domain/review/figures';
import type { OpenServices } from './service-filter';
import { formatPercent } from './format';

export function RankingTable({
  kind,
  groups,
  onOpen,
}: {
  kind: 'clerk' | 'counter';
  groups: GroupFigures[];
  /** Null in the printed report: names, not buttons. */
  onOpen: OpenServices | null;
}) {
  const { t, i18n } = useTranslation('review');
  const pct = (value: number | null) => formatPercent(value, i18n.language);
  const places = new Map<string, number>();
  for (const group of groups) if (group.score !== null) places.set(group.key, places.size + 1);
  return (
    <table className="plain ranking" data-ranking={kind}>
      <thead>
        <tr>
          <th scope="col">{t('ranking.place')}</th>
          <th scope="col">{t(`ranking.${kind}`)}</th>
          <th scope="col">{t('ranking.score')}</th>
          <th scope="col">{t('ranking.K')}</th>
          <th scope="col">{t('ranking.T')}</th>
          <th scope="col">{t('ranking.S')}</th>
          <th scope="col">{t('ranking.F')}</th>
          <th scope="col">{t('ranking.services')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const [satisfied = 0, neutral = 0, dissatisfied = 0] = group.ratings;
          return (
            <tr key={group.key} data-row={group.key}>
              <td>{places.get(group.key) ?? '—'}</td>
              <th scope="row">
                {onOpen ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      onOpen({
                        tags: [`${kind}:${group.key}`],
                        title: t(`ranking.${kind}One`, { key: group.key }),
                      })
                    }
                  >
                    {t(`ranking.${kind}One`, { key: group.key })}
                  </button>
                ) : (
                  t(`ranking.${kind}One`, { key: group.key })
                )}
              </th>
              <td className="score">
                {group.score === null ? t('ranking.tooFew') : group.score.toFixed(1)}
              </td>
              <td>{pct(group.kept.rate)}</td>
              <td>{pct(group.finished > 0 ? 1 - group.overTarget / group.finished : null)}</td>
              <td>{pct(rate(satisfied, satisfied + neutral + dissatisfied))}</td>
              <td>{pct(rate(group.flagged, group.services))}</td>
              <td>{group.services}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
