/**
 * The handover at sign-out (交接班): a note for the next person at this counter and the items
 * still pending (a follow-up promised today, a customer who will come back, a broken printer).
 * Items already carried over stay open by themselves until someone closes them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HANDOVER_ITEMS_MAX,
  HANDOVER_ITEM_MAX,
  HANDOVER_NOTE_MAX,
} from '../../../core/domain/log/shift-events';
import type { OpenHandoverItem } from '../../../core/domain/shift/shift-state';
import { Dialog } from '../../ui/Dialog';

export function HandoverDialog({
  carried,
  error,
  onCancel,
  onSave,
}: {
  carried: readonly OpenHandoverItem[];
  error: string | null;
  onCancel: () => void;
  onSave: (note: string, items: string[]) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [items, setItems] = useState<string[]>(['']);
  const filled = note.trim() !== '' || items.some((item) => item.trim() !== '');
  return (
    <Dialog
      title={t('shift.handoverTitle')}
      onClose={onCancel}
      confirm={{
        label: t('shift.saveAndSignOut'),
        onClick: () => onSave(note, items),
        disabled: !filled,
      }}
    >
      <p>{t('shift.handoverIntro')}</p>
      <label className="field">
        {t('shift.handoverNote')}
        <textarea
          rows={3}
          maxLength={HANDOVER_NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {items.map((item, index) => (
        <label className="field" key={index}>
          {t('shift.handoverItem', { number: index + 1 })}
          <input
            type="text"
            maxLength={HANDOVER_ITEM_MAX}
            value={item}
            onChange={(event) =>
              setItems((list) => list.map((old, at) => (at === index ? event.target.value : old)))
            }
          />
        </label>
      ))}
      {items.length < HANDOVER_ITEMS_MAX && (
        <button
          type="button"
          className="secondary"
          onClick={() => setItems((list) => [...list, ''])}
        >
          {t('shift.addItem')}
        </button>
      )}
      {carried.length > 0 && (
        <>
          <p>{t('shift.carriedIntro')}</p>
          <ul className="handover-items">
            {carried.map((item) => (
              <li key={`${item.handoverSeq}:${item.index}`}>{item.text}</li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
