// @vitest-environment node
/**
 * Main's IPC handlers for the customer display and the store hub's settings, and the CSP and
 * request filter the hub's origin opens.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hubOriginOf } from '../../../main/security-headers';
import { isRequestAllowed } from '../../../main/request-policy';
import { IPC_ERRORS } from '../../../main/ipc-handlers';
import { APP, fakeDisplay, memoryHubSettings, setup } from './ipc-support';

describe('openDisplay', () => {
  it('opens the customer display for the counter', async () => {
    const { display, opened } = fakeDisplay(42);
    const { handlers } = setup({ display });
    expect(await handlers.openDisplay(APP, [], 7)).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
  });

  it('is refused from the display itself, and with any argument', async () => {
    const { display, opened } = fakeDisplay(42);
    const { handlers } = setup({ display });
    expect(await handlers.openDisplay(APP, [], 42)).toEqual({
      ok: false,
      error: IPC_ERRORS.notFromCounter,
    });
    expect(await handlers.openDisplay(APP, [{ turned: true }], 7)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(opened).toEqual([]);
  });

  it('says so where main has no display to open', async () => {
    const { handlers } = setup();
    expect(await handlers.openDisplay(APP, [])).toEqual({ ok: false, error: 'unsupported' });
  });
});

describe('store hub settings', () => {
  const settings = {
    origin: 'http://127.0.0.1:8787',
    enrolment: null,
    lastPush: null,
  };

  it('keeps the hub the page sets, from the app only, and refuses an origin with more than an origin', async () => {
    const { handlers } = setup();
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: null });
    expect(await handlers.setHub('https://evil.example/', [{ settings }])).toEqual({
      ok: false,
      error: 'forbidden-sender',
    });
    expect(
      await handlers.setHub(APP, [{ settings: { ...settings, origin: 'http://a.b/path' } }]),
    ).toEqual({ ok: false, error: 'invalid-payload' });
    expect(await handlers.setHub(APP, [{ settings }])).toEqual({ ok: true, value: null });
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: settings });
    expect(await handlers.setHub(APP, [{ settings: null }])).toEqual({ ok: true, value: null });
    expect(await handlers.getHub(APP, [])).toEqual({ ok: true, value: null });
  });

  it('opens the CSP and the request filter to exactly the hub origin', async () => {
    const hub = memoryHubSettings();
    expect(hub.origin()).toBeNull();
    await hub.write(settings);
    expect(hub.origin()).toBe('http://127.0.0.1:8787');
    await hub.load();
    expect(hub.origin()).toBe('http://127.0.0.1:8787');
    expect(contentSecurityPolicy(hub.origin())).toContain(
      "connect-src 'self' http://127.0.0.1:8787;",
    );
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    expect(contentSecurityPolicy("http://a.b 'unsafe-eval'")).toContain("connect-src 'self';");
    expect(isRequestAllowed('http://127.0.0.1:8787/api/v1/push', hub.origin())).toBe(true);
    expect(isRequestAllowed('http://127.0.0.1:8788/api/v1/push', hub.origin())).toBe(false);
    expect(isRequestAllowed('https://127.0.0.1:8787/', hub.origin())).toBe(false);
    expect(isRequestAllowed('http://127.0.0.1:8787/', null)).toBe(false);
    expect(hubOriginOf('http://u:p@hub.example:8443')).toBeNull();
    expect(hubOriginOf('https://hub.example:8443')).toBe('https://hub.example:8443');
  });
});
