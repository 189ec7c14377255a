/**
 * The hub's pages for signing in: the first manager's setup with the one-time code, sign-in with
 * the device's PIN rules, sign-out, and choosing one's own PIN (forced after a manager set it).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Account } from '../accounts';
import { translator, type Translate } from '../i18n';
import { SESSION_COOKIE, sessionGuard, type WebContext } from './context';
import { accountRefusalText } from './account-refusal';
import { html } from './html';
import { GUESSES } from './limits';
import { localeOf, notice, page, send } from './page';

/** The session's cookie, set once the PIN was checked (at sign-in, or right after setup). */
function startSession(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

export function registerSignInRoutes(app: FastifyInstance, context: WebContext) {
  const { service } = context;
  const signedIn = sessionGuard(service);

  // Setup and sign-in ----------------------------------------------------------------------------

  const setupForm = (t: Translate, message: string | null) =>
    html`<section>
      <h2>${t('setup.title')}</h2>
      <p>${t('setup.intro')}</p>
      ${notice(message, true)}
      <form method="post" action="/setup" class="inline">
        <label>${t('setup.code')}<input name="code" required autocomplete="off" /></label>
        <label
          >${t('setup.staffNo')}<input name="staffNo" required autocomplete="username"
        /></label>
        <label
          >${t('setup.pin')}<input name="pin" type="password" inputmode="numeric" required
        /></label>
        <label
          >${t('setup.confirmation')}<input
            name="confirmation"
            type="password"
            inputmode="numeric"
            required
        /></label>
        <button type="submit">${t('setup.submit')}</button>
      </form>
    </section>`;

  app.get('/setup', async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    if (!(await service.needsSetup())) return reply.redirect('/login');
    return send(reply, page(t, locale, t('setup.title'), null, setupForm(t, null), '/setup'));
  });

  const SetupBody = z.object({
    code: z.string().max(40),
    staffNo: z.string().max(40),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/setup', { schema: { body: SetupBody }, config: GUESSES }, async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const body = request.body as z.infer<typeof SetupBody>;
    const made = await service.createFirstManager(body);
    if (made.ok) {
      // The manager just proved the code and chose the PIN: asking for it again at once is only a
      // step more (and a puzzle: "did setup work?"). Sign them in with the PIN they chose.
      const session = await service.signIn(made.value.staffNo, body.pin, request.ip);
      if (!session.ok) return reply.redirect('/login');
      startSession(request, reply, session.value.token);
      return reply.redirect('/');
    }
    const message =
      made.error === 'bad-code'
        ? t('setup.badCode')
        : made.error === 'staff-number'
          ? t('admin.staffNoInvalid')
          : accountRefusalText(t, made.error);
    return send(reply, page(t, locale, t('setup.title'), null, setupForm(t, message)), 400);
  });

  const signInForm = (t: Translate, message: string | null) =>
    html`<section>
      <h2>${t('signIn.title')}</h2>
      <p>${t('signIn.intro')}</p>
      ${notice(message, true)}
      <form method="post" action="/login" class="inline">
        <label
          >${t('signIn.staffNo', { ns: 'translation' })}<input
            name="staffNo"
            required
            autocomplete="username"
        /></label>
        <label
          >${t('signIn.pin', { ns: 'translation' })}<input
            name="pin"
            type="password"
            inputmode="numeric"
            required
            autocomplete="current-password"
        /></label>
        <button type="submit">${t('signIn.submit', { ns: 'translation' })}</button>
      </form>
    </section>`;

  app.get('/login', async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    if (await service.needsSetup()) return reply.redirect('/setup');
    return send(reply, page(t, locale, t('signIn.title'), null, signInForm(t, null), '/login'));
  });

  const SignInBody = z.object({ staffNo: z.string().max(40), pin: z.string().max(40) });
  app.post('/login', { schema: { body: SignInBody }, config: GUESSES }, async (request, reply) => {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const { staffNo, pin } = request.body as z.infer<typeof SignInBody>;
    const result = await service.signIn(staffNo.trim(), pin, request.ip);
    if (result.ok) {
      startSession(request, reply, result.value.token);
      return reply.redirect(result.value.account.mustChange ? '/pin' : '/');
    }
    const { error } = result;
    const message =
      error.kind === 'wait'
        ? t('refusal.waiting', {
            ns: 'translation',
            time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(error.retryAt),
          })
        : error.kind === 'disabled'
          ? t('refusal.account-disabled', { ns: 'translation' })
          : t('refusal.wrong-pin', { ns: 'translation', count: 0 }).split(/[.。]/)[0] + '.';
    return send(reply, page(t, locale, t('signIn.title'), null, signInForm(t, message)), 401);
  });

  app.post('/logout', async (request, reply) => {
    await service.signOut(request.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login');
  });

  // Own PIN ------------------------------------------------------------------------------------

  const pinForm = (t: Translate, account: Account, message: string | null, error: boolean) =>
    html`<section>
      <h2>${t('pin.title')}</h2>
      ${account.mustChange ? notice(t('pin.mustChange')) : ''} ${notice(message, error)}
      <form method="post" action="/pin" class="inline">
        <label>${t('pin.current')}<input name="current" type="password" required /></label>
        <label>${t('pin.new')}<input name="pin" type="password" required /></label>
        <label
          >${t('pin.confirmation')}<input name="confirmation" type="password" required
        /></label>
        <button type="submit">${t('pin.submit')}</button>
      </form>
    </section>`;

  app.get('/pin', async (request, reply) => {
    const session = await signedIn(request, reply, { allowMustChange: true });
    if (!session) return reply;
    const { t, locale, account } = session;
    return send(
      reply,
      page(t, locale, t('pin.title'), account, pinForm(t, account, null, false), '/pin'),
    );
  });

  const PinBody = z.object({
    current: z.string().max(40),
    pin: z.string().max(40),
    confirmation: z.string().max(40),
  });
  app.post('/pin', { schema: { body: PinBody }, config: GUESSES }, async (request, reply) => {
    const session = await signedIn(request, reply, { allowMustChange: true });
    if (!session) return reply;
    const { t, locale, account } = session;
    const changed = await service.changeOwnPin(
      account.staffNo,
      request.body as z.infer<typeof PinBody>,
    );
    if (changed.ok) return reply.redirect('/');
    const message = accountRefusalText(t, changed.error);
    return send(
      reply,
      page(t, locale, t('pin.title'), account, pinForm(t, account, message, true)),
      400,
    );
  });
}
