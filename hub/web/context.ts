/**
 * What every group of the hub's pages shares: the context they are registered with, the session
 * cookie (an HttpOnly, SameSite=Strict cookie holding a random token, stored hashed), the guard
 * that lets only a signed-in account (of a role, when asked) through, and the day parameter.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hubCan, type HubAbility } from '../../core/domain/hub/roles';
import type { Locale } from '../../core/domain/locale';
import type { Account } from '../accounts';
import type { HubKey } from '../hub-key';
import { translator, type Translate } from '../i18n';
import type { Ingest } from '../ingest';
import type { HubService } from '../service';
import { localeOf, notice, page, send } from './page';

export interface WebContext {
  service: HubService;
  ingest: Ingest;
  key: HubKey;
  hubName: string;
}

export const SESSION_COOKIE = 'hub_session';

/** A calendar day, year-month-day: 2026-13-45 has the shape and is still refused. */
export const isCalendarDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay);

export interface SignedIn {
  account: Account;
  t: Translate;
  locale: Locale;
}

/**
 * `signedIn(request, reply, options)`: the signed-in account, or a redirect to sign in (or to
 * choose a PIN) already sent, or a refusal already sent when the account lacks `options.role`.
 */
export function sessionGuard(service: HubService) {
  return async function signedIn(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { ability?: HubAbility; allowMustChange?: boolean } = {},
  ): Promise<SignedIn | null> {
    const locale = localeOf(request, reply);
    const t = translator(locale);
    const account = await service.session(request.cookies[SESSION_COOKIE]);
    if (!account) {
      await reply.redirect((await service.needsSetup()) ? '/setup' : '/login');
      return null;
    }
    if (account.mustChange && !options.allowMustChange) {
      await reply.redirect('/pin');
      return null;
    }
    if (options.ability && !hubCan(account.role, options.ability)) {
      await send(
        reply,
        page(t, locale, t('errors.forbidden'), account, notice(t('errors.forbidden'), true)),
        403,
      );
      return null;
    }
    return { account, t, locale };
  };
}
