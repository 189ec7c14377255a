/**
 * The hub's pages and API against someone on the network: impossible dates and any malformed
 * query answered 400 with a message (never 500), forms from another origin or without their
 * token refused, codes and PINs rate-limited with 429, a stranger's wrong PINs never locking a
 * manager out, Secure cookies and HSTS over TLS, and a log's head told only to its device or a
 * signed-in user. On PGlite (the rules are the web layer's; the databases are the ingest tests').
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headPayload } from '../../core/domain/hub/protocol';
import { staffedDevice, type TestDevice } from '../unit/helpers/builders';
import { buildHub } from '../../hub/app';
import { MANAGER, enrolCode, form, freshDb, testHub, type TestHub } from './helpers';

describe('the hub against someone on the network', { timeout: 120_000 }, () => {
  let test: TestHub;
  let device: TestDevice;
  let deviceId = '';
  let cookie = '';

  beforeAll(async () => {
    test = await testHub('pglite');
    device = await staffedDevice();
    const enrolled = await device.store.hub.enrol(test.transport, await enrolCode(test));
    if (!enrolled.ok) throw new Error('enrolment refused');
    deviceId = enrolled.value.device;
    expect((await device.store.hub.push(test.transport)).ok).toBe(true);
    const login = await form(test.hub.app, {
      url: '/login',
      payload: { staffNo: MANAGER.staffNo, pin: MANAGER.pin },
    });
    const session = login.cookies.find((entry) => entry.name === 'hub_session');
    cookie = `hub_session=${session?.value ?? ''}`;
  }, 240_000);
  afterAll(async () => test?.close());

  const get = (url: string, headers: Record<string, string> = { cookie }) =>
    test.hub.app.inject({ method: 'GET', url, headers });

  it('answers an impossible day with 400 and a message in the reader’s language', async () => {
    const response = await get(`/export?device=${deviceId}&day=2026-13-45&lang=en`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('That form was not filled in as expected.');
    const february = await get(`/services?from=2026-02-30&to=2026-03-01&lang=zh-CN`);
    expect(february.statusCode).toBe(400);
  });

  it('never answers 500 to any query of any page', async () => {
    const pages = ['/', '/services', '/service', '/export', '/devices', '/admin', '/pin'];
    const params = ['from', 'to', 'day', 'device', 'store', 'tag', 'page', 'sid', 'lang'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        fc.dictionary(fc.constantFrom(...params), fc.oneof(fc.string(), fc.date().map(String)), {
          maxKeys: 4,
        }),
        async (path, query) => {
          const search = new URLSearchParams(query).toString();
          const response = await get(`${path}?${search}`);
          expect(response.statusCode, `${path}?${search}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a form from another origin, even with a valid token, and signs nobody in', async () => {
    const page = await get('/login', {});
    const secret = page.cookies.find((entry) => entry.name === 'hub_csrf')?.value ?? '';
    const token = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
    expect(token).not.toBe('');
    const foreign = await test.hub.app.inject({
      method: 'POST',
      url: '/login?lang=en',
      headers: { origin: 'http://evil.invalid', cookie: `hub_csrf=${secret}` },
      payload: { staffNo: MANAGER.staffNo, pin: MANAGER.pin, _csrf: token },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).toContain('came from another page');
    expect(foreign.cookies.find((entry) => entry.name === 'hub_session')).toBeUndefined();
    // A signed-in manager's browser tricked into posting from elsewhere: refused too.
    const code = await test.hub.app.inject({
      method: 'POST',
      url: '/admin/code',
      headers: { origin: 'http://evil.invalid', cookie: `${cookie}; hub_csrf=${secret}` },
      payload: { store: 'S001', _csrf: token },
    });
    expect(code.statusCode).toBe(403);
  });

  it('refuses a form with no token, or another browser’s token', async () => {
    const none = await test.hub.app.inject({
      method: 'POST',
      url: '/admin/code?lang=en',
      headers: { cookie },
      payload: { store: 'S001' },
    });
    expect(none.statusCode).toBe(403);
    const other = await get('/login', {});
    const token = /name="_csrf" value="([^"]*)"/.exec(other.body)?.[1] ?? '';
    const mine = await get('/login', {});
    const secret = mine.cookies.find((entry) => entry.name === 'hub_csrf')?.value ?? '';
    const crossed = await test.hub.app.inject({
      method: 'POST',
      url: '/admin/code?lang=en',
      headers: { cookie: `${cookie}; hub_csrf=${secret}` },
      payload: { store: 'S001', _csrf: token },
    });
    expect(crossed.statusCode).toBe(403);
  });

  it('limits PIN tries from one address with 429, while the manager signs in from another', async () => {
    const stranger = '127.0.0.7';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const page = await test.hub.app.inject({
        method: 'GET',
        url: '/login',
        remoteAddress: stranger,
      });
      const secret = page.cookies.find((entry) => entry.name === 'hub_csrf')?.value ?? '';
      const token = /name="_csrf" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
      const response = await test.hub.app.inject({
        method: 'POST',
        url: '/login?lang=en',
        remoteAddress: stranger,
        headers: { origin: 'http://localhost:80', cookie: `hub_csrf=${secret}` },
        payload: { staffNo: MANAGER.staffNo, pin: '999999', _csrf: token },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.body).toContain('Too many attempts');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // The stranger's wrong PINs made only the stranger wait.
    const manager = await form(test.hub.app, {
      url: '/login',
      payload: { staffNo: MANAGER.staffNo, pin: MANAGER.pin },
    });
    expect(manager.statusCode).toBe(302);
    expect(manager.cookies.some((entry) => entry.name === 'hub_session')).toBe(true);
  });

  it('limits enrolment-code guesses from one address with 429', async () => {
    const guesser = '127.0.0.8';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await test.hub.app.inject({
        method: 'POST',
        url: '/api/v1/enrol',
        remoteAddress: guesser,
        payload: {},
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const last = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/enrol',
      remoteAddress: guesser,
      payload: {},
    });
    expect(last.json()).toEqual({ error: 'rate-limited' });
  });

  it('tells a log’s head only to a signed-in user or to its device, signed', async () => {
    const anonymous = await get(`/api/v1/devices/${deviceId}/head`, {});
    expect(anonymous.statusCode).toBe(401);
    const signedIn = await get(`/api/v1/devices/${deviceId}/head`);
    expect(signedIn.statusCode).toBe(200);
    const head = await device.store.hub.hubHead(test.transport);
    expect(head.ok).toBe(true);
    // Someone else's key over the device's request: refused.
    const stranger = await staffedDevice();
    const strangerSigned = await stranger.store.hub.pushRequest(
      (await stranger.rows()).slice(0, 1),
    );
    const forged = await test.hub.app.inject({
      method: 'POST',
      url: '/api/v1/head',
      payload: {
        device: deviceId,
        keyRecords: strangerSigned?.keyRecords ?? [],
        signature: strangerSigned?.signature ?? { keyIndex: 0, value: 'x'.repeat(64) },
      },
    });
    expect(forged.statusCode).toBe(403);
    expect(headPayload({ device: deviceId, keyIndex: 0 }).purpose).toBe('counter-steps/hub-head');
  });
});

describe('the hub over TLS', { timeout: 60_000 }, () => {
  it('marks cookies Secure and sends HSTS behind a proxy that says https, and not otherwise', async () => {
    const db = await freshDb('pglite');
    const hub = await buildHub({ db, pinIterations: 1_000, trustProxy: true });
    try {
      const tls = await hub.app.inject({
        method: 'GET',
        url: '/login?lang=en',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
      const cookies = [tls.headers['set-cookie']].flat().map(String);
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.every((entry) => /;\s*Secure/i.test(entry))).toBe(true);
      const plain = await hub.app.inject({ method: 'GET', url: '/login?lang=en' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(
        [plain.headers['set-cookie']]
          .flat()
          .map(String)
          .some((c) => /Secure/i.test(c)),
      ).toBe(false);
    } finally {
      await hub.app.close();
      await db.close();
    }
  });
});
