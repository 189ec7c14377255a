/**
 * The customer display (`?display=1`) beside the counter in the same browser: it shows the ticket
 * called, the counter and the clerk's staff number; when a service ends it asks the customer, and
 * the answer is a `service-rated` record by the device (no staff number), once per service. The
 * counter's own page has no way to rate; its "turn to the customer" opens the display, which
 * records the answer and closes itself. A question left alone is recorded as `unanswered`.
 */
import { expect, test, type Page } from '@playwright/test';
import { MANAGER, expectChainIntact, readLog, setUpCounter, shortService } from './fixtures';

const QUESTION = '您对本次服务满意吗？';
const ANSWERS = ['满意', '一般', '不满意'];

type Row = Record<string, unknown> & { event: { type: string } };

const ratings = async (page: Page) =>
  ((await readLog(page)) as Row[]).filter((row) => row.event.type === 'service-rated');

async function lastServiceId(page: Page): Promise<string> {
  const rows = (await readLog(page)) as Row[];
  const finished = rows.filter((row) => row.event.type === 'service-finished').at(-1);
  expect(finished).toBeDefined();
  return finished!.serviceId as string;
}

async function expectNoRatingControl(page: Page) {
  for (const answer of ANSWERS) {
    await expect(page.getByRole('button', { name: answer, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { name: QUESTION })).toHaveCount(0);
}

test('the display asks when a service ends; 不满意 with a reason is recorded by the device, once', async ({
  page: counter,
  context,
}) => {
  await setUpCounter(counter, 'zh-CN');
  const display = await context.newPage();
  await display.goto('./?display=1&lang=zh-CN');
  await expect(display.getByRole('heading', { name: '3 号窗口' })).toBeVisible();
  await expect(display.getByTestId('display-staff')).toHaveText(`工号 ${MANAGER.staffNo}`);
  await expect(display.getByText('欢迎光临')).toBeVisible();

  await shortService(counter, 'zh-CN', 'A025', 'A026');
  const serviceId = await lastServiceId(counter);

  await expect(display.getByRole('heading', { name: QUESTION })).toBeVisible();
  // The clerk's page never offers the rating, before or after the display asks.
  await expectNoRatingControl(counter);

  await display.getByRole('button', { name: '不满意', exact: true }).click();
  await display.getByRole('button', { name: '等候时间太长' }).click();
  await display.getByRole('button', { name: '提交' }).click();
  await expect(display.getByText('感谢您的评价！')).toBeVisible();

  await expect.poll(async () => (await ratings(counter)).length).toBe(1);
  const [rated] = await ratings(counter);
  expect(rated).toMatchObject({
    staffNo: null,
    serviceId,
    event: { type: 'service-rated', rating: 'dissatisfied', reasons: ['waited-too-long'] },
  });
  await expectChainIntact(counter);

  // Answered: the display goes back to the ticket called and never asks about it again, not even
  // a display opened afterwards.
  await expect(display.getByTestId('display-calling')).toContainText('A026');
  await expect(display.getByTestId('display-calling')).toContainText('请到 3 号窗口办理');
  const later = await context.newPage();
  await later.goto('./?display=1&lang=zh-CN');
  await expect(later.getByTestId('display-calling')).toContainText('A026');
  await expectNoRatingControl(later);
  expect(await ratings(counter)).toHaveLength(1);
});

test('two displays answered at the same moment store one rating between them', async ({
  page: counter,
  context,
}) => {
  await setUpCounter(counter, 'zh-CN');
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const display of [first, second]) await display.goto('./?display=1&lang=zh-CN');
  await shortService(counter, 'zh-CN', 'A025', 'A026');
  for (const display of [first, second]) {
    await expect(display.getByRole('heading', { name: QUESTION })).toBeVisible();
  }
  // Both taps land at the same moment, before either display has heard of the other's record:
  // each page presses its button at one agreed time on the shared clock.
  const [satisfied, neutral] = await Promise.all([
    first.getByRole('button', { name: '满意', exact: true }).elementHandle(),
    second.getByRole('button', { name: '一般', exact: true }).elementHandle(),
  ]);
  const at = Date.now() + 500;
  await Promise.all(
    [satisfied!, neutral!].map((button) =>
      button.evaluate((element, when) => {
        setTimeout(() => (element as HTMLElement).click(), when - Date.now());
      }, at),
    ),
  );
  for (const display of [first, second]) {
    await expect(display.getByRole('heading', { name: QUESTION })).toHaveCount(0);
  }
  await counter.waitForTimeout(500);
  const stored = await ratings(counter);
  expect(stored).toHaveLength(1);
  expect(['satisfied', 'neutral']).toContain(
    (stored[0]!.event as unknown as { rating: string }).rating,
  );
  await expectChainIntact(counter);
});

test('at a one-screen counter, "turn to the customer" opens the display, which records the answer and closes', async ({
  page: counter,
  context,
}) => {
  await setUpCounter(counter, 'en');
  await shortService(counter, 'en', 'A025', 'A026');
  await expectNoRatingControl(counter);
  const [display] = await Promise.all([
    context.waitForEvent('page'),
    counter.getByRole('button', { name: 'Turn to the customer' }).click(),
  ]);
  expect(new URL(display.url()).searchParams.get('display')).toBe('1');
  await expect(display.getByRole('heading', { name: 'How was our service today?' })).toBeVisible();
  await expectNoRatingControl(counter);
  const closed = display.waitForEvent('close', { timeout: 15_000 });
  await display.getByRole('button', { name: 'Satisfied', exact: true }).click();
  await closed;
  const [rated] = await ratings(counter);
  expect(rated).toMatchObject({ staffNo: null, event: { rating: 'satisfied', reasons: [] } });
  // The service is rated: the button is gone.
  await expect(counter.getByRole('button', { name: 'Turn to the customer' })).toHaveCount(0);
});

test('a question nobody answers is recorded as unanswered after 60 seconds', async ({
  page: counter,
  context,
}) => {
  await setUpCounter(counter, 'en');
  const display = await context.newPage();
  await display.clock.install();
  await display.goto('./?display=1&lang=en');
  await shortService(counter, 'en', 'A025', 'A026');
  const serviceId = await lastServiceId(counter);
  await expect(display.getByRole('heading', { name: 'How was our service today?' })).toBeVisible();
  await display.clock.runFor(30_000);
  await expect(display.getByText('This question closes in 30 seconds.')).toBeVisible();
  expect(await ratings(counter)).toHaveLength(0);
  await display.clock.runFor(31_000);
  await expect(display.getByRole('heading', { name: 'How was our service today?' })).toHaveCount(0);
  await expect.poll(async () => (await ratings(counter)).length).toBe(1);
  const [rated] = await ratings(counter);
  expect(rated).toMatchObject({
    staffNo: null,
    serviceId,
    event: { rating: 'unanswered', reasons: [] },
  });
  await expectChainIntact(counter);
});
