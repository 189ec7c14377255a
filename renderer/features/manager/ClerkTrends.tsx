/**
 * Each clerk's steps kept day by day, as small multiples: one small line per clerk on the same
 * 0–100 % scale with the target dashed, clerks in the ranking's order. Each picture is described
 * in words (its figure and every day's), so the trend is there without seeing it.
 */
import { useTranslation } from 'react-i18next';
import type { ClerkTrend } from '../../../core/domain/review/compare';
import { KEPT_TARGET, formatPercent, keptRange } from './format';

const WIDTH = 240;
const HEIGHT = 64;
const PAD = 4;

/** Where a rate (0–1) sits on a picture scaled from `low` to `high` percent. */
const yOf = (rate: number, [low, high]: [number, number]) =>
  PAD + (1 - (rate * 100 - low) / Math.max(1, high - low)) * (HEIGHT - 2 * PAD);
const xOf = (index: number, count: number) =>
  count > 1 ? PAD + (index * (WIDTH - 2 * PAD)) / (count - 1) : WIDTH / 2;

/** The line's segments: a day without services breaks it. */
function segments(days: readonly (number | null)[], range: [number, number]): string[] {
  const y = (rate: number) => yOf(rate, range);
  const paths: string[] = [];
  let current: string[] = [];
  days.forEach((rate, index) => {
    if (rate === null) {
      if (current.length > 0) paths.push(current.join(' '));
      current = [];
      return;
    }
    const x = xOf(index, days.length);
    current.push(`${current.length === 0 ? 'M' : 'L'}${x.toFixed(1)},${y(rate).toFixed(1)}`);
  });
  if (current.length > 0) paths.push(current.join(' '));
  return paths;
}

export function ClerkTrends({ trends }: { trends: ClerkTrend[] }) {
  const { t, i18n } = useTranslation('review');
  const pct = (value: number | null) => formatPercent(value, i18n.language);
  // One scale for every clerk, around the data and the target (as the By day chart's).
  const range = keptRange(
    trends.flatMap((trend) => trend.days.map((rate) => (rate === null ? null : rate * 100))),
    KEPT_TARGET * 100,
  );
  const targetY = yOf(KEPT_TARGET, range);
  return (
    <section className="panel clerk-trends" aria-labelledby="clerk-trends-title">
      <h2 id="clerk-trends-title">{t('clerkTrend.title')}</h2>
      <p className="hint" data-range={range.join(',')}>
        {t('clerkTrend.explain', { from: range[0], to: range[1] })}
      </p>
      <ul className="small-multiples">
        {trends.map((trend) => {
          const summary = t('clerkTrend.summary', {
            clerk: trend.clerk,
            rate: pct(trend.rate),
            services: trend.services,
            days: trend.days.map(pct).join(t('listSeparator')),
          });
          return (
            <li key={trend.clerk} data-clerk={trend.clerk}>
              <span className="multiple-title">
                {t('ranking.clerkOne', { key: trend.clerk })} · {pct(trend.rate)}
              </span>
              <svg
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                role="img"
                aria-label={summary}
                preserveAspectRatio="none"
              >
                <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="multiple-ground" />
                <line
                  x1="0"
                  x2={WIDTH}
                  y1={targetY}
                  y2={targetY}
                  className="multiple-target"
                  vectorEffect="non-scaling-stroke"
                />
                {segments(trend.days, range).map((path) => (
                  <path
                    key={path}
                    d={path}
                    className="multiple-line"
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                {trend.days.map((rate, index) =>
                  rate === null ? null : (
                    <circle
                      key={index}
                      cx={xOf(index, trend.days.length)}
                      cy={yOf(rate, range)}
                      r="2.5"
                      className="multiple-dot"
                    />
                  ),
                )}
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
