/**
 * The hub's drill-down pages, for whoever may read the dashboards (managers and auditors): the
 * services behind a figure (`/services`: a period, a store or the chain, the figure's filter as
 * tags; newest first, a page at a time) and one service's timeline (`/service?sid=`), made by the
 * domain's own `timeline()` from the records exactly as the device stored them.
 */
import type { ParseKeys } from 'i18next';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../core/domain/device/config';
import type { Locale } from '../../core/domain/locale';
import { isOverTarget, type ServiceRow } from '../../core/domain/review/service-row';
import { timeline } from '../../core/domain/review/timeline';
import {
  TagSchema,
  serviceBySid,
  serviceRecords,
  servicesPage,
  type HubServiceRow,
} from '../drill';
import type { Translate } from '../i18n';
import type { Account } from '../accounts';
import { Day, sessionGuard, type WebContext } from './context';
import { html, type Html } from './html';
import { duration, notice, page, send } from './page';
import { deviceConfigs, deviceToday } from './device-configs';
import { servicesHref } from './services-href';
import { describeEntry, labeller, tagTitle, type Label } from './drill-text';

export const PAGE_SIZE = 50;

const Tags = z
  .union([TagSchema, z.array(TagSchema).max(8)])
  .optional()
  .transform((tags) => (tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags));

const ServicesQuery = z
  .object({
    from: Day,
    to: Day,
    store: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,32}$/)
      .optional()
      .or(z.literal('')),
    tag: Tags,
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    lang: z.string().optional(),
  })
  .refine((query) => query.from <= query.to);

const TimelineQuery = z.object({
  sid: z.string().regex(/^[0-9a-f-]{36}\|[A-Za-z0-9-]{1,64}$/),
  lang: z.string().optional(),
});

/** Done (in or out of order) and applicable (done or skipped): the row's own step letters. */
function kept(row: ServiceRow): { done: number; applicable: number } {
  const letters = row.steps.split('');
  const done = letters.filter((letter) => letter === 'd' || letter === 'l').length;
  return { done, applicable: done + letters.filter((letter) => letter === 's').length };
}

function badges(t: Translate, row: ServiceRow): Html {
  const r = (key: ParseKeys<'review'>, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'review', ...values });
  return html`<span class="badges">
    ${row.outcome === 'abandoned' ? html`<span class="badge">${r('services.abandoned')}</span>` : ''}
    ${row.flags.map(
      (flag) => html`<span class="badge flag" data-flag="${flag}">${r(`flags.${flag}`)}</span>`,
    )}
    ${row.amendments > 0 ? html`<span class="badge">${r('services.amended')}</span>` : ''}
    ${row.checks > 0 ? html`<span class="badge">${r('services.checked')}</span>` : ''}
    ${row.rating ? html`<span class="badge">${r(`ratings.${row.rating}`)}</span>` : ''}
    ${
      row.complaint
        ? html`<span class="badge" data-complaint="${row.complaint.category ?? 'none'}"
            >${r('complaints.badge', {
              category: row.complaint.category
                ? t(`complaint.category.${row.complaint.category}`, { ns: 'translation' })
                : r('complaints.unrecorded'),
            })}</span
          >`
        : ''
    }
  </span>`;
}

function clock(locale: Locale, config: Config | null, at: number): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: config?.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function registerServiceRoutes(app: FastifyInstance, context: WebContext) {
  const { service, ingest } = context;
  const signedIn = sessionGuard(service);

  const configs = (devices: Iterable<string>) => deviceConfigs(ingest, devices);

  function refuse(
    reply: FastifyReply,
    session: { t: Translate; locale: Locale; account: Account },
    status: 400 | 404,
    message: string,
  ) {
    const { t, locale, account } = session;
    return send(reply, page(t, locale, message, account, notice(message, true)), status);
  }

  app.get('/services', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const { t, locale, account } = session;
    const parsed = ServicesQuery.safeParse(request.query ?? {});
    if (!parsed.success) return refuse(reply, session, 400, t('drill.badQuery'));
    const { from, to, tag: tags, page: pageNumber } = parsed.data;
    const store = parsed.data.store || null;
    const stores = await service.stores();
    const names = new Map(stores.map((entry) => [entry.id, entry.name]));
    if (store !== null && !names.has(store)) return refuse(reply, session, 404, t('drill.noStore'));
    const query = { from, to, store, tags, today: deviceToday(ingest, service.now()) };
    const found = await servicesPage(service.db, query, {
      offset: (pageNumber - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    if (pageNumber > pages) return refuse(reply, session, 404, t('drill.noPage', { pages }));
    const byDevice = await configs(found.rows.map((row) => row.device));
    const label = labeller(t, locale, byDevice.values().next().value ?? null);
    const filter =
      tags.length === 0
        ? t('services.all', { ns: 'review' })
        : tags.map((tag) => tagTitle(t, label, tag)).join(' · ');
    const scope = store === null ? t('period.chain') : (names.get(store) ?? store);
    const title = `${filter} — ${scope}`;
    const href = (n: number) => servicesHref({ ...query, page: n });
    const row = (entry: HubServiceRow) => {
      const config = byDevice.get(entry.device) ?? null;
      const rowLabel = labeller(t, locale, config);
      const steps = kept(entry);
      const over = isOverTarget(entry);
      return html`<tr data-sid="${entry.sid}">
        <td>${entry.day}</td>
        <td>
          <a href="/service?sid=${encodeURIComponent(entry.sid)}"
            >${clock(locale, config, entry.startedAt)}</a
          >
        </td>
        <td>${names.get(entry.store) ?? entry.store}</td>
        <td>${entry.counter || '—'}</td>
        <td>${entry.clerk || '—'}</td>
        <td>${entry.ticket}</td>
        <td>${rowLabel('business-types', entry.businessType)}</td>
        <td class="num${over ? ' over' : ''}">
          ${duration(entry.durationMs)} / ${duration(entry.targetSeconds * 1000)}
        </td>
        <td class="num">${steps.done} / ${steps.applicable}</td>
        <td>${badges(t, entry)}</td>
      </tr>`;
    };
    const r = (key: ParseKeys<'review'>, values: Record<string, unknown> = {}) =>
      t(key, { ns: 'review', ...values });
    const body = html`<p>
        <a href="/?from=${from}&to=${to}${store ? `&store=${store}` : ''}">${t('drill.back')}</a>
      </p>
      <section>
        <h2 data-drill="${tags.join(' ')}">${title}</h2>
        <p>
          ${from === to ? from : r('period.span', { from, to })} ·
          <span data-total="${found.total}">${r('services.count', { count: found.total })}</span>
        </p>
        ${
          found.rows.length === 0
            ? html`<p>${r('services.none')}</p>`
            : html`<div class="table-scroll">
                <table data-table="services">
                  <thead>
                    <tr>
                      <th>${t('drill.day')}</th>
                      <th>${r('services.started')}</th>
                      <th>${t('devices.store')}</th>
                      <th>${t('devices.counter')}</th>
                      <th>${r('services.clerk')}</th>
                      <th>${r('services.ticket')}</th>
                      <th>${r('services.type')}</th>
                      <th class="num">${r('services.duration')}</th>
                      <th class="num">${r('services.kept')}</th>
                      <th>${r('services.notes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${found.rows.map(row)}
                  </tbody>
                </table>
              </div>`
        }
        ${
          pages > 1
            ? html`<nav class="pager" aria-label="${r('services.pages')}">
                ${pageNumber > 1 ? html`<a href="${href(pageNumber - 1)}" rel="prev">${r('services.previousArrow')}</a>` : ''}
                <span data-page="${pageNumber}"
                  >${r('services.page', { page: pageNumber, pages })}</span
                >
                ${pageNumber < pages ? html`<a href="${href(pageNumber + 1)}" rel="next">${r('services.nextArrow')}</a>` : ''}
              </nav>`
            : ''
        }
      </section>`;
    return send(reply, page(t, locale, title, account, body, href(pageNumber)));
  });

  app.get('/service', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const { t, locale, account } = session;
    const parsed = TimelineQuery.safeParse(request.query ?? {});
    if (!parsed.success) return refuse(reply, session, 400, t('drill.badService'));
    const row = await serviceBySid(service.db, parsed.data.sid);
    if (!row) return refuse(reply, session, 404, t('drill.noService'));
    const [records, byDevice, stores] = await Promise.all([
      serviceRecords(service.db, row),
      configs([row.device]),
      service.stores(),
    ]);
    const config = byDevice.get(row.device) ?? null;
    const label: Label = labeller(t, locale, config);
    const entries = timeline(records);
    const r = (key: ParseKeys<'review'>, values: Record<string, unknown> = {}) =>
      t(key, { ns: 'review', ...values });
    const storeName = stores.find((entry) => entry.id === row.store)?.name ?? row.store;
    const title = r('timeline.title', {
      ticket: row.ticket,
      clerk: row.clerk,
      counter: row.counter,
    });
    const steps = kept(row);
    const facts: [string, Html | string][] = [
      [t('devices.store'), storeName],
      [t('drill.day'), row.day],
      [r('timeline.when'), clock(locale, config, row.startedAt)],
      [r('services.type'), label('business-types', row.businessType)],
      [
        r('services.duration'),
        `${duration(row.durationMs)} / ${duration(row.targetSeconds * 1000)}`,
      ],
      [r('services.kept'), `${steps.done} / ${steps.applicable}`],
      [r('services.notes'), badges(t, row)],
    ];
    const body = html`<p>
        <a
          href="${servicesHref({ from: row.day, to: row.day, store: row.store, tags: [`clerk:${row.clerk}`] })}"
          >${t('drill.clerkDay', { clerk: row.clerk, day: row.day })}</a
        >
      </p>
      <section>
        <h2 data-timeline="${row.sid}">${title}</h2>
        <dl class="facts">
          ${facts.map(
            ([name, value]) =>
              html`<dt>${name}</dt>
                <dd>${value}</dd>`,
          )}
        </dl>
      </section>
      <section>
        <h2>${r('timeline.records')}</h2>
        <ol class="timeline" data-table="timeline">
          ${entries.map((entry) => {
            const words = describeEntry(t, label, entry);
            return html`<li data-kind="${entry.kind}" data-seq="${entry.seq}">
              <span class="offset"
                >${entry.offsetMs >= 0 ? '+' : '−'}${duration(Math.abs(entry.offsetMs))}</span
              >
              <span class="who">${entry.by ?? '—'}</span>
              <span class="what"
                >${words.step ? html`<strong>${words.step}</strong>` : ''}${words.what}</span
              >
              <span class="seq">${r('seq', { seq: entry.seq })}</span>
            </li>`;
          })}
        </ol>
      </section>`;
    return send(
      reply,
      page(t, locale, title, account, body, `/service?sid=${encodeURIComponent(row.sid)}`),
    );
  });
}
