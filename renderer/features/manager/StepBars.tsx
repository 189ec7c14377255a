/**
 * Each step's share kept over the period as a bar, with what did not count: skipped (against the
 * standard), not applicable and not reached (neither), and how many were done out of order.
 */
import { useTranslation } from 'react-i18next';
import type { StepFigure } from '../../../core/domain/review/figures';
import type { OpenServices } from './service-filter';
import { band, formatPercent } from './format';

export function StepBars({ steps, onOpen }: { steps: StepFigure[]; onOpen: OpenServices }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  return (
    <section className="panel bars" aria-labelledby="bars-title">
      <h2 id="bars-title">{t('bars.title')}</h2>
      <ol className="step-bars">
        {steps.map((step) => {
          const name = tApp(`steps.${step.id}.name`);
          const percent = step.rate === null ? 0 : Math.round(step.rate * 100);
          return (
            <li key={step.id} data-step={step.id}>
              <button
                type="button"
                className="bar-row"
                disabled={step.skipped === 0}
                onClick={() =>
                  onOpen({ tags: [`skip:${step.id}`], title: t('bars.skippedOf', { step: name }) })
                }
              >
                <span className="bar-name">{name}</span>
                <span
                  className={`bar band-${band(step.rate)}`}
                  role="meter"
                  aria-label={name}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  aria-valuetext={formatPercent(step.rate, i18n.language)}
                >
                  <span className="bar-fill" style={{ width: `${percent}%` }} />
                </span>
                <span className="bar-value" data-value="rate">
                  {formatPercent(step.rate, i18n.language)}
                </span>
                <span className="bar-detail">
                  {t('bars.detail', {
                    done: step.done,
                    applicable: step.applicable,
                    skipped: step.skipped,
                    na: step.na,
                    late: step.late,
                    notReached: step.notReached,
                  })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
