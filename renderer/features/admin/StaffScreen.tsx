/**
 * Staff accounts, for managers: add a clerk, manager or auditor; reset a forgotten PIN; disable
 * an account that should no longer sign in. Accounts are never deleted: they are in the log.
 */
import './admin.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../core/domain/device/state';
import { FormError } from '../../ui/FormError';
import { useDeviceState } from '../shared/store-context';
import { useCommand } from '../shared/use-command';
import { NewAccountForm } from './NewAccountForm';
import { ResetPinDialog } from './ResetPinDialog';

export function StaffScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const accounts = [...useDeviceState().accounts.values()].sort((a, b) =>
    a.staffNo.localeCompare(b.staffNo),
  );
  const [resetting, setResetting] = useState<string | null>(null);
  const toggle = useCommand();

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
                        void toggle.run({
                          type: 'set-account-enabled',
                          subject: account.staffNo,
                          enabled: !account.enabled,
                        })
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
