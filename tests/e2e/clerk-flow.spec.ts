import { expect, test, type Page } from '@playwright/test';
import {
  OPENING_STEPS,
  WORDS,
  card,
  comeBack,
  expectOnTop,
  tapOnCard,
  eventTypes,
  expectChainIntact,
  expectStatus,
  readLog,
  setUpCounter,
  startService,
  step,
  type Lang,
} from './fixtures';

/** Walks all seventeen steps, doing every one of them (none skipped, none not applicable). */
async function fullService(page: Page, lang: Lang) {
  const w = WORDS[lang];
  for (const id of OPENING_STEPS) {
    await tapOnCard(page, id, w.done);
    await expectStatus(page, id, 'done');
  }

  // 8: money changes hands, through the money helper opened from the strip.
  await step(page, 'announce-money').click();
  await tapOnCard(page, 'announce-money', w.moneyHelper);
  await page.getByLabel(w.due).fill('80');
  await page.getByLabel(w.received).fill('100');
  await page.getByRole('button', { name: w.recordMoney }).click();
  await expectStatus(page, 'announce-money', 'done');

  // 9–11: items and a leaflet, chosen from the strip.
  for (const id of ['both-hands', 'thank-on-receipt', 'hand-leaflet'] as const) {
    await step(page, id).click();
    await tapOnCard(page, id, w.done);
    await expectStatus(page, id, 'done');
  }

  // 12: the recommendation is the current step now.
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: w.offer }).click();
  await page.getByRole('button', { name: w.response }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await expectStatus(page, 'recommend', 'done');

  // 13/14: leave the seat and come back.
  await step(page, 'apologise-leaving').click();
  await tapOnCard(page, 'apologise-leaving', w.leaveSeat);
  await comeBack(page, lang);
  await expectStatus(page, 'apologise-leaving', 'done');
  await expectStatus(page, 'thank-returning', 'done');

  for (const id of ['confirm-anything-else', 'stand-to-see-off'] as const) {
    await tapOnCard(page, id, w.done);
  }
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('A026') }).click();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a clerk completes all seventeen steps of one service (${lang})`, async ({ page }) => {
    await setUpCounter(page, lang);
    await startService(page, lang, {
      ticket: 'A025',
      title: 'mr',
      surname: lang === 'en' ? 'Zhang' : '张',
      business: 'new-subscription',
    });
    await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(
      lang === 'en' ? 'Stand to greet' : '起身迎候',
    );

    await fullService(page, lang);

    // The next ticket is called, large, and prefilled for the next service.
    await expect(page.getByTestId('calling-ticket')).toHaveText('A026');
    await expect(page.getByLabel(WORDS[lang].ticket, { exact: true })).toHaveValue('A026');

    const rows = await expectChainIntact(page);
    const types = eventTypes(rows);
    expect(types.slice(0, 6)).toEqual([
      'device-identity',
      'device-set-up',
      'account-created',
      'pin-set',
      'signed-in',
      'service-started',
    ]);
    // Leaving the seat locked the screen; coming back took the PIN.
    expect(types).toEqual(
      expect.arrayContaining(['seat-left', 'screen-locked', 'screen-unlocked', 'seat-returned']),
    );
    expect(types.at(-1)).toBe('service-finished');
    expect(types).toContain('money-announced');
    expect(types).toContain('seat-returned');
    // Every step was done: nothing was closed as not applicable.
    expect(types).not.toContain('step-not-applicable');
  });
}

test('the words to say carry the customer’s surname and title (en and zh-CN)', async ({ page }) => {
  await setUpCounter(page, 'en');
  await startService(page, 'en', {
    ticket: 'A025',
    title: 'mr',
    surname: 'Zhang',
    business: 'bill-payment',
  });
  await step(page, 'both-hands').click();
  await expect(card(page).locator('blockquote')).toHaveText(
    'Mr Zhang, here is your ID, please keep it.',
  );
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(card(page).locator('blockquote')).toHaveText('Zhang先生，这是您的证件，请收好。');
});

test('a cash service: the money helper computes the change and the sentence, and refuses bad amounts', async ({
  page,
}) => {
  const w = WORDS.en;
  await setUpCounter(page, 'en');
  await startService(page, 'en', {
    ticket: 'B003',
    title: 'ms',
    surname: 'Li',
    business: 'bill-payment',
  });
  await page.getByRole('button', { name: 'Money', exact: true }).click();
  const dialog = page.getByRole('dialog');

  // Each bad input gets its own sentence, and nothing is recorded.
  await dialog.getByRole('button', { name: w.recordMoney }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter the amount due.');
  for (const [typed, message] of [
    ['abc', 'Enter the amount due in yuan, for example 100 or 99.50.'],
    ['99.999', 'The amount due has at most two decimals (fen).'],
    ['-5', 'The amount due cannot be negative.'],
    ['10,50', 'Use a decimal point in the amount due, for example 10.50 — not a comma.'],
    ['1,050', 'Use a decimal point in the amount due, for example 10.50 — not a comma.'],
    // A space inside the amount is a slip, not 100: refused, never read silently.
    ['1 00', 'Type the amount due without spaces, for example 100 ("1 00" is not read as 100).'],
    ['2000000', 'The amount due is out of range (1,000,000 yuan at most).'],
  ] as const) {
    await dialog.getByLabel(w.due).fill(typed);
    await expect(dialog.getByRole('alert')).toHaveText(message);
  }
  await dialog.getByLabel(w.due).fill('85.50');
  await dialog.getByRole('button', { name: w.recordMoney }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter the amount received.');
  await dialog.getByLabel(w.received).fill('50');
  await expect(dialog.getByRole('alert')).toHaveText(
    'The amount received is less than the amount due.',
  );
  await dialog.getByRole('button', { name: w.recordMoney }).click();
  await expectStatus(page, 'announce-money', 'pending');

  await dialog.getByRole('button', { name: '100 yuan' }).click();
  await expect(dialog.getByLabel('Change')).toContainText('14.50 yuan');
  await expect(dialog.locator('blockquote')).toHaveText(
    'Ms Li, that will be 85.50 yuan, please. I have received 100 yuan; here is your change, 14.50 yuan.',
  );
  await dialog.getByRole('button', { name: w.recordMoney }).click();
  await expectStatus(page, 'announce-money', 'done');

  const rows = await expectChainIntact(page);
  const money = rows
    .map((row) => row.event as Record<string, unknown>)
    .find((event) => event.type === 'money-announced');
  expect(money).toEqual({
    type: 'money-announced',
    dueFen: 8550,
    receivedFen: 10000,
    changeFen: 1450,
  });
});

test('a service where the clerk never leaves the seat and no money changes hands (13, 14 and 8 not applicable)', async ({
  page,
}) => {
  const w = WORDS.en;
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'A030', title: 'ms', business: 'new-subscription' });

  await step(page, 'apologise-leaving').click();
  await tapOnCard(page, 'apologise-leaving', w.na);
  await expectStatus(page, 'apologise-leaving', 'na');
  await expectStatus(page, 'thank-returning', 'na');
  await step(page, 'announce-money').click();
  await tapOnCard(page, 'announce-money', w.na);
  await expectStatus(page, 'announce-money', 'na');

  // An always-step offers no "not applicable".
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'stand-to-greet');
  await expect(card(page).getByRole('button', { name: w.na })).toHaveCount(0);

  for (const id of OPENING_STEPS) await tapOnCard(page, id, w.done);
  await tapOnCard(page, 'recommend', w.recordRecommendation);
  await page.getByRole('button', { name: 'Data pack' }).click();
  await page.getByRole('button', { name: 'Declined' }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.record, exact: true }).click();
  await tapOnCard(page, 'confirm-anything-else', w.done);
  await tapOnCard(page, 'stand-to-see-off', w.done);
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('A031') }).click();
  await expect(page.getByTestId('calling-ticket')).toHaveText('A031');

  const rows = await expectChainIntact(page);
  const na = rows
    .map((row) => row.event as { type: string; stepId?: string; auto?: boolean })
    .filter((event) => event.type === 'step-not-applicable');
  expect(na.filter((event) => !event.auto).map((event) => event.stepId)).toEqual([
    'apologise-leaving',
    'thank-returning',
    'announce-money',
  ]);
  // The untouched conditional steps were closed as not applicable by finishing, marked auto.
  expect(na.filter((event) => event.auto).map((event) => event.stepId)).toEqual([
    'both-hands',
    'thank-on-receipt',
    'hand-leaflet',
  ]);
});

test('skipping a step needs a reason; finishing names the steps still pending', async ({
  page,
}) => {
  const w = WORDS.en;
  await setUpCounter(page, 'en');
  await startService(page, 'en', { ticket: 'C101', title: 'mr', business: 'bill-payment' });
  await tapOnCard(page, 'stand-to-greet', w.done);

  await tapOnCard(page, 'eye-contact-smile', w.skip);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Skip “Eye contact and smile”');
  await dialog.getByRole('button', { name: 'Skip this step' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Choose why this step is skipped\./);
  // The refusal is shown above the open dialog, not under its backdrop.
  await expectOnTop(page, page.getByRole('alert'));
  await expectStatus(page, 'eye-contact-smile', 'pending');

  await dialog.getByRole('button', { name: 'Other' }).click();
  await dialog.getByRole('button', { name: 'Skip this step' }).click();
  await expect(page.getByRole('alert').first()).toContainText('write a short note');
  await dialog.getByLabel('Note (needed for “Other”)').fill('customer wore sunglasses');
  await dialog.getByRole('button', { name: 'Skip this step' }).click();
  await expectStatus(page, 'eye-contact-smile', 'skipped');
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'greet-aloud');

  // Calling next too early is refused, naming what is missing.
  await step(page, 'call-next').click();
  await tapOnCard(page, 'call-next', w.callNext);
  await page.getByRole('button', { name: w.call('C102') }).click();
  await expect(page.getByRole('alert')).toContainText('These steps still need an outcome');
  await expect(page.getByRole('alert')).toContainText('Greet aloud');
  await expectOnTop(page, page.getByRole('alert'));
  await expect(page.getByRole('alert')).toHaveAttribute('aria-live', 'assertive');

  const rows = await expectChainIntact(page);
  const skipped = rows
    .map((row) => row.event as Record<string, unknown>)
    .find((event) => event.type === 'step-skipped');
  // The note is kept beside the log; the record holds its salted commitment (decision 0068).
  expect(skipped).toEqual({
    type: 'step-skipped',
    stepId: 'eye-contact-smile',
    reason: 'other',
    note: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/) },
  });
  const commitment = (skipped?.note as { commitment: string }).commitment;
  const kept = await page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('personal').objectStore('personal').get(key);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    commitment,
  );
  expect(kept).toMatchObject({ commitment, value: 'customer wore sunglasses' });
  expect(eventTypes(rows)).not.toContain('service-finished');
});

test('a reload in the middle of a service comes back exactly where it was, away from the seat included', async ({
  page,
}) => {
  const w = WORDS.en;
  await setUpCounter(page, 'en');
  await startService(page, 'en', {
    ticket: 'A040',
    title: 'ms',
    surname: 'Wang',
    business: 'new-subscription',
  });
  for (const id of OPENING_STEPS.slice(0, 4)) await tapOnCard(page, id, w.done);
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expectStatus(page, 'both-hands', 'done');
  await page.getByRole('button', { name: 'Leave seat', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Away from the seat' })).toBeVisible();
  const before = await expectChainIntact(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Away from the seat' })).toBeVisible();
  await comeBack(page, 'en');
  for (const id of [
    ...OPENING_STEPS.slice(0, 4),
    'both-hands',
    'apologise-leaving',
    'thank-returning',
  ] as const) {
    await expectStatus(page, id, 'done');
  }
  await expectStatus(page, 'invite-to-sit', 'pending');
  await expect(card(page)).toHaveAttribute('data-card-step-id', 'invite-to-sit');
  await expect(page.getByText('Ticket A040 · New subscription')).toBeVisible();

  const after = await expectChainIntact(page);
  // Nothing stored before the reload changed; the return was appended after it.
  expect(after.slice(0, before.length)).toEqual(before);
  expect(eventTypes(after).slice(-2)).toEqual(['screen-unlocked', 'seat-returned']);
});

test('first-run setup refuses a bad staff number or a weak PIN with a clear message and stores nothing', async ({
  page,
}) => {
  await page.goto('./?lang=en');
  await page.getByLabel('Counter number').fill('3');
  await page.getByLabel("Manager's staff number").fill('张三');
  await page.getByLabel('New PIN', { exact: true }).fill('246810');
  await page.getByLabel('New PIN again').fill('246810');
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The staff number is 3 to 12 letters or digits, for example 1001.',
  );
  await page.getByLabel("Manager's staff number").fill('9001');
  await page.getByLabel('New PIN', { exact: true }).fill('123456');
  await page.getByLabel('New PIN again').fill('123456');
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('too easy to guess');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Create and sign in' })).toBeVisible();
  expect(await readLog(page)).toEqual([]);
});
