import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

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
      confirm={{
        label: t('surname.confirm'),
        onClick: () => onConfirm(surname),
        disabled: !surname.trim(),
      }}
    >
      <TextField
        label={t('surname.label')}
        value={surname}
        onChange={(value) => setSurname(value)}
        maxLength={30}
      />
      <p className="hint">{t('surname.privacy')}</p>
    </Dialog>
  );
}
