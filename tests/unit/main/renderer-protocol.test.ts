// @vitest-environment node
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createRendererProtocolHandler,
  mimeTypeFor,
  resolveRendererPath,
} from '../../../main/renderer-protocol';

const root = resolve('/opt/counter-steps/out/renderer');

describe('resolveRendererPath', () => {
  it('serves index.html for the root URL with or without a trailing slash', () => {
    expect(resolveRendererPath('app://counter-steps/', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
    });
    expect(resolveRendererPath('app://counter-steps', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
    });
  });

  it('maps nested asset URLs to files under the renderer folder, ignoring query and hash', () => {
    expect(resolveRendererPath('app://counter-steps/assets/index-abc.js?v=2#x', root)).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'index-abc.js'),
    });
  });

  it('decodes percent-encoded names once (Chinese file names, spaces)', () => {
    expect(
      resolveRendererPath('app://counter-steps/sounds/%E5%8F%AB%E5%8F%B7%201.mp3', root),
    ).toEqual({
      ok: true,
      filePath: join(root, 'sounds', '叫号 1.mp3'),
    });
  });

  it('keeps plain ../ inside the root (the URL parser already collapsed it)', () => {
    const result = resolveRendererPath('app://counter-steps/../../etc/passwd', root);
    expect(result).toEqual({ ok: true, filePath: join(root, 'etc', 'passwd') });
  });

  it.each([
    ['encoded dot-dot-slash', 'app://counter-steps/%2e%2e%2f%2e%2e%2fetc/passwd'],
    [
      'encoded slash after a real segment',
      'app://counter-steps/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    ],
    ['upper-case encoding', 'app://counter-steps/%2E%2E%2Fsecret'],
    ['backslashes', 'app://counter-steps/..\\..\\windows\\win.ini'],
    ['encoded backslashes', 'app://counter-steps/%5c..%5c..%5cwin.ini'],
    ['a NUL byte', 'app://counter-steps/index.html%00.png'],
    ['an absolute path via a double slash', 'app://counter-steps//etc/passwd'],
    ['an encoded absolute path', 'app://counter-steps/%2Fetc%2Fpasswd'],
    ['a Windows drive', 'app://counter-steps/C:/Windows/win.ini'],
    ['an encoded drive', 'app://counter-steps/C%3A%5CWindows'],
    ['a Windows device name', 'app://counter-steps/assets/con.js'],
    ['a single dot segment made of encoding', 'app://counter-steps/a/%2e%2fb'],
    ['broken percent-encoding', 'app://counter-steps/%E5%8F'],
  ])('refuses %s', (_label, url) => {
    const result = resolveRendererPath(url, root);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['another app host', 'app://other-host/index.html'],
    ['a look-alike host', 'app://counter-steps.evil/index.html'],
    ['credentials', 'app://user@counter-steps/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['http:', 'http://counter-steps/index.html'],
  ])('refuses %s as forbidden', (_label, url) => {
    expect(resolveRendererPath(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses an unparseable URL as a bad request', () => {
    expect(resolveRendererPath('::::', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['fonts/noto.woff2', 'font/woff2'],
    ['sounds/call.mp3', 'audio/mpeg'],
    ['locales/zh-CN.json', 'application/json; charset=utf-8'],
  ])('gives %s the type %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('falls back to octet-stream for unknown extensions (never sniffed as HTML)', () => {
    expect(mimeTypeFor('notes.xyz')).toBe('application/octet-stream');
    expect(mimeTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the app policy, with no unsafe-eval', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('createRendererProtocolHandler', () => {
  let dir: string;
  let handle: (request: Request) => Promise<Response>;
  let outsideFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counter-steps-renderer-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Counter Steps</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    outsideFile = join(dir, 'secret.txt');
    await writeFile(outsideFile, 'secret');
    handle = createRendererProtocolHandler({ rootDir: rendererDir, readFile: (p) => readFile(p) });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at the root with HTML type and the CSP header', async () => {
    const response = await handle(new Request('app://counter-steps/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Counter Steps');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handle(new Request('app://counter-steps/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(
      new Request('app://counter-steps/assets/app.js', { method: 'HEAD' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a missing file and for a folder, still with CSP', async () => {
    for (const url of ['app://counter-steps/missing.js', 'app://counter-steps/assets']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never serves the file beside the renderer folder, however the URL is encoded', async () => {
    for (const url of [
      'app://counter-steps/%2e%2e%2fsecret.txt',
      'app://counter-steps/..%2fsecret.txt',
      'app://counter-steps/%5c..%5csecret.txt',
      `app://counter-steps/${encodeURIComponent(outsideFile)}`,
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('refuses other hosts on the scheme', async () => {
    const response = await handle(new Request('app://other-host/index.html'));
    expect(response.status).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(
      new Request('app://counter-steps/', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});
