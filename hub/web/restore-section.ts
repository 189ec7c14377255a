/**
 * The devices page's part for a restored tablet (managers only): a one-time restore code for one
 * device, which the restored tablet's manager types under Settings → Store hub so that the hub
 * takes the tablet's new keys (hub/restore-approvals.ts).
 */
import type { Locale } from '../../core/domain/locale';
import type { Translate } from '../i18n';
import type { DeviceInfo } from '../service';
import { html } from './html';
import { dateTime, notice } from './page';

const deviceName = (t: Translate, device: DeviceInfo) =>
  t('devices.restoreDevice', {
    store: device.storeName,
    counter: device.counter ?? '—',
    fingerprint: device.fingerprint,
  });

export function restoreSection(
  t: Translate,
  locale: Locale,
  devices: readonly DeviceInfo[],
  restore: { device: string; code: string; expiresAt: number } | null,
  message: string | null,
) {
  const made = restore ? devices.find((device) => device.id === restore.device) : undefined;
  return html`<section data-section="restore">
    <h2>${t('devices.restoreTitle')}</h2>
    <p>${t('devices.restoreIntro')}</p>
    ${notice(message, true)}
    ${
      restore && made
        ? html`<p class="notice" data-restore-code="${restore.code}">
            ${t('devices.restoreCode', {
              device: deviceName(t, made),
              code: restore.code,
              until: dateTime(restore.expiresAt, locale, ''),
            })}
          </p>`
        : ''
    }
    <form method="post" action="/devices/restore-code" class="inline">
      <label
        >${t('devices.device')}<select name="device" required>
          ${devices.map(
            (device) =>
              html`<option value="${device.id}" ${device.id === restore?.device ? 'selected' : ''}>
                ${deviceName(t, device)}${
                  device.restores > 0
                    ? ` (${t('devices.restoresApproved', { count: device.restores })})`
                    : ''
                }
              </option>`,
          )}
        </select></label
      >
      <button type="submit">${t('devices.makeRestoreCode')}</button>
    </form>
  </section>`;
}
