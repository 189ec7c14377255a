/**
 * The crash loop's side of the screen (see crash-loop.spec.ts): a seeded PRNG for its choices,
 * what the clerk's screen shows (observed in the page as it changes, and everything it has shown
 * as saved), and driving it — waiting for a screen the loop knows, and the next tap a clerk would
 * make, chosen by the PRNG.
 */
import { expect, type Page } from '@playwright/test';
import { MANAGER, WORDS } from './fixtures';

const w = WORDS.en;

/** mulberry32: a small seeded PRNG, the same sequence for the same seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// What the screen shows

type Screen = 'service' | 'start' | 'lock' | 'other';
export interface Shown {
  serviceId: string | null;
  steps: Record<string, string>;
  card: string | null;
  screen: Screen;
}

/** Installed in every page before the app: reports each change of what the DOM shows. */
export function observeScreen() {
  const snapshot = () => {
    const main = document.querySelector('main.service');
    return {
      serviceId: main?.getAttribute('data-service-id') ?? null,
      steps: Object.fromEntries(
        [...document.querySelectorAll('[data-step-id]')].map((chip) => [
          chip.getAttribute('data-step-id'),
          chip.getAttribute('data-step-status'),
        ]),
      ),
      card:
        document.querySelector('[data-card-step-id]')?.getAttribute('data-card-step-id') ?? null,
      screen: main
        ? 'service'
        : document.querySelector('form.start-form')
          ? 'start'
          : document.querySelector('main.lock')
            ? 'lock'
            : 'other',
    };
  };
  const scope = window as unknown as {
    shownNow: typeof snapshot;
    reportShown?: (json: string) => Promise<void>;
    armKill?: boolean;
    writeStarted?: () => Promise<void>;
  };
  scope.shownNow = snapshot;
  // Armed by the test: the next write to the log tells it the moment its transaction opens.
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<typeof transaction>
  ) {
    const opened = transaction.apply(this, args);
    const [stores, mode] = args;
    if (scope.armKill && mode === 'readwrite' && [stores].flat().includes('events')) {
      scope.armKill = false;
      void scope.writeStarted?.();
    }
    return opened;
  } as typeof transaction;
  let last = '';
  const report = () => {
    const now = JSON.stringify(snapshot());
    if (now === last) return;
    last = now;
    void scope.reportShown?.(now);
  };
  new MutationObserver(report).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-step-status', 'data-card-step-id', 'data-service-id', 'class'],
  });
}

/** Everything the screen has shown as saved, over every run. */
export class Witnessed {
  /** `service|step|status` for every step shown with an outcome. */
  readonly steps = new Set<string>();
  /** Services shown open, then gone from the screen for the start panel: ended. */
  readonly ended = new Set<string>();
  private onScreen: string | null = null;

  newPage(): void {
    this.onScreen = null;
  }

  take(shown: Shown): void {
    if (shown.screen === 'service' && shown.serviceId) {
      for (const [step, status] of Object.entries(shown.steps)) {
        if (status !== 'pending') this.steps.add(`${shown.serviceId}|${step}|${status}`);
      }
      this.onScreen = shown.serviceId;
    } else if (shown.screen === 'start') {
      if (this.onScreen) this.ended.add(this.onScreen);
      this.onScreen = null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Driving the clerk's screen

const shownNow = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNow: () => Shown }).shownNow());

/** Messages the app showed (a refusal or a storage failure): none are expected in the loop. */
export const notices: string[] = [];

/** Waits until the app shows one of the screens the loop drives (a message noted and dismissed). */
export async function settled(page: Page): Promise<Shown> {
  await expect
    .poll(async () => (await shownNow(page)).screen, { timeout: 20_000 })
    .not.toBe('other');
  const notice = page.locator('.notice-layer [role="alert"]');
  if ((await notice.count()) > 0) {
    notices.push((await notice.first().textContent()) ?? '');
    await notice.getByRole('button').first().click();
  }
  // The first render comes with the whole state; give React one more frame to finish it.
  await page.waitForTimeout(50);
  return shownNow(page);
}

/** The centre of an element: a tap there is dispatched at once, without waiting for anything. */
async function spot(page: Page, selector: string, name?: string | RegExp) {
  const locator = name
    ? page.locator(selector).getByRole('button', { name, exact: typeof name === 'string' })
    : page.locator(selector);
  await expect(locator.first()).toBeVisible();
  const box = await locator.first().boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

interface Tap {
  /** What the tap asks for (for the report). */
  label: string;
  /** Everything before the final tap (opening a dialog, filling a field). */
  prepare(): Promise<{ x: number; y: number }>;
  /** Waits until the screen shows the tap's effect. */
  settle(): Promise<void>;
}

const PLAIN_DONE = new Set([
  'stand-to-greet',
  'eye-contact-smile',
  'greet-aloud',
  'check-ticket',
  'invite-to-sit',
  'ask-needs',
  'address-by-surname',
  'confirm-anything-else',
  'stand-to-see-off',
]);

async function armedCard(page: Page, stepId: string) {
  await expect(page.locator('article.step-card')).toHaveAttribute('data-card-step-id', stepId);
  await expect(page.locator('article.step-card')).toHaveAttribute('data-armed', 'true');
}

const stripStatus = (page: Page, stepId: string) =>
  page.locator(`[data-step-id="${stepId}"]`).getAttribute('data-step-status');

/** The next tap a clerk would make on this screen, chosen by the PRNG. */
export function nextTap(page: Page, shown: Shown, rng: Rng, tickets: { next: () => string }): Tap {
  if (shown.screen === 'lock') {
    return {
      label: 'back at the counter',
      async prepare() {
        await page.getByLabel(w.pin, { exact: true }).fill(MANAGER.pin);
        return spot(page, 'main.lock form.setup-form button[type="submit"]');
      },
      settle: () => expect(page.locator('main.lock')).toHaveCount(0),
    };
  }
  if (shown.screen === 'start') {
    const ticket = tickets.next();
    return {
      label: `start ${ticket}`,
      async prepare() {
        await page.getByLabel(w.ticket, { exact: true }).fill(ticket);
        await page.getByRole('button', { name: rng.pick(['Mr', 'Ms']), exact: true }).click();
        const business = rng.pick(['bill-payment', 'new-subscription'] as const);
        await page.getByRole('button', { name: w.business[business], exact: true }).click();
        return spot(page, 'form.start-form', w.startService);
      },
      settle: () => expect(page.locator('main.service')).toHaveCount(1),
    };
  }
  const card = shown.card ?? '';
  const roll = rng.next();
  if (roll < 0.12) {
    return {
      label: 'hand over',
      prepare: () => spot(page, '.quick', 'Hand over'),
      settle: () => expect.poll(() => stripStatus(page, 'both-hands')).toBe('done'),
    };
  }
  if (roll < 0.18 && shown.steps['hand-leaflet'] === 'pending') {
    return {
      label: 'leaflet not applicable',
      async prepare() {
        await page.locator('[data-step-id="hand-leaflet"]').click();
        await expect(page.locator('article.step-card')).toHaveAttribute(
          'data-card-step-id',
          'hand-leaflet',
        );
        return spot(page, 'article.step-card', w.na);
      },
      settle: () => expect.poll(() => stripStatus(page, 'hand-leaflet')).toBe('na'),
    };
  }
  if (roll < 0.25 && shown.steps['apologise-leaving'] === 'pending') {
    return {
      label: 'leave the seat',
      prepare: () => spot(page, '.quick', w.leaveSeat),
      settle: () => expect(page.locator('main.lock')).toHaveCount(1),
    };
  }
  if (PLAIN_DONE.has(card)) {
    return {
      label: `done ${card}`,
      async prepare() {
        await armedCard(page, card);
        return spot(page, 'article.step-card', w.done);
      },
      settle: () => expect.poll(() => stripStatus(page, card)).toBe('done'),
    };
  }
  if (card === 'recommend') {
    return {
      label: 'recommend',
      async prepare() {
        await armedCard(page, card);
        await page
          .locator('article.step-card')
          .getByRole('button', { name: w.recordRecommendation })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: w.offer }).click();
        await dialog.getByRole('button', { name: w.response }).click();
        return spot(page, '[role="dialog"]', w.record);
      },
      settle: () => expect.poll(() => stripStatus(page, 'recommend')).toBe('done'),
    };
  }
  // The last step: calling the next ticket finishes the service.
  return {
    label: 'call next',
    async prepare() {
      await armedCard(page, 'call-next');
      await page.locator('article.step-card').getByRole('button', { name: w.callNext }).click();
      return spot(page, '[role="dialog"]', /^Call [A-Z]*\d+$/);
    },
    settle: () => expect(page.locator('form.start-form')).toHaveCount(1),
  };
}
