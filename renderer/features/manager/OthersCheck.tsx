/**
 * A check of a colleague's appearance and counter (抽查 by a manager, 暗访 a mystery visit, 互查 a
 * clerk's mutual check): whose, which kind, and the same list the clerk answers, any items of it.
 * The Review compares it with the clerk's own check of that day.
 */
import '../shared/shift.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/domain/permissions';
import type { OpeningCheckKind } from '../../../core/domain/log/shift-events';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { useDeviceState } from '../shared/store-context';
import { useCommand } from '../shared/use-command';
import { OpeningCheckForm } from '../shared/OpeningCheckForm';

export function OthersCheck() {
  const { t } = useTranslation();
  const state = useDeviceState();
  const { run, error, dismiss } = useCommand();
  const me = state.session;
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const colleagues = [...state.accounts.values()].filter(
    (account) =>
      account.enabled && account.staffNo !== me?.staffNo && can(account.role, 'run-service'),
  );
  const kinds: OpeningCheckKind[] =
    me && can(me.role, 'spot-check') ? ['spot-check', 'mystery-visit'] : ['mutual-check'];
  const [subject, setSubject] = useState(colleagues[0]?.staffNo ?? '');
  const [kind, setKind] = useState<OpeningCheckKind>(kinds[0] ?? 'mutual-check');
  if (!me || colleagues.length === 0) return null;

  return (
    <section className="others-check" aria-labelledby="others-check-title">
      <div className="shift-row">
        <h2 id="others-check-title">{t('shift.othersTitle')}</h2>
        {!shown && (
          <button type="button" className="secondary" onClick={() => setShown(true)}>
            {t('shift.othersOpen')}
          </button>
        )}
      </div>
      {saved && <p role="status">{saved}</p>}
      {error && <Notice message={error} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />}
      {shown && (
        <>
          <SelectField
            label={t('shift.whose')}
            value={subject}
            options={colleagues.map((account) => ({
              value: account.staffNo,
              label: account.staffNo,
            }))}
            onChange={setSubject}
          />
          {kinds.length > 1 && (
            <ChoiceGroup
              label={t('shift.kind')}
              options={kinds}
              value={kind}
              onChange={setKind}
              labelOf={(option) => t(`shift.kinds.${option}`)}
            />
          )}
          <OpeningCheckForm
            items={state.config.openingItems}
            requireAll={false}
            submitLabel={t('shift.recordOthers')}
            onLater={() => setShown(false)}
            onSubmit={async (results) => {
              const stored = await run({ type: 'record-opening-check', subject, kind, results });
              if (stored) {
                setSaved(t('shift.othersSaved', { staffNo: subject, count: results.length }));
                setShown(false);
              }
              return stored !== null;
            }}
          />
        </>
      )}
    </section>
  );
}
