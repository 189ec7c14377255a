/**
 * The hub's pages and exports (PGlite): sign-in under the device's PIN rules, roles (an auditor
 * reads and exports, never administers), the dashboard's figures from the pushed logs, and a day
 * exported from the hub that the command-line verifier accepts, signed by the hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/verify';
import { businessDay } from '../../core/domain/device/config';
import { figures } from '../../core/domain/review/figures';
import { readExportZip } from '../../core/export/read-export';
import { verifyExport } from '../../core/export/verify-export';
import { generatedDevice } from '../unit/helpers/review-data';
import type { TestDevice } from '../unit/helpers/builders';
import { MANAGER, enrolCode, testHub, type TestHub, form } from './helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AUDITOR = { staffNo: '7001', pin: '864209', next: '531864' };

describe('hub pages and exports', { timeout: 60_000 }, () => {
  let test: TestHub;
  let devices: TestDevice[];

  beforeAll(async () => {
    test = await testHub('pglite');
    devices = [(await generatedDevice(21, 26)).device, (await generatedDevice(22, 14)).device];
    const code = await enrolCode(test);
    await test.hub.service.addStore(test.manager, 'S002', 'Store 2');
    const second = await test.hub.service.enrolCode(test.manager, 'S002');
    for (const [index, device] of devices.entries()) {
      const enrolled = await device.store.hub.enrol(
        test.transport,
        index === 0 ? code : second.ok ? second.value.code : '',
      );
      expect(enrolled.ok).toBe(true);
      expect((await device.store.hub.push(test.transport)).ok).toBe(true);
    }
  }, 240_000);
  afterAll(async () => test?.close());

  const app = () => test.hub.app;

  async function signIn(staffNo: string, pin: string) {
    const response = await form(app(), {
      url: '/login?lang=en',
      payload: { staffNo, pin },
    });
    const cookie = response.cookies.find((entry) => entry.name === 'hub_session');
    return { response, cookie: cookie ? `hub_session=${cookie.value}` : '' };
  }

  it('sends whoever is not signed in to sign in, and refuses a wrong PIN', async () => {
    const page = await app().inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/login');
    const wrong = await signIn(MANAGER.staffNo, '999999');
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.response.body).toContain('Staff number or PIN is wrong');
    expect(wrong.cookie).toBe('');
  });

  it('lets a manager add an auditor, who must choose a PIN that follows the rules', async () => {
    const { cookie } = await signIn(MANAGER.staffNo, MANAGER.pin);
    const simple = await form(app(), {
      url: '/admin/account?lang=en',
      headers: { cookie },
      payload: { staffNo: AUDITOR.staffNo, role: 'auditor', pin: '123456', confirmation: '123456' },
    });
    expect(simple.statusCode).toBe(400);
    expect(simple.body).toContain('too easy to guess');
    const added = await form(app(), {
      url: '/admin/account',
      headers: { cookie },
      payload: {
        staffNo: AUDITOR.staffNo,
        role: 'auditor',
        pin: AUDITOR.pin,
        confirmation: AUDITOR.pin,
      },
    });
    expect(added.statusCode).toBe(200);
    const auditor = await signIn(AUDITOR.staffNo, AUDITOR.pin);
    expect(auditor.response.headers.location).toBe('/pin');
    const blocked = await app().inject({
      method: 'GET',
      url: '/',
      headers: { cookie: auditor.cookie },
    });
    expect(blocked.headers.location).toBe('/pin');
    const changed = await form(app(), {
      url: '/pin',
      headers: { cookie: auditor.cookie },
      payload: { current: AUDITOR.pin, pin: AUDITOR.next, confirmation: AUDITOR.next },
    });
    expect(changed.headers.location).toBe('/');
  });

  it('shows an auditor the dashboards and exports, never the administration', async () => {
    const { cookie } = await signIn(AUDITOR.staffNo, AUDITOR.next);
    const admin = await app().inject({ method: 'GET', url: '/admin?lang=en', headers: { cookie } });
    expect(admin.statusCode).toBe(403);
    const code = await form(app(), {
      url: '/admin/code',
      headers: { cookie },
      payload: { store: 'S001' },
    });
    expect(code.statusCode).toBe(403);
    const devicesPage = await app().inject({ method: 'GET', url: '/devices', headers: { cookie } });
    expect(devicesPage.statusCode).toBe(200);
  });

  it('makes a restore code for one device on the devices page, for managers only', async () => {
    const [device] = await test.hub.service.devices();
    const auditor = await signIn(AUDITOR.staffNo, AUDITOR.next);
    const seen = await app().inject({
      method: 'GET',
      url: '/devices?lang=en',
      headers: { cookie: auditor.cookie },
    });
    expect(seen.body).not.toContain('data-section="restore"');
    const refusedMaking = await form(app(), {
      url: '/devices/restore-code',
      headers: { cookie: auditor.cookie },
      payload: { device: device!.id },
    });
    expect(refusedMaking.statusCode).toBe(403);

    const { cookie } = await signIn(MANAGER.staffNo, MANAGER.pin);
    const page = await app().inject({
      method: 'GET',
      url: '/devices?lang=en',
      headers: { cookie },
    });
    expect(page.body).toContain('Approve a restored tablet');
    const made = await form(app(), {
      url: '/devices/restore-code?lang=en',
      headers: { cookie },
      payload: { device: device!.id },
    });
    expect(made.statusCode).toBe(200);
    const code = /data-restore-code="([0-9A-Z-]+)"/.exec(made.body)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(made.body).toContain(`Restore code for ${device!.storeName}`);
    const [row] = await test.db.query<{ purpose: string; device: string; used_at: number | null }>(
      "SELECT purpose, device, used_at FROM codes WHERE purpose = 'restore'",
    );
    expect(row).toEqual({ purpose: 'restore', device: device!.id, used_at: null });
    const unknown = await form(app(), {
      url: '/devices/restore-code?lang=en',
      headers: { cookie },
      payload: { device: 'not-a-device' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no such device on this hub.');
  });

  it('shows the chain as the sum of its stores, each store as its device shows it', async () => {
    const { cookie } = await signIn(MANAGER.staffNo, MANAGER.pin);
    const all = await Promise.all(
      devices.map(async (device) => device.store.review.rollups('2000-01-01', '2999-12-31')),
    );
    const union = figures(all.flat());
    const page = await app().inject({
      method: 'GET',
      url: '/?from=2000-01-01&to=2999-12-31&lang=en',
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-figure="services" data-value="${union.total.services}"`);
    expect(page.body).toContain(
      `data-figure="kept" data-value="${union.total.kept.done}/${union.total.kept.applicable}"`,
    );
    expect(page.body).toContain('data-table="stores"');
    expect(page.body).toContain('Store 2');
    const store = await app().inject({
      method: 'GET',
      url: '/?from=2000-01-01&to=2999-12-31&store=S002',
      headers: { cookie },
    });
    const second = figures(all[1]!);
    expect(store.body).toContain(`data-figure="services" data-value="${second.total.services}"`);
  });

  it('exports a device day in the signed format, which the verifier accepts as the hub’s', async () => {
    const { cookie } = await signIn(MANAGER.staffNo, MANAGER.pin);
    const [info] = (await test.hub.service.devices()).filter((device) => device.storeId === 'S001');
    const device = devices[0]!;
    const day = businessDay(device.clock.now, device.store.snapshot.state.config);
    const response = await app().inject({
      method: 'GET',
      url: `/export?device=${info!.id}&day=${day}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zip = new Uint8Array(response.rawPayload);
    const files = readExportZip(zip);
    expect(files.ok).toBe(true);
    if (!files.ok) return;
    const verdict = await verifyExport(files.value, { expectedKey: info!.fingerprint });
    expect(verdict).toMatchObject({ status: 'intact', signedBy: 'hub', keyCheck: 'matched' });
    expect(verdict.manifest?.exportedBy).toEqual({ staffNo: MANAGER.staffNo, role: 'manager' });

    const folder = mkdtempSync(join(tmpdir(), 'hub-export-'));
    writeFileSync(join(folder, 'day.zip'), zip);
    const out: string[] = [];
    const code = await main(['verify', join(folder, 'day.zip'), '--lang', 'en'], {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      env: {},
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Made by the store hub');

    // A changed byte in the manifest's hub key or signature is caught.
    const manifest = JSON.parse(new TextDecoder().decode(files.value.get('manifest.json')));
    manifest.exportedBy.staffNo = '8002';
    const forged = new Map(files.value);
    forged.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    expect((await verifyExport(forged)).problem).toEqual({ kind: 'manifest-signature' });

    const empty = await app().inject({
      method: 'GET',
      url: `/export?device=${info!.id}&day=1999-01-01`,
      headers: { cookie },
    });
    expect(empty.statusCode).toBe(404);
  });
});
