/**
 * The hub's HTTP server (Fastify; every body parsed by Fastify and checked with the zod schemas of
 * core/domain/hub/protocol.ts): the devices' API under /api/v1, and the pages managers and
 * auditors use in a browser (web/routes.ts). Every error is one short code with its status.
 */
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnrolRequestSchema,
  HeadRequestSchema,
  MAX_BODY_BYTES,
  PushRequestSchema,
  RestoreRequestSchema,
  WitnessRequestSchema,
  type HubError,
} from '../core/domain/hub/protocol';
import type { Db } from './db';
import { Ingest } from './ingest';
import { HubService } from './service';
import { hubKey } from './hub-key';
import { loadTranslations } from './i18n';
import { SESSION_COOKIE } from './web/context';
import { isCsrfRefusal } from './web/csrf';
import { GUESSES, GUESSES_PER_MINUTE } from './web/limits';
import { refusalPage, registerWebRoutes } from './web/routes';

export interface HubOptions {
  db: Db;
  now?: () => number;
  /** PBKDF2 iterations for the hub's PINs (tests use fewer; the default is the app's). */
  pinIterations?: number;
  logger?: boolean;
  bodyLimit?: number;
  /** The hub's name, in the manifests of its exports. */
  name?: string;
  /**
   * Behind a reverse proxy that terminates TLS: believe its X-Forwarded-For and -Proto (the
   * client's address for rate limits, https for Secure cookies and HSTS). Never on an open port.
   */
  trustProxy?: boolean;
  /** Tries of a code or a PIN one address may make in a minute (web/limits.ts). */
  guessesPerMinute?: number;
  /** TLS served by the hub itself (PEM key and certificate). */
  https?: { key: Buffer; cert: Buffer };
}

export interface Hub {
  app: FastifyInstance;
  service: HubService;
  ingest: Ingest;
  /** Devices whose review an older version of the code wrote, rebuilt as the hub started. */
  reviewsRebuilt: number;
}

const errorBody = (error: HubError['error'], detail?: string): HubError =>
  detail === undefined ? { error } : { error, detail: detail.slice(0, 500) };

export async function buildHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const api = request.url.startsWith('/api/');
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429)
      return api
        ? reply.code(429).send(errorBody('rate-limited'))
        : refusalPage(request, reply, 'rateLimited', 429);
    if (isCsrfRefusal(error)) return refusalPage(request, reply, 'csrf', 403);
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (!api) return refusalPage(request, reply, 'malformed', 400);
      const issue = error.validation[0];
      return reply
        .code(400)
        .send(errorBody('malformed', `${issue?.instancePath ?? ''} ${issue?.message ?? ''}`));
    }
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413)
      return reply.code(413).send(errorBody('too-large'));
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody('malformed'));
    request.log.error(error);
    return reply.code(500).send(errorBody('internal'));
  });

  await app.register(cookie);
  // Only the routes that take a code or a PIN are limited (their `config: GUESSES`).
  await app.register(rateLimit, {
    global: false,
    max: options.guessesPerMinute ?? GUESSES_PER_MINUTE,
    timeWindow: 60_000,
  });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // The API is authenticated by the devices' signatures, never by cookies: any origin may call it
  // (the app's pages are served from app:// in Electron, from the store's own server in a browser).
  await app.register(cors, {
    origin: (origin, callback) => callback(null, true),
    methods: ['GET', 'POST'],
    credentials: false,
    hook: 'onRequest',
  });

  const ingest = new Ingest(options.db, now);
  const reviewsRebuilt = await ingest.refreshReviews();
  const service = new HubService(options.db, now, options.pinIterations);

  app.post(
    '/api/v1/enrol',
    { schema: { body: EnrolRequestSchema }, config: GUESSES },
    async (request, reply) => {
      const result = await ingest.enrol(request.body);
      if (!result.ok) return reply.code(result.error.status).send(result.error.body);
      return result.value;
    },
  );

  app.post('/api/v1/push', { schema: { body: PushRequestSchema } }, async (request, reply) => {
    const result = await ingest.push(request.body);
    if (!result.ok) return reply.code(result.error.status).send(result.error.body);
    return result.value;
  });

  app.post(
    '/api/v1/restore',
    { schema: { body: RestoreRequestSchema }, config: GUESSES },
    async (request, reply) => {
      const result = await ingest.approveRestore(request.body);
      if (!result.ok) return reply.code(result.error.status).send(result.error.body);
      return result.value;
    },
  );

  // A log's head: to the device itself, signed (what it pushes next), or to a signed-in hub user.
  app.post('/api/v1/head', { schema: { body: HeadRequestSchema } }, async (request, reply) => {
    const result = await ingest.signedHead(request.body);
    if (!result.ok) return reply.code(result.error.status).send(result.error.body);
    return result.value;
  });

  // A device's head as soon as it moved, signed with its key in force (hub/witness.ts).
  app.post(
    '/api/v1/witness',
    { schema: { body: WitnessRequestSchema } },
    async (request, reply) => {
      const result = await ingest.witness(request.body);
      if (!result.ok) return reply.code(result.error.status).send(result.error.body);
      return result.value;
    },
  );

  app.get(
    '/api/v1/devices/:device/head',
    { schema: { params: z.object({ device: z.string().uuid() }) } },
    async (request, reply) => {
      if (!(await service.session(request.cookies[SESSION_COOKIE])))
        return reply
          .code(401)
          .send(errorBody('not-enrolled', 'sign in to the hub, or sign the request'));
      const result = await ingest.head(request.params.device);
      if (!result.ok) return reply.code(result.error.status).send(result.error.body);
      return { head: result.value };
    },
  );

  loadTranslations();
  await registerWebRoutes(app, {
    service,
    ingest,
    key: await hubKey(options.db),
    hubName: options.name ?? 'Counter Steps hub',
  });
  return { app, service, ingest, reviewsRebuilt };
}
