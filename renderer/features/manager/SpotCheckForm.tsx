/**
 * A spot-check (抽查), mystery visit (暗访) or mutual check (互查, by another clerk): what the
 * observer saw of each step, recorded as its own record. The clerk's own record is not shown
 * while observing, so it cannot lead the observer; once saved, the agreement is.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_IDS, type StepId } from '../../../core/domain/flow/flow-definition';
import type { Observation } from '../../../core/domain/log/events';
import { agrees } from '../../../core/domain/review/rollup';
import { letterOf, type ServiceRow } from '../../../core/domain/review/service-row';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useCommand } from '../shared/use-command';

const SEEN: readonly Observation[] = ['done', 'skipped', 'na', 'not-seen'];
const KINDS = ['spot-check', 'mystery-visit'] as const;

export function SpotCheckForm({
  row,
  mutual,
  onDone,
}: {
  row: ServiceRow;
  mutual: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const { run, error, busy } = useCommand();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('spot-check');
  const [seen, setSeen] = useState<Partial<Record<StepId, Observation>>>({});
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<{ agreed: number; observed: number; differ: StepId[] } | null>(
    null,
  );

  const save = async () => {
    const observations = Object.fromEntries(
      Object.entries(seen).filter(([, value]) => value !== 'not-seen'),
    );
    const done = await run({
      type: 'record-spot-check',
      target: row.serviceId,
      kind: mutual ? 'mutual-check' : kind,
      observations,
      note,
    });
    if (!done) return;
    const observed = Object.entries(observations) as [StepId, Observation][];
    const differ = observed
      .filter(([id, value]) => !agrees(letterOf(row.recorded.steps, id), value))
      .map(([id]) => id);
    setSaved({ agreed: observed.length - differ.length, observed: observed.length, differ });
  };

  if (saved) {
    return (
      <section className="panel" role="status">
        <h2>{t('check.saved')}</h2>
        <p data-agreed={saved.agreed} data-observed={saved.observed}>
          {t('check.agreement', { agreed: saved.agreed, observed: saved.observed })}
        </p>
        {saved.differ.length > 0 && (
          <ul>
            {saved.differ.map((id) => (
              <li key={id}>{tApp(`steps.${id}.name`)}</li>
            ))}
          </ul>
        )}
        <button type="button" className="secondary" onClick={onDone}>
          {t('check.close')}
        </button>
      </section>
    );
  }
  return (
    <section className="panel spot-check" aria-labelledby="check-title">
      <h2 id="check-title">{mutual ? t('check.mutualTitle') : t('check.title')}</h2>
      <p className="hint">{t('check.explain')}</p>
      {!mutual && (
        <ChoiceGroup
          label={t('check.kind')}
          options={KINDS}
          value={kind}
          onChange={setKind}
          labelOf={(option) => t(`check.kinds.${option}`)}
        />
      )}
      <ol className="observations">
        {STEP_IDS.map((id, index) => (
          <li key={id} data-step={id}>
            <span className="observation-name">
              {t('numbered', { number: index + 1, name: tApp(`steps.${id}.name`) })}
            </span>
            <div className="segmented" role="group" aria-label={tApp(`steps.${id}.name`)}>
              {SEEN.map((value) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={(seen[id] ?? 'not-seen') === value}
                  onClick={() => setSeen({ ...seen, [id]: value })}
                >
                  {t(`check.seen.${value}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <TextField label={t('check.note')} value={note} onChange={setNote} maxLength={200} />
      <FormError message={error} />
      <div className="row-actions">
        <button type="button" className="secondary" onClick={onDone}>
          {tApp('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('check.save')}
        </button>
      </div>
    </section>
  );
}
