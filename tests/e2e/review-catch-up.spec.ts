/**
 * An update that changes the review's version, in real Chromium: services recorded, then the
 * review left as older code wrote it (its version marker in IndexedDB set back — what a device
 * finds when it starts a build with a newer REVIEW_VERSION) and the page loaded again. The clerk's
 * screen shows at once and a whole service is tapped through while the review is still catching
 * up (slowed down by the test's pace setting); the manager's Review says how far it has come; the
 * page is killed half-way and reloaded: the catch-up resumes where it stopped and ends with the
 * same rows and rollups as a rebuild from scratch.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectChainIntact, openScreen, setUpCounter, shortService } from './fixtures';
import { text } from './screens';

const t = (key: string) => text('en', key);

interface ReviewTables {
  state: { appliedSeq: number; version: number } | undefined;
  head: number;
  services: unknown[];
  rollups: unknown[];
}

/** The review's tables and the log's head, straight from IndexedDB. */
function readReview(page: Page): Promise<ReviewTables> {
  return page.evaluate(
    () =>
      new Promise<ReviewTables>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['reviewState', 'services', 'rollups', 'events'], 'readonly');
          const all = (store: string) =>
            new Promise<unknown[]>((done) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => done(request.result as unknown[]);
            });
          const state = tx.objectStore('reviewState').get('own');
          const head = tx.objectStore('events').openCursor(null, 'prev');
          void Promise.all([all('services'), all('rollups')]).then(([services, rollups]) => {
            tx.oncomplete = () => {
              db.close();
              resolve({
                state: state.result as ReviewTables['state'],
                head: (head.result?.key as number | undefined) ?? 0,
                services,
                rollups,
              });
            };
          });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** What a build with a newer review version finds: the review written by older code. */
function markReviewOlder(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reviewState', 'readwrite');
          const store = tx.objectStore('reviewState');
          const got = store.get('own');
          got.onsuccess = () => {
            const row = got.result as { appliedSeq: number };
            store.put({ device: 'own', appliedSeq: row.appliedSeq, version: 1 });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

const PACE = 'counter-steps:review-pace';

test('the clerk works while the review catches up; a reload resumes it; it ends as a rebuild', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setUpCounter(page, 'en');
  for (let index = 1; index <= 4; index += 1) {
    await shortService(page, 'en', `A00${index}`, `A00${index + 1}`);
  }
  const before = await readReview(page);
  expect(before.state?.appliedSeq).toBe(before.head);

  // The update: the review is of older code; the catch-up is slowed so the test can tap meanwhile.
  await markReviewOlder(page);
  await page.evaluate(
    (key) => localStorage.setItem(key, JSON.stringify({ paceMs: 700, sliceRecords: 3 })),
    PACE,
  );
  await page.reload();
  // The clerk's screen shows at once and takes a whole service while the review catches up.
  await shortService(page, 'en', 'A005', 'A006');
  const during = await readReview(page);
  expect(during.state?.version).toBeGreaterThan(1);
  expect(during.state!.appliedSeq).toBeLessThan(during.head);

  // The manager's Review says it is being brought up to date.
  await openScreen(page, t('nav.review'));
  const status = page.locator('.review-catching-up');
  await expect(status).toContainText('being brought up to date');
  await expect(status).toContainText(/\d+ %/);

  // Killed half-way: where it stood is kept, and the next load takes it up from there.
  const halfway = (await readReview(page)).state!.appliedSeq;
  expect(halfway).toBeGreaterThan(0);
  await page.goto('about:blank');
  await page.goto('./?lang=en');
  const resumed = (await readReview(page)).state!.appliedSeq;
  expect(resumed).toBeGreaterThanOrEqual(halfway);
  await expect
    .poll(
      async () => {
        const now = await readReview(page);
        expect(now.state!.appliedSeq).toBeGreaterThanOrEqual(resumed);
        return now.state!.appliedSeq === now.head;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  await openScreen(page, t('nav.review'));
  await expect(page.locator('[data-figure="services"]')).toBeVisible();
  await expect(status).toHaveCount(0);
  const caughtUp = await readReview(page);

  // A rebuild from scratch, unhurried: the same rows and rollups.
  await markReviewOlder(page);
  await page.evaluate((key) => localStorage.removeItem(key), PACE);
  await page.reload();
  await expect
    .poll(async () => {
      const now = await readReview(page);
      return now.state!.version > 1 && now.state!.appliedSeq === now.head;
    })
    .toBe(true);
  const scratch = await readReview(page);
  expect(scratch.services).toHaveLength(5);
  expect(caughtUp.services).toEqual(scratch.services);
  expect(caughtUp.rollups).toEqual(scratch.rollups);
  await expectChainIntact(page);
});
