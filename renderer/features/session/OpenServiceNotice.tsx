/** Tells whoever is at the sign-in or lock screen that a service is still open, and whose it is. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';

export function OpenServiceNotice() {
  const { t } = useTranslation();
  const { services } = useRepositories();
  const view = useLiveQuery(() => services.latest(), [services]);
  const open = view?.service?.outcome === 'open' ? view.service : null;
  if (!open) return null;
  return (
    <p className="notice warning" role="status">
      {t('session.openService', { ticket: open.ticket, staffNo: view?.startedBy ?? '?' })}
    </p>
  );
}
