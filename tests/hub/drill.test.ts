/**
 * The hub's drill-down queries on both databases it runs on: each filter lists exactly the services
 * the device's own review lists for it (by the index over a short period, row by row over a long
 * one), newest first, a page at a time; the over-target and flagged lists are exactly the figures'
 * counts; a service's records make the same timeline on the hub as on the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../core/domain/flow/flow-definition';
import { figures } from '../../core/domain/review/figures';
import { timeline } from '../../core/domain/review/timeline';
import { serviceBySid, serviceRecords, servicesPage, TagSchema } from '../../hub/drill';
import { drillFixture, type DrillFixture } from './drill-fixture';
import { DB_KINDS, stopPgServers } from './helpers';

afterAll(() => stopPgServers());

const WIDE = { from: '2000-01-01', to: '2999-12-31' };

describe.each(DB_KINDS)('the hub’s drill-down on %s', { timeout: 60_000 }, (kind) => {
  let fixture: DrillFixture;

  beforeAll(async () => {
    fixture = await drillFixture(kind);
  }, 240_000);
  afterAll(async () => fixture?.test.close());

  const hubIds = async (
    range: { from: string; to: string },
    tags: string[],
    store: string | null = 'S001',
  ) => {
    const page = await servicesPage(
      fixture.test.db,
      { ...range, store, tags },
      { offset: 0, limit: 1_000 },
    );
    expect(page.rows).toHaveLength(page.total);
    return page.rows.map((row) => row.serviceId);
  };
  const deviceIds = async (range: { from: string; to: string }, tags: string[]) =>
    (
      await fixture.generated.device.store.review.services(
        { ...range, tags },
        { offset: 0, limit: 1_000 },
      )
    ).rows.map((row) => row.serviceId);

  /** Filters every kind of figure opens, each with at least one service behind it. */
  function filters(): string[][] {
    const { rows } = fixture;
    const skipped = STEP_IDS.find((id) =>
      rows.some((row) => row.tags.some((tag) => tag.startsWith(`skip:${id}@`))),
    );
    const clerk = rows.find((row) => row.clerk !== rows[0]?.clerk)?.clerk ?? '';
    const list = [
      [],
      ['flag:any'],
      ['over'],
      ['rating:satisfied'],
      ['amended'],
      ['checked'],
      [`clerk:${rows[0]?.clerk}`],
      [`clerk:${clerk}`, 'flag:any'],
      [`counter:${rows[0]?.counter}`],
      [`skip:${skipped}`],
      [`skip:${skipped}`, `clerk:${clerk}`],
      ['type:complaint'],
    ];
    for (const tags of list)
      expect(tags.every((tag) => TagSchema.safeParse(tag).success)).toBe(true);
    return list;
  }

  it('lists exactly the services the device lists for each filter, newest first', async () => {
    const ranges = [WIDE, ...fixture.days.map((day) => ({ from: day, to: day }))];
    ranges.push({ from: fixture.days[0]!, to: fixture.days.at(-1)! });
    let nonEmpty = 0;
    for (const range of ranges) {
      for (const tags of filters()) {
        const expected = await deviceIds(range, tags);
        expect({ range, tags, ids: await hubIds(range, tags) }).toEqual({
          range,
          tags,
          ids: expected,
        });
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
    expect(await hubIds(WIDE, [], 'S999')).toEqual([]);
    expect(await hubIds(WIDE, [], null)).toEqual(await deviceIds(WIDE, []));
  });

  it('lists for the flagged and over-target figures exactly as many services as they count', async () => {
    const rollups = await fixture.test.hub.service.rollups(WIDE.from, WIDE.to, null);
    const { total } = figures(rollups);
    expect(total.flagged).toBeGreaterThan(0);
    expect(await hubIds(WIDE, ['flag:any'])).toHaveLength(total.flagged);
    expect(await hubIds(WIDE, ['over'])).toHaveLength(total.overTarget);
    expect(await hubIds(WIDE, ['over', 'outcome:finished'])).toHaveLength(total.overTarget);
    expect(await hubIds(WIDE, ['outcome:finished'])).toHaveLength(total.finished);
    expect(await hubIds(WIDE, ['outcome:abandoned'])).toHaveLength(total.abandoned);
    const [day] = fixture.days;
    const dayFigures = figures(await fixture.test.hub.service.rollups(day!, day!, 'S001'));
    for (const step of dayFigures.total.steps) {
      expect(await hubIds({ from: day!, to: day! }, [`skip:${step.id}`])).toHaveLength(
        step.skipped,
      );
    }
  });

  it('pages newest first, every service once', async () => {
    const all = await hubIds(WIDE, []);
    expect(all).toHaveLength(fixture.rows.length);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length + 7; offset += 7) {
      const page = await servicesPage(
        fixture.test.db,
        { ...WIDE, store: 'S001', tags: [] },
        { offset, limit: 7 },
      );
      expect(page.total).toBe(all.length);
      expect(page.rows.length).toBe(Math.max(0, Math.min(7, all.length - offset)));
      paged.push(...page.rows.map((row) => row.serviceId));
    }
    expect(paged).toEqual(all);
    const starts = (
      await servicesPage(
        fixture.test.db,
        { ...WIDE, store: null, tags: [] },
        { offset: 0, limit: 1_000 },
      )
    ).rows.map((row) => row.startedAt);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('gives a service’s records for the same timeline as the device’s, amendments and checks too', async () => {
    const { device, serviceIds } = fixture.generated;
    for (const serviceId of [serviceIds[0]!, serviceIds[1]!, serviceIds.at(-1)!]) {
      const hubRow = await serviceBySid(fixture.test.db, `${fixture.deviceId}|${serviceId}`);
      expect(hubRow?.store).toBe('S001');
      const ownRow = fixture.rows.find((row) => row.serviceId === serviceId)!;
      const onHub = timeline(await serviceRecords(fixture.test.db, hubRow!));
      expect(onHub).toEqual(timeline(await device.store.review.timeline(ownRow)));
      expect(onHub.length).toBeGreaterThan(5);
    }
    const second = await serviceBySid(fixture.test.db, `${fixture.deviceId}|${serviceIds[1]}`);
    const kinds = timeline(await serviceRecords(fixture.test.db, second!)).map(
      (entry) => entry.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['started', 'amended', 'checked']));
    expect(await serviceBySid(fixture.test.db, `${fixture.deviceId}|nope`)).toBeNull();
  });
});
