/**
 * The notice-board report (服务评比公示): one A4 page for the period on show — the headline
 * figures with their change, the ranking by clerk, the steps kept least, the complaints — with
 * the store, the period and when it was made, in the screen's language. Printed through the
 * platform bridge: the browser's print dialog ("Save as PDF" there), or in Electron a PDF saved
 * in the exports folder. report.css is its print stylesheet (A4, only the report on paper).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintFigures } from '../../../core/domain/review/complaint-figures';
import { tileChanges, worstSteps } from '../../../core/domain/review/compare';
import { MIN_RANKED, SCORE_FORMULA, figures } from '../../../core/domain/review/figures';
import type { Period } from '../../../core/domain/review/period';
import { platform } from '../../platform';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { usePeriodRollups } from './FiguresView';
import { RankingTable } from './RankingTable';
import { Tiles } from './Tiles';
import { WorstSteps } from './WorstSteps';

type Printing =
  | { kind: 'idle' }
  | { kind: 'printing' }
  | { kind: 'saved'; path: string }
  | { kind: 'failed'; reason: string };

export function ReportView({ period, counter }: { period: Period; counter: string }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const language = i18n.language;
  const { config } = useDeviceState();
  const { loaded, rows, before } = usePeriodRollups(period, counter);
  const [store, setStore] = useState('');
  const [madeAt] = useState(() => Date.now());
  const [printing, setPrinting] = useState<Printing>({ kind: 'idle' });

  // The store's name as the hub enrolled this tablet, when it is enrolled; the manager may edit it.
  useEffect(() => {
    let live = true;
    void platform()
      .getHub()
      .then((hub) => {
        const name = hub.ok ? hub.value?.enrolment?.store.name : undefined;
        if (live && name) setStore((typed) => typed || name);
      });
    return () => {
      live = false;
    };
  }, []);

  const shown = useMemo(() => {
    if (!rows) return null;
    const now = figures(rows.now);
    const earlier = figures(rows.before);
    return {
      now,
      changes: tileChanges(now, earlier),
      worst: worstSteps(now, earlier, 3),
      complaints: complaintFigures(rows.now, config.complaintFlow),
    };
  }, [rows, config.complaintFlow]);

  if (loaded.error) return <FormError message={loaded.error} />;
  if (!shown) return <p className="loading">{t('loading')}</p>;

  const made = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: config.timeZone,
  }).format(madeAt);
  const print = async () => {
    setPrinting({ kind: 'printing' });
    const fileName = `report ${period.from} ${period.to}.pdf`;
    // Let the line above the report go before the page is printed.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const result = await platform().printReport({ fileName });
    if (!result.ok) setPrinting({ kind: 'failed', reason: result.error });
    else if (result.value.path) setPrinting({ kind: 'saved', path: result.value.path });
    else setPrinting({ kind: 'idle' });
  };
  const { complaints } = shown;

  return (
    <article
      className="report"
      aria-labelledby="report-title"
      data-period={`${period.from}|${period.to}`}
    >
      <div className="report-actions">
        <label className="field">
          <span>{t('report.store')}</span>
          <input
            type="text"
            value={store}
            maxLength={80}
            placeholder={t('report.storePlaceholder')}
            onChange={(event) => setStore(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={printing.kind === 'printing'}
          onClick={() => void print()}
        >
          {printing.kind === 'printing' ? t('report.printing') : t('report.print')}
        </button>
        <p className="hint" aria-live="polite">
          {printing.kind === 'saved' && t('report.saved', { path: printing.path })}
        </p>
        {printing.kind === 'failed' && (
          <FormError message={t('report.failed', { reason: printing.reason })} />
        )}
      </div>

      <header className="report-head">
        <h2 id="report-title" className="report-title">
          {t('report.title')}
        </h2>
        <p data-report="store">
          {t('report.storeLine', { store: store || '—' })}
          {counter && ` · ${t('report.counter', { counter })}`}
        </p>
        <p data-report="period">{t('report.period', { from: period.from, to: period.to })}</p>
        <p data-report="made">{t('report.made', { at: made })}</p>
      </header>

      <section className="report-section" aria-labelledby="report-tiles">
        <h3 id="report-tiles">{t('report.tiles')}</h3>
        <p className="hint">{t('compare.against', { from: before.from, to: before.to })}</p>
        <Tiles figures={shown.now} changes={shown.changes} onOpen={null} />
      </section>

      <section className="report-section" aria-labelledby="report-ranking">
        <h3 id="report-ranking">{t('report.ranking')}</h3>
        <p className="hint">
          <code>{SCORE_FORMULA}</code> {t('ranking.explain', { min: MIN_RANKED })}
        </p>
        <RankingTable kind="clerk" groups={shown.now.byClerk} onOpen={null} />
      </section>

      <section className="report-section" aria-labelledby="report-worst">
        <h3 id="report-worst">{t('report.worst')}</h3>
        <WorstSteps steps={shown.worst} headingId="report-worst" />
      </section>

      <section className="report-section" aria-labelledby="report-complaints">
        <h3 id="report-complaints">{t('report.complaints')}</h3>
        {complaints.total === 0 ? (
          <p>{t('report.noComplaints')}</p>
        ) : (
          <>
            <p data-report="complaints">
              {t('report.complaintsLine', {
                total: complaints.total,
                resolved: complaints.resolved,
                escalations: complaints.escalations,
                open: complaints.openFollowUps,
              })}
            </p>
            <p>
              {complaints.byCategory
                .map(
                  ({ code, count }) =>
                    `${code === 'none' ? t('complaints.unrecorded') : tApp(`complaint.category.${code}`)} ${count}`,
                )
                .join(t('listSeparator'))}
            </p>
          </>
        )}
      </section>
    </article>
  );
}
