/**
 * The hub's dashboard: a store's or the whole chain's figures over a period of business days, from
 * the same figure code as the device — the tiles, the stores ranked, the weakest steps, and for a
 * store its counters and clerks ranked.
 */
import type { StepId } from '../../core/domain/flow/flow-definition';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../core/domain/locale';
import { rate, type GroupFigures } from '../../core/domain/review/figures';
import { complaintBoard } from '../complaints';
import { dashboard } from '../dashboard';
import { OVERDUE, servicesPage } from '../drill';
import type { Translate } from '../i18n';
import { Day, sessionGuard, type WebContext } from './context';
import { alertSection } from './alert-section';
import { complaintSection } from './complaint-section';
import { deviceConfigs, deviceToday } from './device-configs';
import { html, type Html } from './html';
import { duration, notice, page, percent, send } from './page';
import { servicesHref } from './services-href';

function groupTable(
  t: Translate,
  locale: Locale,
  caption: string,
  groups: readonly GroupFigures[],
  label: (key: string) => string,
  kind: string,
  href: (key: string) => string,
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
              <td class="num">
                <a href="${href(group.key)}" data-drill="${kind}">${group.services}</a>
              </td>
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

/** A tile's figure and its raw value, side by side (what tests and scripts read). */
const figure = (id: string, raw: string) => html`data-figure="${id}" data-value="${raw}"`;

export function registerDashboardRoutes(app: FastifyInstance, context: WebContext) {
  const { service, ingest } = context;
  const signedIn = sessionGuard(service);

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
    const rollups = await service.rollups(from, to, store);
    const board = dashboard(rollups);
    const { total } = board.figures;
    const [satisfied, neutral, dissatisfied] = total.ratings;
    const answered = satisfied + neutral + dissatisfied;
    const stepName = (id: StepId) => t(`steps.${id}.name`, { ns: 'translation' });
    const tiles = [
      {
        id: 'services' as const,
        value: String(total.services),
        note: t('tiles.servicesNote', {
          ns: 'review',
          finished: total.finished,
          abandoned: total.abandoned,
        }),
        raw: `${total.services}`,
        tags: [],
      },
      {
        id: 'kept' as const,
        value: percent(total.kept.rate, locale),
        note: t('tiles.keptNote', {
          ns: 'review',
          done: total.kept.done,
          applicable: total.kept.applicable,
        }),
        raw: `${total.kept.done}/${total.kept.applicable}`,
        tags: [],
      },
      {
        id: 'average' as const,
        value: duration(total.averageMs),
        note: t('tiles.averageNote', { ns: 'review' }),
        raw: `${total.averageMs ?? ''}`,
        tags: ['outcome:finished'],
      },
      {
        id: 'over' as const,
        value: percent(rate(total.overTarget, total.finished), locale),
        note: t('tiles.overNote', { ns: 'review', count: total.overTarget }),
        raw: `${total.overTarget}/${total.finished}`,
        // Finished services over their target, as the figure (isOverTarget in service-row.ts).
        tags: ['over'],
      },
      {
        id: 'flagged' as const,
        value: String(total.flagged),
        note: t('tiles.flaggedNote', { ns: 'review' }),
        raw: `${total.flagged}`,
        tags: ['flag:any'],
      },
      {
        id: 'satisfied' as const,
        value: percent(rate(satisfied, answered), locale),
        note: t('tiles.satisfiedNote', { ns: 'review', count: answered }),
        raw: `${satisfied}/${answered}`,
        tags: ['rating:satisfied'],
      },
    ];
    const drill = (tags: readonly string[], scope: string | null = store) =>
      servicesHref({ from, to, store: scope, tags });
    const devices = [...new Set(rollups.map((row) => row.device))].sort();
    const configs = [...(await deviceConfigs(ingest, devices)).values()].flatMap((config) =>
      config ? [config] : [],
    );
    const today = deviceToday(ingest, service.now());
    const overdue = await servicesPage(
      service.db,
      { from, to, store, tags: [OVERDUE], today },
      { offset: 0, limit: 0 },
    );
    const complaints = complaintSection(t, locale, {
      board: complaintBoard(rollups, configs),
      overdue: overdue.total,
      today: [...new Set(await Promise.all(devices.map(today)))].sort(),
      drill,
    });
    // Tampering alerts come first: a store's own, or the whole chain's.
    const alerts = (await service.alerts()).filter(
      (alert) => store === null || alert.storeId === store,
    );
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
      ${alertSection(t, locale, alerts, 'hide')}
      ${total.services === 0 ? notice(t('period.none')) : ''}
      <section class="tiles" aria-label="${t('tiles.label', { ns: 'review' })}">
        ${tiles.map(
          (tile) =>
            html`<a class="tile" href="${drill(tile.tags)}" ${figure(tile.id, tile.raw)}>
              <span class="label">${t(`tiles.${tile.id}`, { ns: 'review' })}</span>
              <span class="value">${tile.value}</span>
              <span class="note">${tile.note}</span>
            </a>`,
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
              (key) => drill([], key),
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
                  <td class="num">
                    ${
                      step.skipped > 0
                        ? html`<a href="${drill([`skip:${step.id}`])}" data-drill="skip"
                            >${step.skipped}</a
                          >`
                        : '0'
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${total.services === 0 ? '' : complaints}
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
                (key) => drill([`counter:${key}`]),
              ),
              groupTable(
                t,
                locale,
                t('dashboard.clerks'),
                board.figures.byClerk,
                (key) => t('ranking.clerkOne', { ns: 'review', key }),
                'clerks',
                (key) => drill([`clerk:${key}`]),
              ),
            ]
          : ''
      }
      <p>${t('ranking.explain', { ns: 'review', min: 20 })}</p>`;
    return send(reply, page(t, locale, title, account, body));
  });
}
