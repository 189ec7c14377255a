// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  isAppUrl,
} from '../../../main/app-origin';

describe('isAppUrl', () => {
  it.each([
    'app://counter-steps/',
    'app://counter-steps',
    'app://counter-steps/index.html',
    'app://counter-steps/assets/index-abc123.js?x=1#top',
  ])('accepts the app origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['file URL', 'file:///work/main/out/renderer/index.html'],
    ['http', 'http://counter-steps/'],
    ['https', 'https://counter-steps/'],
    ['another app host', 'app://other-host/'],
    ['a look-alike host', 'app://counter-steps.evil/'],
    ['credentials naming the host', 'app://counter-steps@evil/'],
    ['credentials before the host', 'app://evil@counter-steps/'],
    ['a port', 'app://counter-steps:8080/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mentioning the origin', 'javascript://counter-steps/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob on the app origin', 'blob:app://counter-steps/3f1c'],
    ['about:blank', 'about:blank'],
    ['a relative path', '/index.html'],
    ['another scheme named like the app', 'apps://counter-steps/'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses null and undefined (a destroyed sender frame has no URL)', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('treats the entry URL and origin constants as app URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes the scheme standard and secure so IndexedDB gets a stable origin', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
  });

  it('never bypasses CSP and does not enable service workers', () => {
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false);
  });
});

describe('the origin never changes between versions', () => {
  // IndexedDB, localStorage and the granted persistent-storage permission all live under the
  // origin: a different scheme or host in a new version would open an empty database and orphan
  // the log. Changing these values is never a refactoring; it needs a migration of the data.
  it('is app://counter-steps', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('counter-steps');
    expect(APP_ORIGIN).toBe('app://counter-steps');
    expect(APP_ENTRY_URL).toBe('app://counter-steps/');
    const entry = new URL(APP_ENTRY_URL);
    expect([entry.protocol, entry.host, entry.pathname]).toEqual(['app:', 'counter-steps', '/']);
  });

  it('is what main registers, serves and loads', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../main/index.ts'), 'utf8');
    expect(source).toContain('scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES }');
    expect(source).toContain('protocol.handle(\n    APP_SCHEME,');
    expect(source).toContain('loadApp(window, APP_ENTRY_URL)');
    expect(source).not.toMatch(/file:\/\/|loadFile\(/);
  });
});
