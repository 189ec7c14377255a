/**
 * Staff accounts, for managers: add a clerk, manager or auditor; reset a forgotten PIN; disable
 * an account that should no longer sign in. Accounts are never deleted: they are in the log.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '../../domain/permissions';
import type { Session } from '../../storage';
import { useRepositories } from '../../storage/provider';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { useAction } from '../session/use-action';
import { TextField } from '../../ui/TextField';

export function StaffScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const accounts = useLiveQuery(() => auth.accounts(), [auth]) ?? [];
  const [resetting, setResetting] = useState<string | null>(null);
  const toggle = useAction();

  return (
    <main className="admin">
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">{t('staff.title')}</h2>
        <table className="accounts">
          <thead>
            <tr>
              <th>{t('staff.staffNo')}</th>
              <th>{t('staff.role')}</th>
              <th>{t('staff.status')}</th>
              <th>{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.staffNo} data-staff-no={account.staffNo}>
                <td>{account.staffNo}</td>
                <td>{t(`role.${account.role}`)}</td>
                <td>{account.enabled ? t('staff.enabled') : t('staff.disabled')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setResetting(account.staffNo)}>
                    {t('staff.resetPin')}
                  </button>
                  {account.staffNo !== session.staffNo && (
                    <button
                      type="button"
                      onClick={() =>
                        void toggle.run(() =>
                          auth.setAccountEnabled(account.staffNo, !account.enabled),
                        )
                      }
                    >
                      {account.enabled ? t('staff.disable') : t('staff.enable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FormError message={toggle.error} />
      </section>
      <NewAccountForm />
      {resetting && <ResetPinDialog staffNo={resetting} onClose={() => setResetting(null)} />}
    </main>
  );
}

function NewAccountForm() {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [staffNo, setStaffNo] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { run, error, busy } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(() => auth.createAccount({ staffNo, role, pin, confirmation }));
    if (done !== undefined) {
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
      <TextField
        label={t('staff.staffNo')}
        value={staffNo}
        onChange={(value) => setStaffNo(value)}
        maxLength={12}
      />
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

function ResetPinDialog({ staffNo, onClose }: { staffNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useAction();
  const save = async () => {
    if ((await run(() => auth.resetPin(staffNo, pin, confirmation))) !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('staff.resetTitle', { staffNo })}
      onClose={onClose}
      confirm={{ label: t('pin.save'), onClick: () => void save(), disabled: busy }}
    >
      <PinField label={t('pin.new')} value={pin} onChange={setPin} autoFocus />
      <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
      <p className="hint">{t('pin.rules')}</p>
      <FormError message={error} />
    </Dialog>
  );
}
