/**
 * The hub's complaint figures on both databases it runs on: a device's complaints (every outcome,
 * an escalation confirmed, follow-ups closed, open and overdue, a customer who left before the
 * record, two clerks) pushed to the hub give the same figures there as in the device's own review
 * (the same `complaintFigures`, over the hub's rollups); each complaint filter lists exactly the
 * services the device lists for it, overdue ones too; and the store's dashboard shows those
 * figures, each count linking to exactly the services it counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay, DEFAULT_CONFIG } from '../../core/domain/device/config';
import { COMPLAINT_STEP_IDS } from '../../core/domain/flow/complaint-flow';
import { complaintFigures } from '../../core/domain/review/complaint-figures';
import { COMPLAINT_CATEGORIES } from '../../core/domain/service/complaint';
import { complaintBoard } from '../../hub/complaints';
import { OVERDUE, servicesPage, TagSchema } from '../../hub/drill';
import { deviceToday } from '../../hub/web/device-configs';
import {
  CLERK,
  MANAGER as DEVICE_MANAGER,
  staffedDevice,
  startCommand,
  T0,
  type TestDevice,
} from '../unit/helpers/builders';
import { complaintService } from '../unit/helpers/review-data';
import {
  DB_KINDS,
  enrolCode,
  MANAGER,
  stopPgServers,
  testHub,
  type TestHub,
  form,
} from './helpers';

afterAll(() => stopPgServers());

const WIDE = { from: '2000-01-01', to: '2999-12-31' };
/** The hub's clock: three days after the services, so a follow-up due before then is overdue. */
const HUB_NOW = T0 + 3 * 86_400_000;

const attr = (body: string, name: string) =>
  [...body.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((match) => match[1]!);

/** Complaints of every kind, by the clerk and by the manager; one follow-up closed later. */
async function complaints(device: TestDevice) {
  const due = (days: number) => businessDay(T0 + days * 86_400_000, DEFAULT_CONFIG);
  const followUp = await complaintService(device, {
    ticket: 'A001',
    gaps: [70, 30, 100, 200, 250, 20],
    calm: 'done',
    clarify: 'done',
    record: { category: 'network', outcome: 'follow-up', due: due(1) },
  });
  await complaintService(device, {
    ticket: 'A002',
    gaps: [40, 10, 90, 100, 400, 30],
    calm: 'na',
    clarify: 'skipped',
    record: { category: 'billing', outcome: 'escalated', due: due(2) },
    during: true,
  });
  await complaintService(device, {
    ticket: 'A003',
    gaps: [20, 10, 30, 40, 50, 10],
    calm: 'done',
    clarify: 'done',
    record: { category: 'billing', outcome: 'follow-up', due: due(9) },
  });
  // A customer who left during the complaint: never recorded.
  await device.must(startCommand({ ticket: 'A004', businessType: 'complaint' }));
  device.clock.now += 20_000;
  await device.must({ type: 'mark-done', stepId: 'complaint-accept' });
  device.clock.now += 20_000;
  await device.must({ type: 'abandon', reason: 'customer-left' });
  await device.must({ type: 'sign-out' });
  await device.must({
    type: 'sign-in',
    staffNo: DEVICE_MANAGER.staffNo,
    pin: DEVICE_MANAGER.pin,
  });
  await device.must({ type: 'close-follow-up', target: followUp, result: 'resolved', note: '' });
  await complaintService(device, {
    ticket: 'A005',
    gaps: [30, 10, 30, 30, 30, 10],
    calm: 'done',
    clarify: 'done',
    record: { category: 'waiting-time', outcome: 'resolved', due: null },
  });
}

/** Every complaint filter the device's figures open (and the hub's pages link to). */
const FILTERS: string[][] = [
  ['complaint'],
  ...[...COMPLAINT_CATEGORIES, 'none'].map((code) => [`complaint-category:${code}`]),
  ...['resolved', 'escalated', 'follow-up', 'none'].map((kind) => [`complaint-outcome:${kind}`]),
  ['complaint-followup'],
  ['complaint-followup-open'],
  ['complaint-followup-closed'],
  ...COMPLAINT_STEP_IDS.flatMap((id) =>
    ['done', 'skip', 'na', 'over'].map((what) => [`complaint-step-${what}:${id}`]),
  ),
  ['complaint', `clerk:${CLERK.staffNo}`],
  ['complaint', `clerk:${DEVICE_MANAGER.staffNo}`],
];

describe.each(DB_KINDS)('complaints on the hub on %s', { timeout: 60_000 }, (kind) => {
  let test: TestHub;
  let device: TestDevice;
  let cookie = '';

  beforeAll(async () => {
    test = await testHub(kind, () => HUB_NOW);
    device = await staffedDevice();
    await complaints(device);
    const enrolled = await device.store.hub.enrol(test.transport, await enrolCode(test));
    expect(enrolled.ok).toBe(true);
    expect((await device.store.hub.push(test.transport)).ok).toBe(true);
    const login = await form(test.hub.app, {
      url: '/login',
      payload: { staffNo: MANAGER.staffNo, pin: MANAGER.pin },
    });
    const session = login.cookies.find((entry) => entry.name === 'hub_session');
    cookie = `hub_session=${session?.value ?? ''}`;
  }, 240_000);
  afterAll(async () => test?.close());

  const deviceToday_ = () => businessDay(HUB_NOW, DEFAULT_CONFIG);
  const deviceIds = async (tags: string[], overdueOn?: string) =>
    (
      await device.store.review.services(
        { ...WIDE, tags, ...(overdueOn ? { overdueOn } : {}) },
        { offset: 0, limit: 1_000 },
      )
    ).rows.map((row) => row.serviceId);
  const hubIds = async (tags: string[]) => {
    const page = await servicesPage(
      test.db,
      { ...WIDE, store: 'S001', tags, today: deviceToday(test.hub.ingest, HUB_NOW) },
      { offset: 0, limit: 1_000 },
    );
    expect(page.rows).toHaveLength(page.total);
    return page.rows.map((row) => row.serviceId);
  };

  it('computes the same complaint figures as the device, from the same function', async () => {
    const own = complaintFigures(
      await device.store.review.rollups(WIDE.from, WIDE.to),
      DEFAULT_CONFIG.complaintFlow,
    );
    const onHub = complaintBoard(await test.hub.service.rollups(WIDE.from, WIDE.to, 'S001'), [
      DEFAULT_CONFIG,
    ]);
    expect(onHub.figures).toEqual(own);
    expect(own).toMatchObject({
      total: 5,
      resolved: 1,
      escalations: 1,
      confirmed: 1,
      followUps: 3,
      openFollowUps: 2,
    });
    expect(own.byClerk.map((entry) => entry.staffNo)).toEqual([
      CLERK.staffNo,
      DEVICE_MANAGER.staffNo,
    ]);
    expect(own.steps.some((step) => step.over > 0)).toBe(true);
    for (const step of own.steps) {
      const target = DEFAULT_CONFIG.complaintFlow.steps.find((entry) => entry.id === step.id);
      expect(onHub.targets[step.id]).toEqual({
        min: target?.targetSeconds,
        max: target?.targetSeconds,
      });
    }
  });

  it('lists for each complaint filter exactly the services the device lists, overdue too', async () => {
    let nonEmpty = 0;
    for (const tags of FILTERS) {
      expect(tags.every((tag) => TagSchema.safeParse(tag).success)).toBe(true);
      const expected = await deviceIds(tags);
      expect({ tags, ids: await hubIds(tags) }).toEqual({ tags, ids: expected });
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(20);
    const overdue = await deviceIds(['complaint-followup-open'], deviceToday_());
    expect(overdue).toHaveLength(1);
    expect(await hubIds([OVERDUE])).toEqual(overdue);
    expect(await hubIds([OVERDUE, `clerk:${DEVICE_MANAGER.staffNo}`])).toEqual([]);
  });

  it('shows the figures on the store’s dashboard, each count opening exactly its services', async () => {
    const figures = complaintFigures(
      await test.hub.service.rollups(WIDE.from, WIDE.to, 'S001'),
      DEFAULT_CONFIG.complaintFlow,
    );
    const day = businessDay(T0, DEFAULT_CONFIG);
    const get = (url: string) => test.hub.app.inject({ method: 'GET', url, headers: { cookie } });
    const page = await get(`/?from=${day}&to=${day}&store=S001&lang=en`);
    expect(page.statusCode).toBe(200);
    const values = new Map(
      [...page.body.matchAll(/data-figure="complaint-([a-zA-Z]+)" data-value="([^"]*)"/g)].map(
        (match) => [match[1], match[2]],
      ),
    );
    expect(Object.fromEntries(values)).toEqual({
      complaints: String(figures.total),
      resolvedShare: `${figures.resolved}/${figures.total}`,
      escalations: `${figures.escalations}/${figures.confirmed}`,
      followUps: `${figures.followUps}/${figures.openFollowUps}`,
      overdueFollowUps: '1',
    });
    expect(page.body).toContain('Complaints');
    expect(page.body).toContain('Time per complaint step');
    const links = [
      ...page.body.matchAll(/href="(\/services\?[^"]*)"[^>]*data-(?:figure|drill)="complaint-/g),
    ].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(links.length).toBeGreaterThan(10);
    for (const href of links) {
      const tags = new URL(href, 'http://hub').searchParams.getAll('tag');
      const list = await get(`${href}&lang=en`);
      expect({ href, status: list.statusCode }).toEqual({ href, status: 200 });
      const expected = tags.includes(OVERDUE)
        ? await deviceIds(['complaint-followup-open'], deviceToday_())
        : await deviceIds(tags);
      expect(expected.length).toBeGreaterThan(0);
      expect({ href, total: attr(list.body, 'data-total') }).toEqual({
        href,
        total: [String(expected.length)],
      });
      expect(attr(list.body, 'data-sid').map((sid) => sid.split('|')[1])).toEqual(expected);
    }
    const zh = await get(`/?from=${day}&to=${day}&store=S001&lang=zh-CN`);
    expect(zh.body).toContain('当场解决率');
    expect(zh.body).toContain('逾期未回复');
  });
});
