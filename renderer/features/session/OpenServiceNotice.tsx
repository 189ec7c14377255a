/** Tells whoever is at the sign-in or lock screen that a service is still open, and whose it is. */
import { useTranslation } from 'react-i18next';
import { openService } from '../../../core/domain/device/state';
import { useDeviceState } from '../shared/store-context';

export function OpenServiceNotice() {
  const { t } = useTranslation();
  const open = openService(useDeviceState());
  if (!open) return null;
  return (
    <p className="notice warning" role="status">
      {t('session.openService', { ticket: open.ticket, staffNo: open.startedBy ?? '?' })}
    </p>
  );
}
