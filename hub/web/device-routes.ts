/**
 * The hub's devices page — each enrolled device with its chain's head and last push, the hub's
 * key, restore codes (managers), the tampering alerts — and each device's signed export of a
 * business day.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hubCan } from '../../core/domain/hub/roles';
import { exportDay } from '../export';
import { Day, sessionGuard, type SignedIn, type WebContext } from './context';
import { html } from './html';
import { dateTime, notice, page, send } from './page';
import { restoreSection } from './restore-section';
import { alertSection } from './alert-section';

export function registerDeviceRoutes(app: FastifyInstance, context: WebContext) {
  const { service } = context;
  const signedIn = sessionGuard(service);

  const devicesPage = async (
    { t, locale, account }: SignedIn,
    restore: { device: string; code: string; expiresAt: number } | null,
    message: string | null = null,
  ) => {
    const [devices, alerts] = await Promise.all([service.devices(), service.alerts()]);
    const latest =
      (await service.latestDay()) ?? new Date(service.now()).toISOString().slice(0, 10);
    const body = html`<section>
        <h2>${t('devices.title')}</h2>
        <p>${t('devices.hubKey', { fingerprint: context.key.fingerprint })}</p>
        ${
          devices.length === 0
            ? html`<p>${t('devices.none')}</p>`
            : html`<div class="table-scroll">
                <table data-table="devices">
                  <thead>
                    <tr>
                      <th>${t('devices.store')}</th>
                      <th>${t('devices.counter')}</th>
                      <th>${t('devices.fingerprint')}</th>
                      <th class="num">${t('devices.head')}</th>
                      <th class="num">${t('devices.witnessed')}</th>
                      <th class="num">${t('devices.sealed')}</th>
                      <th>${t('devices.lastPush')}</th>
                      <th class="num">${t('devices.alerts')}</th>
                      <th>${t('devices.export')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${devices.map(
                      (device) =>
                        html`<tr data-device="${device.id}">
                          <td>${device.storeName}</td>
                          <td>${device.counter ?? '—'}</td>
                          <td class="mono">${device.fingerprint}</td>
                          <td class="num" data-head="${device.headSeq}">${device.headSeq}</td>
                          <td class="num" data-witnessed="${device.witnessedSeq}">
                            ${device.witnessedSeq}
                          </td>
                          <td class="num">${device.sealedUpTo}</td>
                          <td>${dateTime(device.lastPushAt, locale, t('devices.never'))}</td>
                          <td class="num">${device.alerts}</td>
                          <td>
                            <form method="get" action="/export" class="inline">
                              <input type="hidden" name="device" value="${device.id}" />
                              <label
                                >${t('devices.day')}<input
                                  type="date"
                                  name="day"
                                  value="${latest}"
                                  required
                              /></label>
                              <button type="submit">${t('devices.exportSubmit')}</button>
                            </form>
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>
      ${
        hubCan(account.role, 'administer') && devices.length > 0
          ? restoreSection(t, locale, devices, restore, message)
          : ''
      }
      ${alertSection(t, locale, alerts)}`;
    return page(t, locale, t('devices.title'), account, body, '/devices');
  };

  app.get('/devices', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    return send(reply, await devicesPage(session, null));
  });

  const RestoreBody = z.object({ device: z.string().max(40) });
  app.post('/devices/restore-code', { schema: { body: RestoreBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { device } = request.body as z.infer<typeof RestoreBody>;
    const made = z.string().uuid().safeParse(device).success
      ? await service.restoreCode(session.account, device)
      : null;
    if (!made?.ok)
      return send(
        reply,
        await devicesPage(session, null, session.t('devices.unknownDevice')),
        made?.error === 'not-allowed' ? 403 : 400,
      );
    return send(reply, await devicesPage(session, { device, ...made.value }));
  });

  const ExportQuery = z.object({
    device: z.string().uuid(),
    day: Day,
    lang: z.string().optional(),
  });
  app.get('/export', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const { t, locale, account } = session;
    const query = ExportQuery.safeParse(request.query);
    if (!query.success)
      return send(
        reply,
        page(t, locale, t('devices.title'), account, notice(t('errors.malformed'), true)),
        400,
      );
    const made = await exportDay({
      db: service.db,
      ingest: context.ingest,
      key: context.key,
      hubName: context.hubName,
      device: query.data.device,
      day: query.data.day,
      by: { staffNo: account.staffNo, role: account.role },
      locale,
      t,
      now: service.now(),
    });
    if (typeof made === 'string') {
      const message = made === 'no-records' ? t('devices.noRecords') : t('devices.unknownDevice');
      return send(reply, page(t, locale, t('devices.title'), account, notice(message, true)), 404);
    }
    return reply
      .type('application/zip')
      .header('Content-Disposition', `attachment; filename="${made.fileName}"`)
      .send(Buffer.from(made.zip));
  });
}
