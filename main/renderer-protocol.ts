/**
 * Serves the built renderer (out/renderer) on `app://counter-steps/`. The URL → file mapping
 * is a pure function that refuses anything that could leave the renderer folder; the handler
 * takes an injected file reader so it runs under Node's own Request/Response in unit tests.
 */
import { securityHeadersFor } from './security-headers';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export { CONTENT_SECURITY_POLICY } from './security-headers';

export type RendererPath =
  { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// Windows device names resolve to devices, not files, whatever folder they sit in.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Maps a request URL to a file inside `rootDir`, or says why not. Percent-decoding happens
 * once, here, and every check runs on the decoded text, so `%2e%2e%2f` and `%5c` are caught
 * exactly like `../` and `\`.
 */
export function resolveRendererPath(requestUrl: string, rootDir: string): RendererPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparseable-url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403, reason: 'foreign-origin' };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad-encoding' };
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/')) return { ok: false, status: 400, reason: 'relative-path' };

  const relativePath = decoded.slice(1);
  // NUL truncates paths in native code; '\' and ':' are separators or drive/stream markers on
  // Windows. None has any business in a built asset's name.
  if (/[\0\\:]/.test(relativePath))
    return { ok: false, status: 400, reason: 'forbidden-character' };
  if (isAbsolute(relativePath)) return { ok: false, status: 400, reason: 'absolute-path' };

  const segments = relativePath.split('/');
  for (const segment of segments) {
    // Empty segments ('//etc') would make the remainder absolute; dot segments are traversal.
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, status: 400, reason: 'traversal' };
    }
    if (WINDOWS_DEVICE_NAME.test(segment)) return { ok: false, status: 400, reason: 'device-name' };
  }

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  const fromRoot = relative(root, filePath);
  // Belt and braces: whatever the checks above missed, the result must still sit under root.
  if (
    fromRoot === '' ||
    fromRoot.startsWith(`..${sep}`) ||
    fromRoot === '..' ||
    isAbsolute(fromRoot)
  ) {
    return { ok: false, status: 403, reason: 'outside-root' };
  }
  return { ok: true, filePath };
}

/** Headers every response carries, errors included, so no page is ever served without CSP. */
export function securityHeaders(
  contentType: string,
  hubOrigin: string | null = null,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    ...securityHeadersFor(hubOrigin),
    // The files change only when the app is updated; revalidating is cheap on a local scheme.
    'Cache-Control': 'no-cache',
  };
}

export interface RendererProtocolDeps {
  rootDir: string;
  /** Resolves to the file's bytes; rejects (any error) when it cannot be read. */
  readFile: (filePath: string) => Promise<Uint8Array>;
  /** The store hub's origin, when one is configured: the pages' CSP may connect to it. */
  hubOrigin?: () => string | null;
}

function errorResponse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The function given to `protocol.handle(APP_SCHEME, …)`. */
export function createRendererProtocolHandler(
  deps: RendererProtocolDeps,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const target = resolveRendererPath(request.url, deps.rootDir);
    if (!target.ok) return errorResponse(target.status);
    let body: Uint8Array;
    try {
      body = await deps.readFile(target.filePath);
    } catch {
      return errorResponse(404);
    }
    const headers = securityHeaders(mimeTypeFor(target.filePath), deps.hubOrigin?.() ?? null);
    // Response copies the bytes; a fresh Uint8Array view keeps BodyInit's typing happy.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
