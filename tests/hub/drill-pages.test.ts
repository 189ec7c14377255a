/**
 * The hub's drill-down pages (PGlite): a dashboard figure links to the services behind it, which
 * list exactly those services with their facts, a page at a time; a service opens its timeline in
 * the reader's language; only a signed-in manager or auditor reads them; a bad address gets a
 * clear 400 or 404 page in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../core/domain/review/figures';
import { timeline } from '../../core/domain/review/timeline';
import { serviceBySid, serviceRecords } from '../../hub/drill';
import { PAGE_SIZE } from '../../hub/web/service-routes';
import { drillFixture, type DrillFixture } from './drill-fixture';
import { MANAGER, form } from './helpers';

const AUDITOR = { staffNo: '7001', pin: '864209', next: '531864' };

const attr = (body: string, name: string) =>
  [...body.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((match) => match[1]!);
const unescape = (text: string) => text.replaceAll('&amp;', '&');

describe('the hub’s drill-down pages', { timeout: 60_000 }, () => {
  let fixture: DrillFixture;
  let manager = '';
  let auditor = '';

  async function signIn(staffNo: string, pin: string) {
    const response = await form(fixture.test.hub.app, {
      url: '/login',
      payload: { staffNo, pin },
    });
    const cookie = response.cookies.find((entry) => entry.name === 'hub_session');
    return cookie ? `hub_session=${cookie.value}` : '';
  }

  const get = (url: string, cookie = manager) =>
    fixture.test.hub.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    fixture = await drillFixture('pglite');
    manager = await signIn(MANAGER.staffNo, MANAGER.pin);
    await form(fixture.test.hub.app, {
      url: '/admin/account',
      headers: { cookie: manager },
      payload: {
        staffNo: AUDITOR.staffNo,
        role: 'auditor',
        pin: AUDITOR.pin,
        confirmation: AUDITOR.pin,
      },
    });
    auditor = await signIn(AUDITOR.staffNo, AUDITOR.pin);
    await form(fixture.test.hub.app, {
      url: '/pin',
      headers: { cookie: auditor },
      payload: { current: AUDITOR.pin, pin: AUDITOR.next, confirmation: AUDITOR.next },
    });
  }, 240_000);
  afterAll(async () => fixture?.test.close());

  const range = () => ({ from: fixture.days[0]!, to: fixture.days.at(-1)! });

  it('links each figure of the store’s dashboard to exactly the services it counts', async () => {
    const { from, to } = range();
    const dashboard = await get(`/?from=${from}&to=${to}&store=S001&lang=en`);
    expect(dashboard.statusCode).toBe(200);
    const { total, byClerk } = figures(await fixture.test.hub.service.rollups(from, to, 'S001'));
    const links = attr(dashboard.body, 'href')
      .map(unescape)
      .filter((href) => href.startsWith('/services?'));
    const flagged = links.find((href) => href.includes('tag=flag%3Aany'))!;
    const over = links.find((href) => href.includes('tag=over'))!;
    const clerk = links.find((href) => href.includes(`tag=clerk%3A${byClerk[0]!.key}`))!;
    const expectations: [string, number][] = [
      [flagged, total.flagged],
      [over, total.overTarget],
      [clerk, byClerk[0]!.services],
    ];
    for (const [href, count] of expectations) {
      const list = await get(href);
      expect(list.statusCode).toBe(200);
      expect(attr(list.body, 'data-total')).toEqual([String(count)]);
      expect(attr(list.body, 'data-sid')).toHaveLength(Math.min(count, PAGE_SIZE));
    }
    const flaggedList = await get(flagged);
    const expected = fixture.rows.filter((row) => row.flags.length > 0).map((row) => row.serviceId);
    expect(attr(flaggedList.body, 'data-sid').map((sid) => sid.split('|')[1])).toEqual(expected);
    expect(links.some((href) => href.includes('tag=skip%3A'))).toBe(true);
    expect(links.some((href) => href.includes('tag=counter%3A'))).toBe(true);
  });

  it('pages the services newest first, with their facts', async () => {
    const { from, to } = range();
    const first = await get(`/services?from=${from}&to=${to}&store=S001&lang=en`);
    expect(attr(first.body, 'data-total')).toEqual([String(fixture.rows.length)]);
    // 31 services, 50 a page: one page. Its rows are the device's, newest first, with their facts.
    const sids = attr(first.body, 'data-sid').map((sid) => sid.split('|')[1]);
    expect(sids).toEqual(fixture.rows.map((row) => row.serviceId));
    const newest = fixture.rows[0]!;
    expect(first.body).toContain(newest.ticket);
    expect(first.body).toContain('Store 1');
    expect(first.body).toContain('Time / target');
    const beyond = await get(`/services?from=${from}&to=${to}&store=S001&page=2&lang=en`);
    expect(beyond.statusCode).toBe(404);
    expect(beyond.body).toContain('this list ends at page 1.');
  });

  it('opens a service’s timeline, amendments and checks included, in the reader’s language', async () => {
    const serviceId = fixture.generated.serviceIds[1]!;
    const sid = `${fixture.deviceId}|${serviceId}`;
    const row = await serviceBySid(fixture.test.db, sid);
    const entries = timeline(await serviceRecords(fixture.test.db, row!));
    const en = await get(`/service?sid=${encodeURIComponent(sid)}&lang=en`);
    expect(en.statusCode).toBe(200);
    expect(attr(en.body, 'data-kind')).toEqual(entries.map((entry) => entry.kind));
    expect(en.body).toContain('Amended: ');
    expect(en.body).toContain('was a complaint');
    expect(en.body).toContain('Spot-check (抽查)');
    const zh = await get(`/service?sid=${encodeURIComponent(sid)}&lang=zh-CN`);
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(attr(zh.body, 'data-kind')).toEqual(entries.map((entry) => entry.kind));
    expect(zh.body).not.toContain('Amended: ');
    const tw = await get(`/service?sid=${encodeURIComponent(sid)}&lang=zh-TW`);
    expect(tw.statusCode).toBe(200);
  });

  it('lets an auditor read, and sends whoever is not signed in to sign in', async () => {
    const { from, to } = range();
    const url = `/services?from=${from}&to=${to}&tag=flag%3Aany`;
    expect((await get(url, auditor)).statusCode).toBe(200);
    const sid = `${fixture.deviceId}|${fixture.generated.serviceIds[0]}`;
    expect((await get(`/service?sid=${encodeURIComponent(sid)}`, auditor)).statusCode).toBe(200);
    for (const path of [url, `/service?sid=${encodeURIComponent(sid)}`]) {
      const anonymous = await get(path, '');
      expect(anonymous.statusCode).toBe(302);
      expect(anonymous.headers.location).toBe('/login');
    }
  });

  it('answers a bad address with a clear page in the reader’s language', async () => {
    const { from, to } = range();
    const cases: [string, number, string, string][] = [
      [`/services?from=${from}&to=${to}&page=abc`, 400, 'is not valid', '无效'],
      [`/services?from=${from}&to=${to}&page=0`, 400, 'is not valid', '无效'],
      [`/services?from=${from}&to=${to}&tag=evil%3Ax`, 400, 'is not valid', '无效'],
      [`/services?from=${from}&to=${to}&tag=skip%3Ano-such-step`, 400, 'is not valid', '无效'],
      [`/services?from=${to}&to=${from}2`, 400, 'is not valid', '无效'],
      [`/services?from=${from}&to=${to}&store=S999`, 404, 'no such store', '没有这个门店'],
      ['/service?sid=nonsense', 400, 'does not name a service', '没有指明业务'],
      [
        `/service?sid=${encodeURIComponent(`${fixture.deviceId}|00000000-0000-4000-8000-000000000000`)}`,
        404,
        'no such service',
        '没有这笔业务',
      ],
    ];
    for (const [url, status, en, zh] of cases) {
      const english = await get(`${url}&lang=en`);
      expect({ url, status: english.statusCode }).toEqual({ url, status });
      expect(english.body).toContain(en);
      const chinese = await get(`${url}&lang=zh-CN`);
      expect(chinese.statusCode).toBe(status);
      expect(chinese.body).toContain(zh);
    }
  });
});
