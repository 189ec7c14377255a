/**
 * The hub's pages for managers only: stores, enrolment codes for a store's devices, and accounts
 * (adding one, resetting its PIN, disabling or enabling it). Auditors are refused.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../core/domain/locale';
import type { Account, AccountRefusal } from '../accounts';
import type { Translate } from '../i18n';
import { sessionGuard, type WebContext } from './context';
import { accountRefusalText } from './account-refusal';
import { html } from './html';
import { dateTime, notice, page, send } from './page';

export function registerAdminRoutes(app: FastifyInstance, context: WebContext) {
  const { service } = context;
  const signedIn = sessionGuard(service);

  const adminPage = async (
    t: Translate,
    locale: Locale,
    account: Account,
    message: { text: string; error: boolean } | null,
    code: { store: string; code: string; expiresAt: number } | null,
  ) => {
    const [stores, accounts] = await Promise.all([service.stores(), service.accounts()]);
    return page(
      t,
      locale,
      t('nav.admin'),
      account,
      html`${message ? notice(message.text, message.error) : ''}
        <section>
          <h2>${t('admin.enrol')}</h2>
          <p>${t('admin.enrolIntro')}</p>
          ${
            code
              ? html`<p class="notice" data-enrol-code="${code.code}">
                  ${t('admin.code', {
                    store: stores.find((store) => store.id === code.store)?.name ?? code.store,
                    code: code.code,
                    until: dateTime(code.expiresAt, locale, ''),
                  })}
                </p>`
              : ''
          }
          <form method="post" action="/admin/code" class="inline">
            <label
              >${t('period.store')}<select name="store" required>
                ${stores.map((store) => html`<option value="${store.id}">${store.name}</option>`)}
              </select></label
            >
            <button type="submit">${t('admin.makeCode')}</button>
          </form>
        </section>
        <section>
          <h2>${t('admin.stores')}</h2>
          <table data-table="stores-list">
            <tbody>
              ${stores.map(
                (store) =>
                  html`<tr>
                    <td class="mono">${store.id}</td>
                    <td>${store.name}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <form method="post" action="/admin/store" class="inline">
            <label>${t('admin.storeId')}<input name="id" required /></label>
            <label>${t('admin.storeName')}<input name="name" required /></label>
            <button type="submit">${t('admin.addStore')}</button>
          </form>
        </section>
        <section>
          <h2>${t('admin.accounts')}</h2>
          <table data-table="accounts">
            <tbody>
              ${accounts.map(
                (entry) =>
                  html`<tr>
                    <td>${entry.staffNo}</td>
                    <td>${t(`role.${entry.role}`, { ns: 'translation' })}</td>
                    <td>
                      ${entry.enabled ? t('admin.enabled') : t('admin.disabled')}
                      ${entry.mustChange ? html` · ${t('admin.mustChange')}` : ''}
                    </td>
                    <td>
                      <form method="post" action="/admin/reset" class="inline">
                        <input type="hidden" name="subject" value="${entry.staffNo}" />
                        <label
                          >${t('admin.pin')}<input name="pin" type="password" required
                        /></label>
                        <label
                          >${t('admin.confirmation')}<input
                            name="confirmation"
                            type="password"
                            required
                        /></label>
                        <button type="submit">${t('admin.resetPin')}</button>
                      </form>
                    </td>
                    <td>
                      ${
                        entry.staffNo === account.staffNo
                          ? ''
                          : html`<form method="post" action="/admin/enabled">
                              <input type="hidden" name="subject" value="${entry.staffNo}" />
                              <input
                                type="hidden"
                                name="enabled"
                                value="${entry.enabled ? 'false' : 'true'}"
                              />
                              <button type="submit">
                                ${entry.enabled ? t('admin.disable') : t('admin.enable')}
                              </button>
                            </form>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <form method="post" action="/admin/account" class="inline">
            <label>${t('admin.staffNo')}<input name="staffNo" required /></label>
            <label
              >${t('admin.role')}<select name="role">
                <option value="auditor">${t('role.auditor', { ns: 'translation' })}</option>
                <option value="manager">${t('role.manager', { ns: 'translation' })}</option>
              </select></label
            >
            <label>${t('admin.pin')}<input name="pin" type="password" required /></label>
            <label
              >${t('admin.confirmation')}<input name="confirmation" type="password" required
            /></label>
            <button type="submit">${t('admin.addAccount')}</button>
          </form>
        </section>`,
      '/admin',
    );
  };

  const refusalText = (t: Translate, code: AccountRefusal | 'store-id'): string =>
    code === 'store-id' ? t('admin.storeInvalid') : accountRefusalText(t, code);

  app.get('/admin', async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    return send(reply, await adminPage(session.t, session.locale, session.account, null, null));
  });

  const StoreBody = z.object({ id: z.string().max(40), name: z.string().max(100) });
  app.post('/admin/store', { schema: { body: StoreBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const { id, name } = request.body as z.infer<typeof StoreBody>;
    const added = await service.addStore(account, id.trim(), name);
    const message = added.ok
      ? { text: t('admin.storeAdded'), error: false }
      : {
          text: added.error === 'exists' ? t('admin.storeExists') : refusalText(t, added.error),
          error: true,
        };
    return send(reply, await adminPage(t, locale, account, message, null), added.ok ? 200 : 400);
  });

  const CodeBody = z.object({ store: z.string().max(40) });
  app.post('/admin/code', { schema: { body: CodeBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const { store } = request.body as z.infer<typeof CodeBody>;
    const made = await service.enrolCode(account, store);
    if (!made.ok)
      return send(
        reply,
        await adminPage(t, locale, account, { text: t('errors.malformed'), error: true }, null),
        400,
      );
    return send(reply, await adminPage(t, locale, account, null, { store, ...made.value }));
  });

  const AccountBody = z.object({
    staffNo: z.string().max(40),
    role: z.string().max(20),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/admin/account', { schema: { body: AccountBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const body = request.body as z.infer<typeof AccountBody>;
    const made = await service.createAccount(account, { ...body, staffNo: body.staffNo.trim() });
    const message = made.ok
      ? { text: t('admin.accountAdded'), error: false }
      : { text: refusalText(t, made.error), error: true };
    return send(reply, await adminPage(t, locale, account, message, null), made.ok ? 200 : 400);
  });

  const ResetBody = z.object({
    subject: z.string().max(40),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/admin/reset', { schema: { body: ResetBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const made = await service.resetPin(account, request.body as z.infer<typeof ResetBody>);
    const message = made.ok
      ? { text: t('admin.pinReset'), error: false }
      : { text: refusalText(t, made.error), error: true };
    return send(reply, await adminPage(t, locale, account, message, null), made.ok ? 200 : 400);
  });

  const EnabledBody = z.object({ subject: z.string().max(40), enabled: z.enum(['true', 'false']) });
  app.post('/admin/enabled', { schema: { body: EnabledBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { ability: 'administer' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const { subject, enabled } = request.body as z.infer<typeof EnabledBody>;
    const made = await service.setEnabled(account, subject, enabled === 'true');
    const message = made.ok ? null : { text: refusalText(t, made.error), error: true };
    return send(reply, await adminPage(t, locale, account, message, null), made.ok ? 200 : 400);
  });
}
