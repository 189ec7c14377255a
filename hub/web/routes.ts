/**
 * The hub's pages for managers and auditors, rendered on the server (no script on the page):
 * sign-in with the device's PIN rules, the store and chain dashboards from the same figure code
 * as the device, the devices with their signed day exports, tampering alerts, and — for managers
 * only — stores, enrolment codes and accounts. Auditors read and export; nothing else.
 * Sessions are an HttpOnly, SameSite=Strict cookie holding a random token (stored hashed).
 * Here: the pages' security headers, their stylesheet, each group of pages, and the 404 page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../i18n';
import { registerAdminRoutes } from './admin-routes';
import type { WebContext } from './context';
import { registerDashboardRoutes } from './dashboard-routes';
import { registerCsrf } from './csrf';
import { registerDeviceRoutes } from './device-routes';
import { registerServiceRoutes } from './service-routes';
import { localeOf, notice, page, send } from './page';
import { registerSignInRoutes } from './sign-in-routes';

const CSS = readFileSync(join(import.meta.dirname, 'hub.css'), 'utf8');
/** The pages' own policy: nothing but this origin's stylesheet, no script at all. */
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export async function registerWebRoutes(app: FastifyInstance, context: WebContext) {
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) {
      void reply.header('Content-Security-Policy', PAGE_CSP);
      void reply.header('X-Content-Type-Options', 'nosniff');
      // same-origin, not no-referrer: with no-referrer a browser's form POST says `Origin: null`,
      // and the hub checks every form's origin (csrf.ts).
      void reply.header('Referrer-Policy', 'same-origin');
      void reply.header('X-Frame-Options', 'DENY');
    }
    // Over TLS (the hub's own, or a proxy's that the hub trusts to say so): cookies only over TLS,
    // and browsers told to come back only over TLS.
    if (request.protocol === 'https') {
      void reply.header('Strict-Transport-Security', 'max-age=31536000');
      const cookies = reply.getHeader('set-cookie');
      if (cookies !== undefined) {
        const list = Array.isArray(cookies) ? cookies : [String(cookies)];
        // Fastify appends to set-cookie: take the old ones off first.
        void reply.removeHeader('set-cookie');
        void reply.header(
          'set-cookie',
          list.map((cookie) => (/;\s*secure/i.test(cookie) ? cookie : `${cookie}; Secure`)),
        );
      }
    }
  });
  await registerCsrf(app);

  app.get('/hub.css', async (_request, reply) => reply.type('text/css').send(CSS));

  registerSignInRoutes(app, context);
  registerDashboardRoutes(app, context);
  registerServiceRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerAdminRoutes(app, context);

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/'))
      return reply.code(404).send({ error: 'malformed', detail: 'no such endpoint' });
    const locale = localeOf(request, reply);
    const t = translator(locale);
    return send(
      reply,
      page(t, locale, t('errors.notFound'), null, notice(t('errors.notFound'), true)),
      404,
    );
  });
}

/** The page for a request the hub refused before any route ran: a forged form, or too many tries. */
export function refusalPage(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: 'csrf' | 'rateLimited' | 'malformed',
  status: number,
) {
  const locale = localeOf(request, reply);
  const t = translator(locale);
  const text = t(`errors.${kind}`);
  return send(reply, page(t, locale, text, null, notice(text, true)), status);
}
