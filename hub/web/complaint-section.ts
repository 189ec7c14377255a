/**
 * The dashboard's complaints, as the device's Review shows them (ComplaintsView): complaints,
 * resolved on the spot, escalated (and confirmed), follow-ups promised (and open) and overdue, by
 * category, by clerk, and each complaint step's average time against its target. Every count
 * opens its services through the drill-down, with the same tags the device's figures open.
 */
import type { ParseKeys } from 'i18next';
import type { Locale } from '../../core/domain/locale';
import type { ComplaintFigures } from '../../core/domain/review/complaint-figures';
import type { ComplaintBoard } from '../complaints';
import type { Translate } from '../i18n';
import { html, type Html } from './html';
import { duration, percent } from './page';

export interface ComplaintSectionInput {
  board: ComplaintBoard;
  /** Follow-ups open and due before their device's business day today. */
  overdue: number;
  /** Those business days (one when every device in scope agrees). */
  today: readonly string[];
  /** The services list of the period and store chosen, filtered by these tags. */
  drill: (tags: readonly string[]) => string;
}

const figure = (id: string, raw: string) => html`data-figure="complaint-${id}" data-value="${raw}"`;

const count = (value: number, locale: Locale) => new Intl.NumberFormat(locale).format(value);

/** A count that opens its services, or a plain 0 (nothing behind it). */
const link = (value: number, label: string, href: string, kind: string) =>
  value > 0 ? html`<a href="${href}" data-drill="${kind}">${label}</a>` : html`${label}`;

function stepsTable(t: Translate, locale: Locale, input: ComplaintSectionInput): Html {
  const { board, drill } = input;
  const r = (key: ParseKeys<'review'>, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'review', ...values });
  return html`<div class="table-scroll">
    <table data-table="complaint-steps">
      <caption>
        ${r('complaints.steps')}
      </caption>
      <thead>
        <tr>
          <th>${r('complaints.step')}</th>
          <th class="num">${r('complaints.average')}</th>
          <th class="num">${r('complaints.over')}</th>
          <th>${r('complaints.outcomes')}</th>
        </tr>
      </thead>
      <tbody>
        ${board.figures.steps.map((step, index) => {
          const { min, max } = board.targets[step.id];
          const target =
            min === max ? duration(min * 1000) : `${duration(min * 1000)}–${duration(max * 1000)}`;
          const over = step.averageMs !== null && step.averageMs > max * 1000;
          return html`<tr data-step="${step.id}">
            <td>
              ${link(
                step.done,
                `${index + 1}. ${t(`steps.${step.id}.name`, { ns: 'translation' })}`,
                drill([`complaint-step-done:${step.id}`]),
                'complaint-step-done',
              )}
            </td>
            <td class="num${over ? ' over' : ''}" data-value="${step.averageMs ?? ''}">
              ${duration(step.averageMs)}${r('slashTarget', { target })}
            </td>
            <td class="num" data-value="${step.over}">
              ${link(
                step.over,
                `${percent(step.overShare, locale)} (${step.over})`,
                drill([`complaint-step-over:${step.id}`]),
                'complaint-step-over',
              )}
            </td>
            <td data-value="${step.done}/${step.skipped}/${step.na}">
              ${r('complaints.done', { count: step.done })} ·
              ${link(
                step.skipped,
                r('complaints.skipped', { count: step.skipped }),
                drill([`complaint-step-skip:${step.id}`]),
                'complaint-step-skip',
              )}
              · ${r('complaints.na', { count: step.na })}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/** The overdue tile's note, each date in one piece (never broken at its hyphens). */
function overdueNote(t: Translate, today: readonly string[]): Html {
  const marker = '\u0001';
  const [before = '', after = ''] = t('complaints.overdueNote', { today: marker }).split(marker);
  const days = today.map(
    (day, index) => html`${index > 0 ? ' / ' : ''}<span class="nowrap">${day}</span>`,
  );
  return html`${before}${days}${after}`;
}

export function complaintSection(t: Translate, locale: Locale, input: ComplaintSectionInput): Html {
  const { figures } = input.board;
  const { drill } = input;
  const r = (key: ParseKeys<'review'>, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'review', ...values });
  const head = html`<h2 id="complaints-title">${r('complaints.title')}</h2>`;
  if (figures.total === 0)
    return html`<section class="complaints" aria-labelledby="complaints-title">
      ${head}
      <p data-figure="complaint-complaints" data-value="0">${r('complaints.none')}</p>
    </section>`;
  const tiles = [
    {
      id: 'complaints' as const,
      value: count(figures.total, locale),
      note: r('complaints.complaintsNote', { count: figures.byClerk.length }),
      raw: `${figures.total}`,
      tags: ['complaint'],
    },
    {
      id: 'resolvedShare' as const,
      value: percent(figures.resolvedShare, locale),
      note: r('complaints.resolvedNote', { resolved: figures.resolved, total: figures.total }),
      raw: `${figures.resolved}/${figures.total}`,
      tags: ['complaint-outcome:resolved'],
    },
    {
      id: 'escalations' as const,
      value: count(figures.escalations, locale),
      note: r('complaints.escalationsNote', { count: figures.confirmed }),
      raw: `${figures.escalations}/${figures.confirmed}`,
      tags: ['complaint-outcome:escalated'],
    },
    {
      id: 'followUps' as const,
      value: count(figures.followUps, locale),
      note: r('complaints.followUpsNote', { count: figures.openFollowUps }),
      raw: `${figures.followUps}/${figures.openFollowUps}`,
      tags: ['complaint-followup'],
    },
    {
      id: 'overdueFollowUps' as const,
      value: count(input.overdue, locale),
      note: overdueNote(t, input.today),
      raw: `${input.overdue}`,
      tags: ['overdue'],
    },
  ];
  const category = (code: ComplaintFigures['byCategory'][number]['code']) =>
    code === 'none'
      ? r('complaints.unrecorded')
      : t(`complaint.category.${code}`, { ns: 'translation' });
  return html`<section class="complaints" aria-labelledby="complaints-title">
    ${head}
    <div class="tiles">
      ${tiles.map(
        (tile) =>
          html`<a
            class="tile${tile.id === 'overdueFollowUps' && input.overdue > 0 ? ' poor' : ''}"
            href="${drill(tile.tags)}"
            ${figure(tile.id, tile.raw)}
          >
            <span class="label">${r(`complaints.${tile.id}`)}</span>
            <span class="value">${tile.value}</span>
            <span class="note">${tile.note}</span>
          </a>`,
      )}
    </div>
    <div class="complaint-tables">
      <table data-table="complaint-categories">
        <caption>
          ${r('complaints.byCategory')}
        </caption>
        <tbody>
          ${figures.byCategory.map(
            (entry) =>
              html`<tr data-category="${entry.code}">
                <th scope="row">${category(entry.code)}</th>
                <td class="num" data-value="${entry.count}">
                  ${link(
                    entry.count,
                    count(entry.count, locale),
                    drill([`complaint-category:${entry.code}`]),
                    'complaint-category',
                  )}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table data-table="complaint-clerks">
        <caption>
          ${r('complaints.byClerk')}
        </caption>
        <tbody>
          ${figures.byClerk.map(
            (entry) =>
              html`<tr data-clerk="${entry.staffNo}">
                <th scope="row">${entry.staffNo}</th>
                <td class="num" data-value="${entry.count}">
                  ${link(
                    entry.count,
                    count(entry.count, locale),
                    drill(['complaint', `clerk:${entry.staffNo}`]),
                    'complaint-clerk',
                  )}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${stepsTable(t, locale, input)}
  </section>`;
}
