/**
 * Export a business day or a range: one signed zip (services and step events as CSV, every
 * record, a workbook, a manifest), saved to the exports folder in Electron or downloaded in the
 * browser build. Surnames can be masked in what leaves; the stored data never changes. The
 * export itself is recorded in the log.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import { BusinessDaySchema } from '../../../core/domain/log/events';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FormError } from '../../ui/FormError';
import { ProgressRow } from '../../ui/ProgressRow';
import { TextField } from '../../ui/TextField';
import { useDeviceState } from '../shared/store-context';
import { useExport } from './use-export';

export function ExportPanel() {
  const { t } = useTranslation();
  const { config } = useDeviceState();
  const [from, setFrom] = useState(() => businessDay(Date.now(), config));
  const [to, setTo] = useState(from);
  const [masking, setMasking] = useState<'none' | 'surname'>('none');
  const [whole, setWhole] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { state, start, cancel } = useExport();
  const running = state.phase === 'running';

  const submit = () => {
    if (!BusinessDaySchema.safeParse(from).success || !BusinessDaySchema.safeParse(to).success) {
      return setProblem(t('exporting.problem.bad-day'));
    }
    if (from > to && !whole) return setProblem(t('exporting.problem.range-backwards'));
    setProblem(null);
    // A backup: everything from the log's first record to the last day chosen.
    void start({ from: whole ? '1970-01-01' : from, to }, masking);
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exporting.title')}</h2>
      <p className="hint">{t('exporting.intro', { zone: config.timeZone })}</p>
      <div className="field-pair">
        <TextField
          label={t('exporting.from')}
          type="date"
          value={from}
          onChange={setFrom}
          maxLength={10}
        />
        <TextField
          label={t('exporting.to')}
          type="date"
          value={to}
          onChange={setTo}
          maxLength={10}
        />
      </div>
      <ChoiceGroup
        label={t('exporting.scope')}
        options={['days', 'whole'] as const}
        value={whole ? 'whole' : 'days'}
        onChange={(scope) => setWhole(scope === 'whole')}
        labelOf={(scope) => t(`exporting.scopes.${scope}`)}
      />
      <ChoiceGroup
        label={t('exporting.masking')}
        options={['none', 'surname'] as const}
        value={masking}
        onChange={setMasking}
        labelOf={(option) => t(`exporting.mask.${option}`)}
      />
      <FormError message={problem ?? (state.phase === 'failed' ? state.message : null)} />
      {running && (
        <ProgressRow
          value={state.done}
          max={state.total}
          label={t('exporting.progress', {
            percent: Math.round((state.done / state.total) * 100),
          })}
          cancelLabel={t('exporting.cancel')}
          onCancel={cancel}
        />
      )}
      {state.phase === 'saved' && (
        <p role="status" className="verdict ok" data-export-path={state.path}>
          {t('exporting.saved', { count: state.records, path: state.path })}
        </p>
      )}
      <button type="button" className="primary big" disabled={running} onClick={submit}>
        {running ? t('exporting.running') : t('exporting.start')}
      </button>
    </section>
  );
}
