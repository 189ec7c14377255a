/**
 * What the shift asks of the clerk between customers, above the start panel: the handover the
 * last person at this counter left (to read and acknowledge), today's opening check while it is
 * not done, every item a check found Not OK until it is put right, the handover items still open,
 * and the handover note to write before signing out. Nothing here stops a service starting: the
 * customer comes first.
 */
import '../shared/shift.css';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../core/domain/device/commands';
import type { DeviceState } from '../../../core/domain/device/state';
import { currentLocale } from '../../i18n';

export function ShiftBar({
  state,
  staffNo,
  checkedToday,
  onCheck,
  onHandover,
  onCommand,
}: {
  state: DeviceState;
  staffNo: string;
  checkedToday: boolean;
  onCheck: () => void;
  onHandover: () => void;
  onCommand: (command: Command) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const { pendingHandover, openItems, openHandoverItems } = state.shift;
  const handover = pendingHandover && pendingHandover.by !== staffNo ? pendingHandover : null;
  const mine = openItems.filter((item) => item.subject === staffNo);
  const carried = openHandoverItems.filter(
    (item) => !handover || item.handoverSeq !== handover.seq,
  );

  return (
    <section className="shift-bar" aria-label={t('shift.barLabel')}>
      {handover && (
        <article className="handover-card notice warning" aria-labelledby="handover-heading">
          <h2 id="handover-heading">
            {t('shift.handoverFrom', {
              staffNo: handover.by ?? '',
              time: new Date(handover.atMs).toLocaleTimeString(locale, {
                hour: '2-digit',
                minute: '2-digit',
                hour12: false,
              }),
            })}
          </h2>
          {handover.note && <p className="handover-note">{handover.note}</p>}
          {handover.items.length > 0 && (
            <ul className="handover-items">
              {handover.items.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={() => onCommand({ type: 'acknowledge-handover', handoverSeq: handover.seq })}
          >
            {t('shift.acknowledge')}
          </button>
        </article>
      )}
      {!checkedToday && (
        <div className="shift-row notice warning" role="status">
          <span>{t('shift.checkDue')}</span>
          <button type="button" onClick={onCheck}>
            {t('shift.startCheck')}
          </button>
        </div>
      )}
      {mine.length > 0 && (
        <ul className="open-items" aria-label={t('shift.openItems')}>
          {mine.map((item) => (
            <li key={`${item.checkSeq}:${item.code}`} className="shift-row notice error">
              <span>
                {t('shift.openItem', { item: item.text[locale] })}
                {item.note && ` — ${item.note}`}
              </span>
              <button
                type="button"
                onClick={() =>
                  onCommand({
                    type: 'resolve-opening-item',
                    subject: staffNo,
                    checkSeq: item.checkSeq,
                    code: item.code,
                  })
                }
              >
                {t('shift.fixed')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!handover && carried.length > 0 && (
        <ul className="open-items" aria-label={t('shift.carriedItems')}>
          {carried.map((item) => (
            <li key={`${item.handoverSeq}:${item.index}`} className="shift-row notice">
              <span>{t('shift.carriedItem', { item: item.text })}</span>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  onCommand({
                    type: 'close-handover-item',
                    handoverSeq: item.handoverSeq,
                    index: item.index,
                    note: '',
                  })
                }
              >
                {t('shift.itemDone')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="shift-row">
        <button type="button" className="secondary" onClick={onHandover}>
          {t('shift.writeHandover')}
        </button>
      </div>
    </section>
  );
}
