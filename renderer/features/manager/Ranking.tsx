/**
 * The ranking of clerks and counters (评比优秀窗口) on the documented score, the formula on screen;
 * fewer than MIN_RANKED services in the period are listed unranked.
 */
import { useTranslation } from 'react-i18next';
import { MIN_RANKED, SCORE_FORMULA, type GroupFigures } from '../../../core/domain/review/figures';
import type { OpenServices } from './service-filter';
import { RankingTable } from './RankingTable';

export function Ranking({
  clerks,
  counters,
  onOpen,
}: {
  clerks: GroupFigures[];
  counters: GroupFigures[];
  onOpen: OpenServices;
}) {
  const { t } = useTranslation('review');
  return (
    <section className="panel ranking-panel" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      <p className="formula">
        <code>{SCORE_FORMULA}</code>
      </p>
      <p className="hint">{t('ranking.explain', { min: MIN_RANKED })}</p>
      <RankingTable kind="clerk" groups={clerks} onOpen={onOpen} />
      {counters.length > 0 && <RankingTable kind="counter" groups={counters} onOpen={onOpen} />}
    </section>
  );
}
