/**
 * Steps kept by day over the period (line, left axis, scaled to the data and the target, which
 * is drawn as a dashed line) with the day's services (bars, right axis), drawn with uPlot: small
 * (≈ 20 KB gzipped) and fast on a tablet's canvas. The axes' titles and the key are plain text
 * around the canvas, there from the start; pointing at or tapping a day shows its figures in the
 * line under the key, a click opens its services. The same figures are in the table under the
 * chart for screen readers. `data-kept-range` on the chart says the range uPlot drew the line on.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '../../../core/domain/review/figures';
import { daysOf, type Period } from '../../../core/domain/review/period';
import type { OpenServices } from './service-filter';
import { KEPT_TARGET, formatCount, formatDay, formatPercent, keptRange } from './format';

/** At most this many day labels under the chart (every day when they fit). */
const MAX_LABELS = 10;
const KEPT_COLOUR = '#1f4e5f';
const BAR_COLOUR = '#b8c7cf';
const TARGET_COLOUR = '#8a5a00';

export function TrendChart({
  period,
  days,
  total,
  onOpen,
}: {
  period: Period;
  days: GroupFigures[];
  total: GroupFigures;
  onOpen: OpenServices;
}) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const host = useRef<HTMLDivElement>(null);
  const [pointed, setPointed] = useState<number | null>(null);
  const all = daysOf(period);
  const byDay = new Map(days.map((day) => [day.key, day]));
  const kept = all.map((day) => {
    const rate = byDay.get(day)?.kept.rate;
    return rate === undefined || rate === null ? null : Math.round(rate * 1000) / 10;
  });
  const services = all.map((day) => byDay.get(day)?.services ?? 0);
  const target = KEPT_TARGET * 100;
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const range = keptRange(kept, target);
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 260,
        // One slot per business day, labelled by its date (no clock times: a day is not an instant).
        scales: {
          x: { time: false, range: () => [-0.5, all.length - 0.5] },
          kept: { range: () => range },
          services: { range: (_u, _min, max) => [0, Math.max(4, max * 1.2)] },
        },
        series: [
          {},
          {
            label: t('trend.services'),
            scale: 'services',
            stroke: BAR_COLOUR,
            fill: '#dbe5ea',
            paths: bars,
            points: { show: false },
          },
          {
            label: t('trend.kept'),
            scale: 'kept',
            stroke: KEPT_COLOUR,
            width: 3,
            spanGaps: false,
            points: { size: 8 },
          },
        ],
        axes: [
          {
            splits: () => {
              const every = Math.ceil(all.length / MAX_LABELS);
              return all.map((_day, index) => index).filter((index) => index % every === 0);
            },
            values: (_u, splits) =>
              splits.map((index) => {
                const day = all[index];
                return day ? formatDay(day, language) : '';
              }),
            size: 40,
          },
          { scale: 'kept', values: (_u, values) => values.map((value) => `${value}%`) },
          { scale: 'services', side: 1, grid: { show: false } },
        ],
        legend: { show: false },
        hooks: {
          ready: [
            (u) =>
              u.over.addEventListener('click', () => {
                const index = u.cursor.idx;
                const day = index === null || index === undefined ? undefined : all[index];
                if (day) openRef.current({ tags: [], title: day, from: day, to: day });
              }),
          ],
          setCursor: [(u) => setPointed(u.cursor.idx ?? null)],
          draw: [
            (u) => {
              // The target, dashed, across the plot.
              const y = u.valToPos(target, 'kept', true);
              const { ctx } = u;
              ctx.save();
              ctx.strokeStyle = TARGET_COLOUR;
              ctx.lineWidth = 2 * uPlot.pxRatio;
              ctx.setLineDash([8 * uPlot.pxRatio, 6 * uPlot.pxRatio]);
              ctx.beginPath();
              ctx.moveTo(u.bbox.left, y);
              ctx.lineTo(u.bbox.left + u.bbox.width, y);
              ctx.stroke();
              ctx.restore();
              const scale = u.scales.kept;
              element.dataset.keptRange = `${scale?.min ?? ''},${scale?.max ?? ''}`;
            },
          ],
        },
      },
      [all.map((_day, index) => index), services, kept],
      element,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: 260 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
    // Redrawn when the figures change; labels follow the language.
  }, [all.join(), kept.join(), services.join(), t, language]); // eslint-disable-line react-hooks/exhaustive-deps

  const pointedDay = pointed === null ? undefined : all[pointed];
  const readout = pointedDay
    ? t('trend.readout', {
        day: formatDay(pointedDay, language),
        services: formatCount(services[pointed ?? 0] ?? 0, language),
        kept: formatPercent(byDay.get(pointedDay)?.kept.rate ?? null, language),
      })
    : t('trend.whole', {
        services: formatCount(total.services, language),
        kept: formatPercent(total.kept.rate, language),
      });

  return (
    <section className="panel trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('trend.title')}</h2>
      <ul className="trend-legend" aria-label={t('trend.legend')}>
        <li data-series="services">
          <span className="swatch swatch-bar" aria-hidden="true" />
          {t('trend.services')}
        </li>
        <li data-series="kept">
          <span className="swatch swatch-line" aria-hidden="true" />
          {t('trend.kept')}
        </li>
        <li data-series="target">
          <span className="swatch swatch-target" aria-hidden="true" />
          {t('trend.target', { value: formatPercent(KEPT_TARGET, language) })}
        </li>
      </ul>
      <p className="trend-readout" data-pointed={pointedDay ?? ''}>
        {readout}
        <span className="hint"> {t('trend.readoutHint')}</span>
      </p>
      <div className="trend-axes" aria-hidden="true">
        <span className="axis-title" data-axis="kept">
          {t('trend.keptAxis')}
        </span>
        <span className="axis-title" data-axis="services">
          {t('trend.servicesAxis')}
        </span>
      </div>
      <div ref={host} className="trend-chart" aria-hidden="true" />
      <p className="axis-title axis-x" data-axis="day" aria-hidden="true">
        {t('trend.dayAxis')}
      </p>
      <details>
        <summary>{t('trend.asTable')}</summary>
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">{t('trend.day')}</th>
              <th scope="col">{t('trend.services')}</th>
              <th scope="col">{t('trend.kept')}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((day, index) => (
              <tr key={day} data-day={day}>
                <td>{formatDay(day, language)}</td>
                <td>{services[index]}</td>
                <td>{formatPercent(byDay.get(day)?.kept.rate ?? null, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
