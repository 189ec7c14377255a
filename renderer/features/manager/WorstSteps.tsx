/**
 * The steps kept least in the period, worst first, each with its share the period before and the
 * change (in points, with words: better or worse). In the Review and in the printed report.
 */
import { useTranslation } from 'react-i18next';
import type { StepChange } from '../../../core/domain/review/compare';
import { formatDelta, formatPercent } from './format';

export function WorstSteps({ steps, headingId }: { steps: StepChange[]; headingId: string }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const pct = (value: number | null) => formatPercent(value, i18n.language);
  const keptOf = (step: StepChange) =>
    `${pct(step.rate)} · ${t('fraction', { done: step.done, applicable: step.applicable })}`;
  if (steps.length === 0) return <p className="hint">{t('worst.none')}</p>;
  return (
    <table className="plain worst-steps" aria-labelledby={headingId}>
      <thead>
        <tr>
          <th scope="col">{t('worst.step')}</th>
          <th scope="col">{t('worst.kept')}</th>
          <th scope="col">{t('worst.before')}</th>
          <th scope="col">{t('worst.change')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.id} data-step={step.id}>
            <th scope="row">{tApp(`steps.${step.id}.name`)}</th>
            <td>{keptOf(step)}</td>
            <td>{pct(step.before)}</td>
            <td className={`verdict-${step.verdict ?? 'none'}`} data-change={step.id}>
              {step.delta === null || step.verdict === null
                ? t('compare.none')
                : `${formatDelta(step.delta, 'rate', i18n.language, (value) => t('compare.points', { value }))} · ${t(`compare.${step.verdict === 'neither' ? 'same' : step.verdict}`)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
