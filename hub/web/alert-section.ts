/**
 * The tampering alerts (hub/witness.ts and ingest.ts), as the devices page and the dashboard show
 * them: newest first, each with its store and counter, what happened and when.
 */
import type { Locale } from '../../core/domain/locale';
import type { Translate } from '../i18n';
import type { AlertInfo } from '../service';
import { html, type Html } from './html';
import { dateTime } from './page';

export function alertSection(
  t: Translate,
  locale: Locale,
  alerts: readonly AlertInfo[],
  /** The dashboard shows the section only when there is an alert. */
  whenNone: 'say-so' | 'hide' = 'say-so',
): Html | '' {
  if (alerts.length === 0 && whenNone === 'hide') return '';
  return html`<section data-section="alerts">
    <h2>${t('alerts.title')}</h2>
    ${
      alerts.length === 0
        ? html`<p>${t('alerts.none')}</p>`
        : html`<table data-table="alerts">
            <thead>
              <tr>
                <th>${t('devices.device')}</th>
                <th>${t('alerts.what')}</th>
                <th>${t('alerts.at')}</th>
              </tr>
            </thead>
            <tbody>
              ${alerts.map(
                (alert) =>
                  html`<tr
                    data-alert="${alert.kind}"
                    data-device="${alert.device}"
                    data-seq="${alert.seq ?? ''}"
                  >
                    <td>${alert.storeName} · ${alert.counter ?? '—'}</td>
                    <td>${t(`alerts.${alert.kind}`, { seq: alert.seq })}</td>
                    <td>${dateTime(alert.at, locale, '')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
