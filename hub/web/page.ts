/**
 * The frame and the small pieces every hub page is made of: the language (asked in the query,
 * then remembered in a cookie; else the browser's Accept-Language), number, duration and time
 * formats, the page with its header and navigation, a notice, and sending a page as HTML.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDuration } from '../../core/domain/duration';
import { hubCan } from '../../core/domain/hub/roles';
import { LocaleSchema, type Locale } from '../../core/domain/locale';
import type { Account } from '../accounts';
import type { Translate } from '../i18n';
import { withCsrfTokens } from './csrf';
import { html, type Html } from './html';

const LANG_COOKIE = 'hub_lang';

export function localeOf(request: FastifyRequest, reply: FastifyReply): Locale {
  const asked = LocaleSchema.safeParse((request.query as { lang?: unknown } | undefined)?.lang);
  if (asked.success) {
    // Remembered for a year: a choice made once should not be undone by closing the browser.
    void reply.setCookie(LANG_COOKIE, asked.data, {
      path: '/',
      sameSite: 'strict',
      maxAge: 365 * 24 * 60 * 60,
    });
    return asked.data;
  }
  const saved = LocaleSchema.safeParse(request.cookies[LANG_COOKIE]);
  if (saved.success) return saved.data;
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? 'zh-CN';
}

/**
 * The browser's preferred language among the hub's three, by the Accept-Language header's order
 * and weights: traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant) to zh-TW, any other Chinese to
 * zh-CN, any English to en; null when none of them is wanted (the hub then speaks zh-CN).
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of wanted) {
    if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return 'zh-TW';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}

export const percent = (value: number | null, locale: Locale) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

/** A duration as the device shows it (formatDuration), or — for none. */
export const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

export const dateTime = (ms: number | null, locale: Locale, never: string) =>
  ms === null
    ? never
    : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);

export function page(
  t: Translate,
  locale: Locale,
  title: string,
  account: Account | null,
  body: Html,
  path = '/',
): Html {
  const nav = account
    ? html`<nav>
          <a href="/">${t('nav.dashboard')}</a>
          <a href="/devices">${t('nav.devices')}</a>
          ${hubCan(account.role, 'administer') ? html`<a href="/admin">${t('nav.admin')}</a>` : ''}
          <a href="/pin">${t('nav.pin')}</a>
        </nav>
        <span class="who"
          >${t('nav.signedInAs', {
            staffNo: account.staffNo,
            role: t(`role.${account.role}`, { ns: 'translation' }),
          })}</span
        >
        <form method="post" action="/logout">
          <button type="submit">${t('nav.signOut')}</button>
        </form>`
    : '';
  const langs = (['zh-CN', 'zh-TW', 'en'] as const).map(
    (code) =>
      html`<a href="${path}${path.includes('?') ? '&' : '?'}lang=${code}" lang="${code}"
        >${t(`languageShort.${code}`, { ns: 'translation', defaultValue: code })}</a
      >`,
  );
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${t('title')}</title>
        <link rel="stylesheet" href="/hub.css" />
      </head>
      <body>
        <header>
          <h1>${t('title')}</h1>
          ${nav}
          <span class="langs">${langs}</span>
        </header>
        <main>${body}</main>
      </body>
    </html>`;
}

export function notice(text: string | null, error = false): Html {
  return text ? html`<p class="notice${error ? ' error' : ''}" role="status">${text}</p>` : html``;
}

/** A page, with this browser's anti-forgery token in each form it posts (csrf.ts). */
export const send = (reply: FastifyReply, body: Html, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(withCsrfTokens(reply, body.value));
