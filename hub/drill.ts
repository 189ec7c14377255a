/**
 * The hub's drill-down, apart from HTTP: the services behind a dashboard figure — a period, a store
 * or the whole chain, and the figure's filter as the review's own service tags (ServiceRow `tags`,
 * without their day: `flag:any`, `clerk:1001`, `skip:greet-aloud`…) — newest first, a page at a
 * time; and one service's records for its timeline, exactly as its device stored them.
 */
import { z } from 'zod';
import { RatingSchema } from '../core/domain/log/events';
import { readRecords, type LogRecord } from '../core/domain/log/records';
import { COMPLAINT_STEP_IDS } from '../core/domain/flow/complaint-flow';
import { STEP_IDS } from '../core/domain/flow/flow-definition';
import { isOverdue } from '../core/domain/review/complaint-row';
import { FLAG_KINDS, type ServiceRow } from '../core/domain/review/service-row';
import { COMPLAINT_CATEGORIES, type OutcomeKind } from '../core/domain/service/complaint';
import type { Queryable } from './db';

/** A code as the review writes it into a tag (a staff number, a counter, a business type…). */
const CODE = '[A-Za-z0-9._-]{0,64}';
const OUTCOME_KINDS: Record<OutcomeKind, true> = {
  resolved: true,
  escalated: true,
  'follow-up': true,
};
const TAG_FORMS: RegExp[] = [
  new RegExp(`^(clerk|counter|type|reason|offer):${CODE}$`),
  /^device:[0-9a-f-]{36}$/,
  new RegExp(`^flag:(any|${FLAG_KINDS.join('|')})$`),
  new RegExp(`^rating:(${RatingSchema.options.join('|')})$`),
  new RegExp(`^(skip|late):(${STEP_IDS.join('|')})$`),
  /^(amended|over|checked|clock-moved)$/,
  // The complaint's tags, as the device's complaint figures open them (complaint-row.ts).
  /^(complaint|complaint-followup|complaint-followup-open|complaint-followup-closed)$/,
  new RegExp(`^complaint-category:(${[...COMPLAINT_CATEGORIES, 'none'].join('|')})$`),
  new RegExp(`^complaint-outcome:(${[...Object.keys(OUTCOME_KINDS), 'none'].join('|')})$`),
  new RegExp(`^complaint-step-(done|skip|na|over):(${COMPLAINT_STEP_IDS.join('|')})$`),
  // Not tags of the row: its outcome (finished or ended early), and a complaint's follow-up overdue on its device's today.
  /^outcome:(finished|abandoned)$/,
  /^overdue$/,
];

/** A filter the drill-down knows; anything else is refused (never a tag nobody writes). */
export const TagSchema = z
  .string()
  .max(80)
  .refine((tag) => TAG_FORMS.some((form) => form.test(tag)));

export interface ServiceQuery {
  /** Business days, inclusive. */
  from: string;
  to: string;
  /** A store's id, or null for the whole chain. */
  store: string | null;
  tags: readonly string[];
  /**
   * Each device's business day today, for the `overdue` filter (open follow-ups due before it):
   * overdue depends on today, which no index holds, so those few rows are read and judged here.
   */
  today?: (device: string) => Promise<string>;
}

/** The pseudo-tag of the overdue follow-ups: open ones (a tag of the row) due before today. */
export const OVERDUE = 'overdue';

export type HubServiceRow = ServiceRow & { store: string };

export interface ServicePage {
  total: number;
  rows: HubServiceRow[];
}

/** Past this many days the tags are only looked for in each row of the period, not in the index. */
const INDEXED_DAYS = 400;

function daysOf(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const count = Math.round((end - start) / 86_400_000) + 1;
  if (!Number.isFinite(count) || count < 1 || count > INDEXED_DAYS) return null;
  return Array.from({ length: count }, (_, index) =>
    new Date(start + index * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * The services of a period ($1..$2) and a store ($3, or null: the chain) with an outcome ($4, or
 * null) having every one of the tags $6 on their own business day. $5, when not null, is the
 * first tag on each day of the period: the same condition, put so that the tags index can answer
 * it (PostgreSQL plans each query with its values, so a null drops out of the plan).
 */
const MATCHING = `FROM services
  WHERE day BETWEEN $1 AND $2
    AND ($3::text IS NULL OR store_id = $3)
    AND ($4::text IS NULL OR data ->> 'outcome' = $4)
    AND ($5::text[] IS NULL OR (data -> 'tags') ?| $5::text[])
    AND NOT EXISTS (
      SELECT 1 FROM unnest($6::text[]) AS wanted (tag)
      WHERE NOT (data -> 'tags') ? (wanted.tag || '@' || day)
    )`;
const COUNT = `SELECT count(*)::int AS total ${MATCHING}`;
const PAGE = `SELECT store_id, data ${MATCHING} ORDER BY data ->> 'id' DESC LIMIT $7 OFFSET $8`;

function parameters(query: ServiceQuery): unknown[] | null {
  const tags = [...new Set(query.tags)];
  const outcomes = new Set(tags.flatMap((tag) => /^outcome:(.+)$/.exec(tag)?.[1] ?? []));
  if (outcomes.size > 1) return null;
  const wanted = tags.filter((tag) => !tag.startsWith('outcome:'));
  const days = daysOf(query.from, query.to);
  const [first] = wanted;
  return [
    query.from,
    query.to,
    query.store,
    [...outcomes][0] ?? null,
    first !== undefined && days ? days.map((day) => `${first}@${day}`) : null,
    wanted,
  ];
}

/** One page of the services matching `query`, newest first, and how many match in all. */
export async function servicesPage(
  db: Queryable,
  query: ServiceQuery,
  page: { offset: number; limit: number },
): Promise<ServicePage> {
  if (query.tags.includes(OVERDUE)) return overduePage(db, query, page);
  const params = parameters(query);
  if (!params) return { total: 0, rows: [] };
  const [count] = await db.query<{ total: number }>(COUNT, params);
  const rows = await db.query<{ store_id: string; data: ServiceRow }>(PAGE, [
    ...params,
    page.limit,
    page.offset,
  ]);
  return {
    total: count?.total ?? 0,
    rows: rows.map((row) => ({ ...row.data, store: row.store_id })),
  };
}

/** The `overdue` filter: every open follow-up matching the rest, judged on its device's today. */
async function overduePage(
  db: Queryable,
  query: ServiceQuery,
  page: { offset: number; limit: number },
): Promise<ServicePage> {
  const { today } = query;
  const tags = [...query.tags.filter((tag) => tag !== OVERDUE), 'complaint-followup-open'];
  const params = parameters({ ...query, tags });
  if (!params || !today) return { total: 0, rows: [] };
  const open = await db.query<{ store_id: string; data: ServiceRow }>(PAGE, [...params, null, 0]);
  const days = new Map<string, string>();
  for (const { data } of open)
    if (!days.has(data.device)) days.set(data.device, await today(data.device));
  const rows = open
    .filter(({ data }) => isOverdue(data.complaint, days.get(data.device) ?? ''))
    .map((row) => ({ ...row.data, store: row.store_id }));
  return { total: rows.length, rows: rows.slice(page.offset, page.offset + page.limit) };
}

/** One service's row, by its `sid` (the hub's device id and the service id). */
export async function serviceBySid(db: Queryable, sid: string): Promise<HubServiceRow | null> {
  const [row] = await db.query<{ store_id: string; data: ServiceRow }>(
    'SELECT store_id, data FROM services WHERE sid = $1',
    [sid],
  );
  return row ? { ...row.data, store: row.store_id } : null;
}

/**
 * The service's own records, then its amendments, rating and checks, in sequence order: what the
 * domain's `timeline()` reads, as the device's own review gives it.
 */
export async function serviceRecords(db: Queryable, row: ServiceRow): Promise<LogRecord[]> {
  const rows = await db.query<{ body: string }>(
    `SELECT body FROM records WHERE device = $1
       AND ((seq BETWEEN $2 AND $3 AND service_id = $4) OR seq = ANY($5::int[]))
     ORDER BY seq`,
    [row.device, row.firstSeq, row.lastSeq, row.serviceId, row.later],
  );
  return readRecords(rows.map((entry) => JSON.parse(entry.body) as unknown)).records;
}
