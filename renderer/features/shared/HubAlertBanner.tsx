/**
 * The store hub's alerts against this device (hub/witness.ts), on every screen of a signed-in
 * manager, as the hub's last answer listed them: a head that went backwards, history rewritten
 * after the hub heard of it, a screen calling tickets while its log stood still. They are the
 * hub's to clear (its devices page), not the tablet's: a rolled-back tablet has nothing to compare.
 */
import { useTranslation } from 'react-i18next';
import { useHubAlerts } from './hub-alerts';
import { useDeviceState } from './store-context';

export function HubAlertBanner() {
  const { t, i18n } = useTranslation();
  const alerts = useHubAlerts();
  const { session } = useDeviceState();
  if (alerts.length === 0 || session?.role !== 'manager' || session.locked) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="integrity-banner hub-alerts" role="alert" data-hub-alerts={alerts.length}>
      <p>{t('hubAlerts.title', { count: alerts.length })}</p>
      <ul>
        {alerts.map((alert) => (
          <li
            key={`${alert.kind}-${String(alert.seq)}-${String(alert.at)}`}
            data-alert={alert.kind}
          >
            {t(`hubAlerts.${alert.kind}`, { seq: alert.seq ?? '?' })}{' '}
            <time dateTime={new Date(alert.at).toISOString()}>{when.format(alert.at)}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}
