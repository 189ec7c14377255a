/**
 * Cross-site request forgery: every form the pages send (sign-in and setup included, so a foreign
 * page cannot sign a browser in either) carries a token tied to a secret in an HttpOnly,
 * SameSite=Strict cookie (@fastify/csrf-protection), and every POST outside the devices' API must
 * come from this origin (its Origin header, which browsers send with every POST). The devices'
 * API (/api/v1) carries no cookie: its requests are signed by the devices' keys instead.
 */
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CSRF_FIELD = '_csrf';
const CSRF_COOKIE = 'hub_csrf';

/** The origin the request was sent to, as a browser names it in its Origin header. */
const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Whether a POST's Origin (or, without one, Referer) names this hub; none at all passes on to the token. */
export function fromThisOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === ownOrigin(request);
  const referer = request.headers.referer;
  if (referer === undefined) return true;
  try {
    return new URL(referer).origin === ownOrigin(request);
  } catch {
    return false;
  }
}

export class CsrfRefusal extends Error {
  readonly statusCode = 403;
  readonly code = 'HUB_CSRF';
}

export async function registerCsrf(app: FastifyInstance) {
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict' },
    getToken: (request) =>
      String((request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? ''),
  });
  // After the form body is parsed, before its schema strips the token. A refusal (ours, or the
  // plugin's FST_CSRF_* errors) reaches the error handler, which answers with a page saying so.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method !== 'POST' || request.url.startsWith('/api/')) return done();
    if (!fromThisOrigin(request)) return done(new CsrfRefusal('request from another origin'));
    app.csrfProtection(request, reply, done);
  });
}

/** Whether an error is a refused form (another origin, or no valid token). */
export const isCsrfRefusal = (error: unknown) =>
  error instanceof CsrfRefusal || /^FST_CSRF_/.test(String((error as { code?: unknown }).code));

/** The page with this session's token in every form it posts (the secret cookie set when new). */
export function withCsrfTokens(reply: FastifyReply, markup: string): string {
  if (!/<form method="post"/.test(markup)) return markup;
  const token = reply.generateCsrf();
  return markup.replace(
    /<form method="post"[^>]*>/g,
    (tag) =>
      `${tag}<input type="hidden" name="${CSRF_FIELD}" value="${token.replace(/[^A-Za-z0-9_-]/g, '')}" />`,
  );
}
