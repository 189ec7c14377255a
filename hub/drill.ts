/**
 * The hub's drill-down, apart from HTTP: the services behind a dashboard figure — a period, a store
 * or the whole chain, and the figure's filter as the review's own service tags (ServiceRow `tags`,
 * without their day: `flag:any`, `clerk:1001`, `skip:greet-aloud`…) — newest first, a page at a
 * time; and one service's records for its timeline, exactly as its device stored them.
 */
import { z } from 'zod';
import { RatingSchema } from '../renderer/domain/log/events';
import { readRecords, type LogRecord } from '../renderer/domain/log/records';
import { STEP_IDS } from '../renderer/domain/flow/flow-definition';
import { FLAG_KINDS, type ServiceRow } from '../renderer/domain/review/service-row';
import type { Queryable } from './db';

/** A code as the review writes it into a tag (a staff number, a counter, a business type…). */
const CODE = '[A-Za-z0-9._-]{0,64}';
const TAG_FORMS: RegExp[] = [
  new RegExp(`^(clerk|counter|type|reason|offer):${CODE}$`),
  /^device:[0-9a-f-]{36}$/,
  new RegExp(`^flag:(any|${FLAG_KINDS.join('|')})$`),
  new RegExp(`^rating:(${RatingSchema.options.join('|')})$`),
  new RegExp(`^(skip|late):(${STEP_IDS.join('|')})$`),
  /^(amended|over|checked|clock-moved)$/,
  // Not a tag of the row: its outcome (the over-target figure counts finished services only).
  /^outcome:(finished|abandoned)$/,
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
}

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
