/**
 * The hub's pages for managers and auditors, rendered on the server (no script on the page):
 * sign-in with the device's PIN rules, the store and chain dashboards from the same figure code
 * as the device, the devices with their signed day exports, tampering alerts, and — for managers
 * only — stores, enrolment codes and accounts. Auditors read and export; nothing else.
 * Sessions are an HttpOnly, SameSite=Strict cookie holding a random token (stored hashed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LocaleSchema, type Locale } from '../../renderer/domain/locale';
import { rate, type GroupFigures } from '../../renderer/domain/review/figures';
import { dashboard } from '../dashboard';
import { exportDay } from '../export';
import type { HubKey } from '../hub-key';
import { translator, type Translate } from '../i18n';
import type { Ingest } from '../ingest';
import type { Account } from '../accounts';
import type { HubService } from '../service';
import { html, type Html } from './html';

export interface WebContext {
  service: HubService;
  ingest: Ingest;
  key: HubKey;
  hubName: string;
}

const SESSION_COOKIE = 'hub_session';
const LANG_COOKIE = 'hub_lang';
const CSS = readFileSync(join(import.meta.dirname, 'hub.css'), 'utf8');
/** The pages' own policy: nothing but this origin's stylesheet, no script at all. */
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function localeOf(request: FastifyRequest, reply: FastifyReply): Locale {
  const asked = LocaleSchema.safeParse((request.query as { lang?: unknown } | undefined)?.lang);
  if (asked.success) {
    void reply.setCookie(LANG_COOKIE, asked.data, { path: '/', sameSite: 'strict' });
    return asked.data;
  }
  const saved = LocaleSchema.safeParse(request.cookies[LANG_COOKIE]);
  return saved.success ? saved.data : 'zh-CN';
}

const percent = (value: number | null, locale: Locale) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

const duration = (ms: number | null) => {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const dateTime = (ms: number | null, locale: Locale, never: string) =>
  ms === null
    ? never
    : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);

function page(
  t: Translate,
  locale: Locale,
  title: string,
  account: Account | null,
  body: Html,
  path = '/',
): Html {
  const nav = account
    ? html`<nav>
          <a href="/">${t('nav.dashboard')}</a>
          <a href="/devices">${t('nav.devices')}</a>
          ${account.role === 'manager' ? html`<a href="/admin">${t('nav.admin')}</a>` : ''}
          <a href="/pin">${t('nav.pin')}</a>
        </nav>
        <span class="who"
          >${t('nav.signedInAs', {
            staffNo: account.staffNo,
            role: t(`role.${account.role}`, { ns: 'translation' }),
          })}</span
        >
        <form method="post" action="/logout">
          <button type="submit">${t('nav.signOut')}</button>
        </form>`
    : '';
  const langs = (['zh-CN', 'zh-TW', 'en'] as const).map(
    (code) =>
      html`<a href="${path}${path.includes('?') ? '&' : '?'}lang=${code}" lang="${code}"
        >${t(`languageShort.${code}`, { ns: 'translation', defaultValue: code })}</a
      >`,
  );
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${t('title')}</title>
        <link rel="stylesheet" href="/hub.css" />
      </head>
      <body>
        <header>
          <h1>${t('title')}</h1>
          ${nav}
          <span class="langs">${langs}</span>
        </header>
        <main>${body}</main>
      </body>
    </html>`;
}

function notice(text: string | null, error = false): Html {
  return text ? html`<p class="notice${error ? ' error' : ''}" role="status">${text}</p>` : html``;
}

function groupTable(
  t: Translate,
  locale: Locale,
  caption: string,
  groups: readonly GroupFigures[],
  label: (key: string) => string,
  kind: string,
): Html {
  return html`<section>
    <h2>${caption}</h2>
    <table data-table="${kind}">
      <thead>
        <tr>
          <th>#</th>
          <th>${caption}</th>
          <th class="num">${t('dashboard.services')}</th>
          <th class="num">${t('dashboard.kept')}</th>
          <th class="num">${t('dashboard.doneOf')}</th>
          <th class="num">${t('dashboard.score')}</th>
        </tr>
      </thead>
      <tbody>
        ${groups.map(
          (group, index) =>
            html`<tr data-key="${group.key}">
              <td>${group.score === null ? '—' : index + 1}</td>
              <td>${label(group.key)}</td>
              <td class="num">${group.services}</td>
              <td class="num">${percent(group.kept.rate, locale)}</td>
              <td class="num">${group.kept.done} / ${group.kept.applicable}</td>
              <td class="num">
                ${
                  group.score === null
                    ? t('ranking.tooFew', { ns: 'review' })
                    : group.score.toFixed(1)
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export async function registerWebRoutes(app: FastifyInstance, context: WebContext) {
  const { service } = context;

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) {
      void reply.header('Content-Security-Policy', PAGE_CSP);
      void reply.header('X-Content-Type-Options', 'nosniff');
      void reply.header('Referrer-Policy', 'no-referrer');
      void reply.header('X-Frame-Options', 'DENY');
    }
  });

  const send = (reply: FastifyReply, body: Html, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(body.value);

  /** The signed-in account, or a redirect to sign in (or to choose a PIN) already sent. */
  async function signedIn(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { role?: 'manager'; allowMustChange?: boolean } = {},
  ): Promise<{ account: Account; t: Translate; locale: Locale } | null> {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const account = await service.session(request.cookies[SESSION_COOKIE]);
    if (!account) {
      await reply.redirect((await service.needsSetup()) ? '/setup' : '/login');
      return null;
    }
    if (account.mustChange && !options.allowMustChange) {
      await reply.redirect('/pin');
      return null;
    }
    if (options.role && account.role !== options.role) {
      await send(
        reply,
        page(t, locale, t('errors.forbidden'), account, notice(t('errors.forbidden'), true)),
        403,
      );
      return null;
    }
    return { account, t, locale };
  }

  app.get('/hub.css', async (_request, reply) => reply.type('text/css').send(CSS));

  // Setup and sign-in ----------------------------------------------------------------------------

  const setupForm = (t: Translate, message: string | null) =>
    html`<section>
      <h2>${t('setup.title')}</h2>
      <p>${t('setup.intro')}</p>
      ${notice(message, true)}
      <form method="post" action="/setup" class="inline">
        <label>${t('setup.code')}<input name="code" required autocomplete="off" /></label>
        <label
          >${t('setup.staffNo')}<input name="staffNo" required autocomplete="username"
        /></label>
        <label
          >${t('setup.pin')}<input name="pin" type="password" inputmode="numeric" required
        /></label>
        <label
          >${t('setup.confirmation')}<input
            name="confirmation"
            type="password"
            inputmode="numeric"
            required
        /></label>
        <button type="submit">${t('setup.submit')}</button>
      </form>
    </section>`;

  app.get('/setup', async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    if (!(await service.needsSetup())) return reply.redirect('/login');
    return send(reply, page(t, locale, t('setup.title'), null, setupForm(t, null), '/setup'));
  });

  const SetupBody = z.object({
    code: z.string().max(40),
    staffNo: z.string().max(40),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/setup', { schema: { body: SetupBody } }, async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const body = request.body as z.infer<typeof SetupBody>;
    const made = await service.createFirstManager(body);
    if (made.ok) return reply.redirect('/login');
    const message =
      made.error === 'bad-code'
        ? t('setup.badCode')
        : made.error === 'staff-number'
          ? t('admin.staffNoInvalid')
          : t(`refusal.${made.error}`, { ns: 'translation' });
    return send(reply, page(t, locale, t('setup.title'), null, setupForm(t, message)), 400);
  });

  const signInForm = (t: Translate, message: string | null) =>
    html`<section>
      <h2>${t('signIn.title')}</h2>
      <p>${t('signIn.intro')}</p>
      ${notice(message, true)}
      <form method="post" action="/login" class="inline">
        <label
          >${t('signIn.staffNo', { ns: 'translation' })}<input
            name="staffNo"
            required
            autocomplete="username"
        /></label>
        <label
          >${t('signIn.pin', { ns: 'translation' })}<input
            name="pin"
            type="password"
            inputmode="numeric"
            required
            autocomplete="current-password"
        /></label>
        <button type="submit">${t('signIn.submit', { ns: 'translation' })}</button>
      </form>
    </section>`;

  app.get('/login', async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    if (await service.needsSetup()) return reply.redirect('/setup');
    return send(reply, page(t, locale, t('signIn.title'), null, signInForm(t, null), '/login'));
  });

  const SignInBody = z.object({ staffNo: z.string().max(40), pin: z.string().max(40) });
  app.post('/login', { schema: { body: SignInBody } }, async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const { staffNo, pin } = request.body as z.infer<typeof SignInBody>;
    const result = await service.signIn(staffNo.trim(), pin);
    if (result.ok) {
      void reply.setCookie(SESSION_COOKIE, result.value.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
      });
      return reply.redirect(result.value.account.mustChange ? '/pin' : '/');
    }
    const { error } = result;
    const message =
      error.kind === 'wait'
        ? t('refusal.waiting', {
            ns: 'translation',
            time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(error.retryAt),
          })
        : error.kind === 'disabled'
          ? t('refusal.account-disabled', { ns: 'translation' })
          : t('refusal.wrong-pin', { ns: 'translation', count: 0 }).split(/[.。]/)[0] + '.';
    return send(reply, page(t, locale, t('signIn.title'), null, signInForm(t, message)), 401);
  });

  app.post('/logout', async (request, reply) => {
    await service.signOut(request.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login');
  });

  // Own PIN ------------------------------------------------------------------------------------

  const pinForm = (t: Translate, account: Account, message: string | null, error: boolean) =>
    html`<section>
      <h2>${t('pin.title')}</h2>
      ${account.mustChange ? notice(t('pin.mustChange')) : ''} ${notice(message, error)}
      <form method="post" action="/pin" class="inline">
        <label>${t('pin.current')}<input name="current" type="password" required /></label>
        <label>${t('pin.new')}<input name="pin" type="password" required /></label>
        <label
          >${t('pin.confirmation')}<input name="confirmation" type="password" required
        /></label>
        <button type="submit">${t('pin.submit')}</button>
      </form>
    </section>`;

  app.get('/pin', async (request, reply) => {
    const session = await signedIn(request, reply, { allowMustChange: true });
    if (!session) return reply;
    const { t, locale, account } = session;
    return send(
      reply,
      page(t, locale, t('pin.title'), account, pinForm(t, account, null, false), '/pin'),
    );
  });

  const PinBody = z.object({
    current: z.string().max(40),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/pin', { schema: { body: PinBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { allowMustChange: true });
    if (!session) return reply;
    const { t, locale, account } = session;
    const changed = await service.changeOwnPin(
      account.staffNo,
      request.body as z.infer<typeof PinBody>,
    );
    if (changed.ok) return reply.redirect('/');
    const message =
      changed.error === 'wrong-pin'
        ? t('refusal.wrong-pin', { ns: 'translation', count: 0 }).split(/[.。]/)[0] + '.'
        : t(`refusal.${changed.error}`, { ns: 'translation' });
    return send(
      reply,
      page(t, locale, t('pin.title'), account, pinForm(t, account, message, true)),
      400,
    );
  });

  // Dashboard -----------------------------------------------------------------------------------

  const DashboardQuery = z.object({
    from: Day.optional().catch(undefined),
    to: Day.optional().catch(undefined),
    store: z.string().max(32).optional().catch(undefined),
    lang: z.string().optional(),
  });

  app.get('/', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const { t, locale, account } = session;
    const query = DashboardQuery.parse(request.query ?? {});
    const latest =
      (await service.latestDay()) ?? new Date(service.now()).toISOString().slice(0, 10);
    const from = query.from ?? latest;
    const to = query.to && query.to >= from ? query.to : from;
    const stores = await service.stores();
    const names = new Map(stores.map((store) => [store.id, store.name]));
    const store = query.store && names.has(query.store) ? query.store : null;
    const board = dashboard(await service.rollups(from, to, store));
    const { total } = board.figures;
    const [satisfied, neutral, dissatisfied] = total.ratings;
    const answered = satisfied + neutral + dissatisfied;
    const stepName = (id: string) => t(`steps.${id}.name`, { ns: 'translation' });
    const tiles = [
      {
        id: 'services',
        value: String(total.services),
        note: t('tiles.servicesNote', {
          ns: 'review',
          finished: total.finished,
          abandoned: total.abandoned,
        }),
        raw: `${total.services}`,
      },
      {
        id: 'kept',
        value: percent(total.kept.rate, locale),
        note: t('tiles.keptNote', {
          ns: 'review',
          done: total.kept.done,
          applicable: total.kept.applicable,
        }),
        raw: `${total.kept.done}/${total.kept.applicable}`,
      },
      {
        id: 'average',
        value: duration(total.averageMs),
        note: t('tiles.averageNote', { ns: 'review' }),
        raw: `${total.averageMs ?? ''}`,
      },
      {
        id: 'over',
        value: percent(rate(total.overTarget, total.finished), locale),
        note: t('tiles.overNote', { ns: 'review', count: total.overTarget }),
        raw: `${total.overTarget}/${total.finished}`,
      },
      {
        id: 'flagged',
        value: String(total.flagged),
        note: t('tiles.flaggedNote', { ns: 'review' }),
        raw: `${total.flagged}`,
      },
      {
        id: 'satisfied',
        value: percent(rate(satisfied, answered), locale),
        note: t('tiles.satisfiedNote', { ns: 'review', count: answered }),
        raw: `${satisfied}/${answered}`,
      },
    ];
    const title = store
      ? t('dashboard.storeTitle', { store: names.get(store), from, to })
      : t('dashboard.chainTitle', { from, to });
    const body = html`<section>
        <form method="get" action="/" class="inline">
          <label>${t('period.from')}<input type="date" name="from" value="${from}" /></label>
          <label>${t('period.to')}<input type="date" name="to" value="${to}" /></label>
          <label
            >${t('period.store')}<select name="store">
              <option value="">${t('period.chain')}</option>
              ${stores.map(
                (entry) =>
                  html`<option value="${entry.id}" ${entry.id === store ? html`selected` : ''}>
                    ${entry.name}
                  </option>`,
              )}
            </select></label
          >
          <button type="submit">${t('period.show')}</button>
        </form>
      </section>
      <h2 data-dashboard="${store ?? 'chain'}">${title}</h2>
      ${total.services === 0 ? notice(t('period.none')) : ''}
      <section class="tiles" aria-label="${t('tiles.label', { ns: 'review' })}">
        ${tiles.map(
          (tile) =>
            html`<div class="tile" data-figure="${tile.id}" data-value="${tile.raw}">
              <div class="label">${t(`tiles.${tile.id}`, { ns: 'review' })}</div>
              <div class="value">${tile.value}</div>
              <div class="note">${tile.note}</div>
            </div>`,
        )}
      </section>
      ${
        store
          ? ''
          : groupTable(
              t,
              locale,
              t('dashboard.stores'),
              board.stores,
              (key) => names.get(key) ?? key,
              'stores',
            )
      }
      <section>
        <h2>${t('dashboard.weakest')}</h2>
        <table data-table="weakest">
          <thead>
            <tr>
              <th>${t('dashboard.step')}</th>
              <th class="num">${t('dashboard.kept')}</th>
              <th class="num">${t('dashboard.doneOf')}</th>
              <th class="num">${t('dashboard.skipped')}</th>
            </tr>
          </thead>
          <tbody>
            ${board.weakest.map(
              (step) =>
                html`<tr data-step="${step.id}">
                  <td>${stepName(step.id)}</td>
                  <td class="num">${percent(step.rate, locale)}</td>
                  <td class="num">${step.done} / ${step.applicable}</td>
                  <td class="num">${step.skipped}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${
        store
          ? [
              groupTable(
                t,
                locale,
                t('dashboard.counters'),
                board.figures.byCounter,
                (key) => t('ranking.counterOne', { ns: 'review', key }),
                'counters',
              ),
              groupTable(
                t,
                locale,
                t('dashboard.clerks'),
                board.figures.byClerk,
                (key) => t('ranking.clerkOne', { ns: 'review', key }),
                'clerks',
              ),
            ]
          : ''
      }
      <p>${t('ranking.explain', { ns: 'review', min: 20 })}</p>`;
    return send(reply, page(t, locale, title, account, body));
  });

  // Devices, alerts and exports ------------------------------------------------------------------

  app.get('/devices', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const { t, locale, account } = session;
    const [devices, alerts] = await Promise.all([service.devices(), service.alerts()]);
    const latest =
      (await service.latestDay()) ?? new Date(service.now()).toISOString().slice(0, 10);
    const body = html`<section>
        <h2>${t('devices.title')}</h2>
        <p>${t('devices.hubKey', { fingerprint: context.key.fingerprint })}</p>
        ${
          devices.length === 0
            ? html`<p>${t('devices.none')}</p>`
            : html`<table data-table="devices">
                <thead>
                  <tr>
                    <th>${t('devices.store')}</th>
                    <th>${t('devices.counter')}</th>
                    <th>${t('devices.fingerprint')}</th>
                    <th class="num">${t('devices.head')}</th>
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
              </table>`
        }
      </section>
      <section>
        <h2>${t('alerts.title')}</h2>
        ${
          alerts.length === 0
            ? html`<p>${t('alerts.none')}</p>`
            : html`<table data-table="alerts">
                <tbody>
                  ${alerts.map(
                    (alert) =>
                      html`<tr>
                        <td>${alert.storeName} · ${alert.counter ?? '—'}</td>
                        <td>${t(`alerts.${alert.kind}`, { seq: alert.seq })}</td>
                        <td>${dateTime(alert.at, locale, '')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>`;
    return send(reply, page(t, locale, t('devices.title'), account, body, '/devices'));
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

  // Managers: stores, codes, accounts ----------------------------------------------------------------

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

  const refusalText = (t: Translate, code: string): string => {
    switch (code) {
      case 'staff-number':
        return t('admin.staffNoInvalid');
      case 'exists':
        return t('refusal.account-exists', { ns: 'translation' });
      case 'unknown-account':
        return t('refusal.no-such-account', { ns: 'translation' });
      case 'own-account':
        return t('admin.ownAccount');
      case 'not-allowed':
        return t('admin.notAllowed');
      case 'store-id':
        return t('admin.storeInvalid');
      default:
        return t(`refusal.${code}`, { ns: 'translation' });
    }
  };

  app.get('/admin', async (request, reply) => {
    const session = await signedIn(request, reply, { role: 'manager' });
    if (!session) return reply;
    return send(reply, await adminPage(session.t, session.locale, session.account, null, null));
  });

  const StoreBody = z.object({ id: z.string().max(40), name: z.string().max(100) });
  app.post('/admin/store', { schema: { body: StoreBody } }, async (request, reply) => {
    const session = await signedIn(request, reply, { role: 'manager' });
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
    const session = await signedIn(request, reply, { role: 'manager' });
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
    const session = await signedIn(request, reply, { role: 'manager' });
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
    const session = await signedIn(request, reply, { role: 'manager' });
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
    const session = await signedIn(request, reply, { role: 'manager' });
    if (!session) return reply;
    const { t, locale, account } = session;
    const { subject, enabled } = request.body as z.infer<typeof EnabledBody>;
    const made = await service.setEnabled(account, subject, enabled === 'true');
    const message = made.ok ? null : { text: refusalText(t, made.error), error: true };
    return send(reply, await adminPage(t, locale, account, message, null), made.ok ? 200 : 400);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/'))
      return reply.code(404).send({ error: 'malformed', detail: 'no such endpoint' });
    const locale = localeOf(request, reply);
    const t = translator(locale);
    return send(
      reply,
      page(t, locale, t('errors.notFound'), null, notice(t('errors.notFound'), true)),
      404,
    );
  });
}
