import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

/** 尊称姓氏: once the surname is known (from the ID, usually), scripts use it from then on. */
export function SurnameDialog({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: (surname: string) => void;
}) {
  const { t } = useTranslation();
  const [surname, setSurname] = useState('');
  return (
    <Dialog
      title={t('surname.title')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!surname.trim()}
            onClick={() => onConfirm(surname)}
          >
            {t('surname.confirm')}
          </button>
        </>
      }
    >
      <label className="field">
        {t('surname.label')}
        <input
          value={surname}
          maxLength={30}
          autoComplete="off"
          onChange={(event) => setSurname(event.target.value)}
        />
      </label>
      <p className="hint">{t('surname.privacy')}</p>
    </Dialog>
  );
}
