/** Adds a clerk, manager or auditor with a first PIN, which its owner replaces at the first sign-in. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '../../../core/domain/permissions';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { TextField } from '../../ui/TextField';
import { useCommand } from '../shared/use-command';

export function NewAccountForm() {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { run, error, busy } = useCommand();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const stored = await run({ type: 'create-account', staffNo, role, pin, confirmation });
    if (stored) {
      setCreated(staffNo.trim());
      setStaffNo('');
      setPin('');
      setConfirmation('');
    }
  };

  return (
    <form
      className="panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="new-account-title"
    >
      <h2 id="new-account-title">{t('staff.newTitle')}</h2>
      <TextField label={t('staff.staffNo')} value={staffNo} onChange={setStaffNo} maxLength={12} />
      <ChoiceGroup
        label={t('staff.role')}
        options={RoleSchema.options}
        value={role}
        onChange={setRole}
        labelOf={(code) => t(`role.${code}`)}
      />
      <PinField label={t('pin.new')} value={pin} onChange={setPin} />
      <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
      <p className="hint">{t('pin.rules')}</p>
      <FormError message={error} />
      {created && !error && <p role="status">{t('staff.created', { staffNo: created })}</p>}
      <button type="submit" className="primary big" disabled={busy}>
        {t('staff.create')}
      </button>
    </form>
  );
}
