import { afterEach, describe, expect, it } from 'vitest';
import { buildHub, type Hub } from '../../hub/app';
import { openPglite, type Db } from '../../hub/db';
import { migrate } from '../../hub/migrate';
import { localeFromAcceptLanguage } from '../../hub/web/page';
import { form } from './helpers';

/** A hub as it is on its first start: no account yet, a setup code waiting. */
async function newHub(): Promise<{ hub: Hub; db: Db; code: string }> {
  const db = await openPglite(null);
  await migrate(db);
  const hub = await buildHub({ db, pinIterations: 1_000 });
  return { hub, db, code: (await hub.service.setupCode()) ?? '' };
}

describe('the hub’s first manager and its language', { timeout: 60_000 }, () => {
  let opened: { hub: Hub; db: Db } | null = null;
  afterEach(async () => {
    await opened?.hub.app.close();
    await opened?.db.close();
    opened = null;
  });

  it('signs the first manager in right after setup and opens the hub', async () => {
    const { hub, db, code } = await newHub();
    opened = { hub, db };
    const setUp = await form(hub.app, {
      url: '/setup?lang=en',
      from: '/setup?lang=en',
      payload: { code, staffNo: '8001', pin: '246813', confirmation: '246813' },
    });
    expect(setUp.statusCode).toBe(302);
    expect(setUp.headers.location).toBe('/');
    const session = setUp.cookies.find((entry) => entry.name === 'hub_session');
    expect(session?.value).toBeTruthy();
    const home = await hub.app.inject({
      method: 'GET',
      url: '/?lang=en',
      headers: { cookie: `hub_session=${session?.value}` },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('8001');
  });

  it('speaks the browser’s language when none was chosen, and keeps a choice once made', async () => {
    const { hub, db } = await newHub();
    opened = { hub, db };
    const english = await hub.app.inject({
      method: 'GET',
      url: '/setup',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(english.body).toContain('<html lang="en">');
    const traditional = await hub.app.inject({
      method: 'GET',
      url: '/setup',
      headers: { 'accept-language': 'zh-Hant-TW,zh;q=0.8,en;q=0.5' },
    });
    expect(traditional.body).toContain('<html lang="zh-TW">');
    const chosen = await hub.app.inject({
      method: 'GET',
      url: '/setup?lang=zh-CN',
      headers: { 'accept-language': 'en-US' },
    });
    const remembered = chosen.cookies.find((entry) => entry.name === 'hub_lang');
    expect(remembered?.value).toBe('zh-CN');
    expect(remembered?.maxAge).toBeGreaterThan(30 * 24 * 60 * 60);
    const later = await hub.app.inject({
      method: 'GET',
      url: '/setup',
      headers: { 'accept-language': 'en-US', cookie: `hub_lang=${remembered?.value}` },
    });
    expect(later.body).toContain('<html lang="zh-CN">');
  });

  it('reads Accept-Language by its weights, and falls back to none for other languages', () => {
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.3,zh-CN;q=0.7')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-HK')).toBe('zh-TW');
    expect(localeFromAcceptLanguage('en;q=0, zh-TW;q=0.1')).toBe('zh-TW');
    expect(localeFromAcceptLanguage('fr-FR, de')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
