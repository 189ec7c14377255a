/**
 * The period's headline figures, each a button to the services behind it (none in the printed
 * report), with its change against the previous period: ▲/▼ and the figure, and in words whether
 * that is better or worse (the colour repeats the words, never stands alone).
 */
import { useTranslation } from 'react-i18next';
import type { Change, TileId } from '../../../core/domain/review/compare';
import { rate, type Figures } from '../../../core/domain/review/figures';
import type { OpenServices } from './service-filter';
import { band, formatCount, formatDelta, formatMs, formatPercent, type ChangeUnit } from './format';

const UNIT: Record<TileId, ChangeUnit> = {
  services: 'count',
  kept: 'rate',
  average: 'time',
  over: 'rate',
  flagged: 'count',
  satisfied: 'rate',
  agreement: 'rate',
};

export function TileChange({ id, change }: { id: TileId; change: Change }) {
  const { t, i18n } = useTranslation('review');
  if (change.delta === null || change.verdict === null) {
    return <span className="tile-change verdict-none">{t('compare.none')}</span>;
  }
  const figure = formatDelta(change.delta, UNIT[id], i18n.language, (value) =>
    t('compare.points', { value }),
  );
  const words =
    change.verdict === 'better' || change.verdict === 'worse' || change.verdict === 'same'
      ? t(`compare.${change.verdict}`)
      : '';
  return (
    <span className={`tile-change verdict-${change.verdict}`} data-change={id}>
      {words ? `${figure} · ${words}` : figure}
    </span>
  );
}

export function Tiles({
  figures,
  changes,
  onOpen,
}: {
  figures: Figures;
  changes: Record<TileId, Change> | null;
  onOpen: OpenServices | null;
}) {
  const { t, i18n } = useTranslation('review');
  const { total } = figures;
  const [satisfied, neutral, dissatisfied] = total.ratings;
  const answered = satisfied + neutral + dissatisfied;
  const tiles = [
    {
      id: 'services',
      value: formatCount(total.services, i18n.language),
      note: t('tiles.servicesNote', { finished: total.finished, abandoned: total.abandoned }),
      tags: [],
      tone: 'none',
    },
    {
      id: 'kept',
      value: formatPercent(total.kept.rate, i18n.language),
      note: t('tiles.keptNote', { done: total.kept.done, applicable: total.kept.applicable }),
      tags: [],
      tone: band(total.kept.rate),
    },
    {
      id: 'average',
      value: formatMs(total.averageMs),
      note: t('tiles.averageNote'),
      tags: [],
      tone: 'none',
    },
    {
      id: 'over',
      value: formatPercent(rate(total.overTarget, total.finished), i18n.language),
      note: t('tiles.overNote', { count: total.overTarget }),
      tags: ['over'],
      tone: 'none',
    },
    {
      id: 'flagged',
      value: formatCount(total.flagged, i18n.language),
      note: t('tiles.flaggedNote'),
      tags: ['flag:any'],
      tone: total.flagged > 0 ? 'poor' : 'none',
    },
    {
      id: 'satisfied',
      value: formatPercent(rate(satisfied, answered), i18n.language),
      note: t('tiles.satisfiedNote', { count: answered }),
      tags: ['rating:satisfied'],
      tone: 'none',
    },
    {
      id: 'agreement',
      value: formatPercent(total.agreement.rate, i18n.language),
      note: t('tiles.agreementNote', { count: figures.checkedServices }),
      tags: ['checked'],
      tone: band(total.agreement.rate),
    },
  ] as const;
  return (
    <section className="tiles" aria-label={t('tiles.label')}>
      {tiles.map((tile) => {
        const inside = (
          <>
            <span className="tile-label">{t(`tiles.${tile.id}`)}</span>
            <span className="tile-value">{tile.value}</span>
            <span className="tile-note">{tile.note}</span>
            {changes && <TileChange id={tile.id} change={changes[tile.id]} />}
          </>
        );
        return onOpen ? (
          <button
            key={tile.id}
            type="button"
            className={`tile tone-${tile.tone}`}
            data-figure={tile.id}
            onClick={() => onOpen({ tags: [...tile.tags], title: t(`tiles.${tile.id}`) })}
          >
            {inside}
          </button>
        ) : (
          <div key={tile.id} className={`tile tone-${tile.tone}`} data-figure={tile.id}>
            {inside}
          </div>
        );
      })}
    </section>
  );
}
