/**
 * Steps kept by day over the period (line, left axis) with the day's services (bars, right axis),
 * drawn with uPlot: small (≈ 20 KB gzipped) and fast on a tablet's canvas. A click on a day opens
 * its services; the same figures are in the table under the chart for screen readers.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '../../../core/domain/review/figures';
import { daysOf, type Period } from '../../../core/domain/review/period';
import type { OpenServices } from './service-filter';
import { formatPercent } from './format';

/** At most this many day labels under the chart (every day when they fit). */
const MAX_LABELS = 10;

export function TrendChart({
  period,
  days,
  onOpen,
}: {
  period: Period;
  days: GroupFigures[];
  onOpen: OpenServices;
}) {
  const { t, i18n } = useTranslation('review');
  const host = useRef<HTMLDivElement>(null);
  const all = daysOf(period);
  const byDay = new Map(days.map((day) => [day.key, day]));
  const kept = all.map((day) => {
    const rate = byDay.get(day)?.kept.rate;
    return rate === undefined || rate === null ? null : Math.round(rate * 1000) / 10;
  });
  const services = all.map((day) => byDay.get(day)?.services ?? 0);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 260,
        // One slot per business day, labelled by its date (no clock times: a day is not an instant).
        scales: {
          x: { time: false, range: () => [-0.5, all.length - 0.5] },
          kept: { range: [0, 100] },
          services: { range: (_u, _min, max) => [0, Math.max(4, max * 1.2)] },
        },
        series: [
          { label: t('period.day'), value: (_u, index) => all[index] ?? '—' },
          {
            label: t('trend.services'),
            scale: 'services',
            stroke: '#b8c7cf',
            fill: '#dbe5ea',
            paths: bars,
            points: { show: false },
          },
          {
            label: t('trend.kept'),
            scale: 'kept',
            stroke: '#1f4e5f',
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
            values: (_u, splits) => splits.map((index) => all[index]?.slice(5) ?? ''),
          },
          { scale: 'kept', values: (_u, values) => values.map((value) => `${value}%`) },
          { scale: 'services', side: 1, grid: { show: false } },
        ],
        legend: { show: true },
        hooks: {
          ready: [
            (u) =>
              u.over.addEventListener('click', () => {
                const index = u.cursor.idx;
                const day = index === null || index === undefined ? undefined : all[index];
                if (day) openRef.current({ tags: [], title: day, from: day, to: day });
              }),
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
  }, [all.join(), kept.join(), services.join(), t]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="panel trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('trend.title')}</h2>
      <div ref={host} className="trend-chart" aria-hidden="true" />
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
                <td>{day}</td>
                <td>{services[index]}</td>
                <td>{formatPercent(byDay.get(day)?.kept.rate ?? null, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
