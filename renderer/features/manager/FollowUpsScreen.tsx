/**
 * The promised follow-ups of this tablet's complaints, overdue first, then by the day they are
 * due, then the closed ones (the complaint figures are in the Review, for any period and counter). Closing one records what came of it (a new record; the complaint's own
 * record stays as it was).
 */
import './i18n';
import './review.css';
import './follow-ups.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../core/domain/device/config';
import type { FollowUp } from '../../../core/domain/device/state';
import { FollowUpResultSchema, type FollowUpResult } from '../../../core/domain/service/complaint';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/use-now';
import { useDeviceState } from '../shared/store-context';
import { useCommand } from '../shared/use-command';

type Standing = 'overdue' | 'due-today' | 'upcoming' | 'closed';

const standingOf = (followUp: FollowUp, today: string): Standing => {
  if (followUp.closed) return 'closed';
  if (followUp.due < today) return 'overdue';
  return followUp.due === today ? 'due-today' : 'upcoming';
};
const ORDER: Record<Standing, number> = { overdue: 0, 'due-today': 1, upcoming: 2, closed: 3 };

export function FollowUpsScreen() {
  const { t, i18n } = useTranslation('review');
  const { t: tc } = useTranslation();
  const { config, followUps } = useDeviceState();
  const { run, error, dismiss } = useCommand();
  const now = useNow(60_000);
  const today = businessDay(now, config);
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const rows = [...followUps.values()]
    .map((followUp) => ({ followUp, standing: standingOf(followUp, today) }))
    .sort(
      (a, b) =>
        ORDER[a.standing] - ORDER[b.standing] || a.followUp.due.localeCompare(b.followUp.due),
    );
  const overdue = rows.filter((row) => row.standing === 'overdue').length;
  return (
    <main className="review follow-ups">
      {error && <Notice message={error} onDismiss={dismiss} dismissLabel={tc('common.dismiss')} />}
      <h2>{t('followUps.title')}</h2>
      <p className="hint" data-figure="overdue-follow-ups">
        {t('followUps.summary', {
          count: rows.length - rows.filter((row) => row.followUp.closed).length,
          overdue,
        })}
      </p>
      {rows.length === 0 ? (
        <p>{t('followUps.none')}</p>
      ) : (
        <ul className="follow-up-list">
          {rows.map(({ followUp, standing }) => (
            <li
              key={followUp.serviceId}
              className={`follow-up standing-${standing}`}
              data-follow-up={followUp.serviceId}
              data-standing={standing}
            >
              <p className="follow-up-head">
                <span className={`tag standing-${standing}`}>
                  {t(`followUps.standing.${standing}`)}
                </span>
                <span>{t('followUps.due', { date: followUp.due })}</span>
                <span>{tc(`complaint.category.${followUp.category}`)}</span>
                <span>{t('followUps.by', { staffNo: followUp.staffNo ?? '—' })}</span>
                <span>
                  {new Date(followUp.atMs).toLocaleString(i18n.language, { hour12: false })}
                </span>
              </p>
              <p className="follow-up-summary">{followUp.summary}</p>
              {followUp.closed ? (
                <p className="follow-up-closed">
                  {t('followUps.closedAs', {
                    result: t(`followUps.result.${followUp.closed.result}`),
                    staffNo: followUp.closed.by ?? '—',
                  })}
                  {followUp.closed.note && ` — ${followUp.closed.note}`}
                </p>
              ) : (
                <button type="button" className="secondary" onClick={() => setClosing(followUp)}>
                  {t('followUps.close')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {closing && (
        <CloseDialog
          onCancel={() => setClosing(null)}
          onConfirm={async (result, note) => {
            const stored = await run({
              type: 'close-follow-up',
              target: closing.serviceId,
              result: result ?? '',
              note,
            });
            if (stored) setClosing(null);
          }}
        />
      )}
    </main>
  );
}

function CloseDialog({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: (result: FollowUpResult | null, note: string) => void;
}) {
  const { t } = useTranslation('review');
  const [result, setResult] = useState<FollowUpResult | null>(null);
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={t('followUps.closeTitle')}
      onClose={onCancel}
      confirm={{
        label: t('followUps.closeConfirm'),
        disabled: result === null,
        onClick: () => onConfirm(result, note),
      }}
    >
      <ChoiceGroup
        label={t('followUps.resultLabel')}
        options={FollowUpResultSchema.options}
        value={result}
        onChange={setResult}
        labelOf={(code) => t(`followUps.result.${code}`)}
      />
      <label className="field">
        {t('followUps.note')}
        <textarea
          value={note}
          maxLength={200}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
    </Dialog>
  );
}
