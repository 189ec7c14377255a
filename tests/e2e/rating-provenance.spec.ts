/**
 * Issue 21, attack 5: a rating from the clerk's own browser. The clerk opens `?display=1` in their
 * own browser (a display nobody paired) and taps 满意: the rating is recorded as the counter
 * screen's (`source: counter-screen`), and the Review shows it as such, apart from ratings of a
 * paired display. A rating written into IndexedDB as a display's, with no proof or a wrong one (as
 * DevTools would), is named by Verify.
 */
import { expect, test, type Page } from '@playwright/test';
import { sealRecord } from '../../core/domain/log/records';
import { verifyRows } from '../../core/domain/log/verify';
import { openScreen, readLog, setUpCounter, shortService } from './fixtures';

type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  serviceId: string | null;
  event: { type: string } & Record<string, unknown>;
};

/** Puts rows into the page's log the way DevTools would (IndexedDB, no app code). */
async function putRows(page: Page, rows: unknown[]) {
  await page.evaluate(
    (added) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('counter-steps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('events', 'readwrite');
          for (const row of added) tx.objectStore('events').put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

test('attack 5: the clerk’s own ?display=1, never paired, rates as the counter screen; Review shows it apart', async ({
  page: counter,
  context,
}) => {
  await setUpCounter(counter, 'zh-CN');
  const display = await context.newPage();
  await display.goto('./?display=1&lang=zh-CN');
  await expect(display.getByRole('heading', { name: '3 号窗口' })).toBeVisible();

  await shortService(counter, 'zh-CN', 'A025', 'A026');
  await display.getByRole('button', { name: '满意', exact: true }).click();
  await expect(display.getByText('感谢您的评价！')).toBeVisible();

  await expect
    .poll(async () =>
      ((await readLog(counter)) as Row[]).filter((row) => row.event.type === 'service-rated'),
    )
    .toHaveLength(1);
  const rows = (await readLog(counter)) as Row[];
  const rated = rows.find((row) => row.event.type === 'service-rated');
  // Recorded as what it is: given on a screen nobody paired, with no display's proof.
  expect(rated?.event).toMatchObject({ rating: 'satisfied', source: 'counter-screen' });
  expect(rated?.event).not.toHaveProperty('proof');
  expect(await verifyRows(rows)).toMatchObject({ intact: true });

  // The Review counts it as the counter screen's, and lists it so, never as a display's.
  await openScreen(counter, '服务评比');
  await expect(counter.getByTestId('ratings-source')).toContainText('柜台自己的屏幕');
  await expect(counter.getByRole('heading', { name: '来自已配对客户显示屏的评价' })).toHaveCount(0);
});

test('attack 5: a rating appended from DevTools as a display’s, with no proof or a forged one, is named by Verify', async ({
  page: counter,
}) => {
  await setUpCounter(counter, 'zh-CN');
  await shortService(counter, 'zh-CN', 'A025', 'A026');
  const rows = (await readLog(counter)) as Row[];
  const last = rows.at(-1)!;
  const finished = rows.filter((row) => row.event.type === 'service-finished').at(-1)!;

  const forge = async (event: Record<string, unknown>) => {
    const { hash: _hash, ...template } = last as Record<string, unknown>;
    return sealRecord({
      ...template,
      seq: last.seq + 1,
      id: crypto.randomUUID(),
      staffNo: null,
      serviceId: finished.serviceId,
      prevHash: last.hash,
      event: { type: 'service-rated', rating: 'satisfied', reasons: [], ...event },
    } as unknown as Parameters<typeof sealRecord>[0]);
  };

  // Claimed as a display's without a proof.
  const bare = await forge({ source: 'display' });
  expect(await verifyRows([...rows, bare])).toMatchObject({
    intact: false,
    problem: { kind: 'rule', rule: 'rating-proof', seq: last.seq + 1 },
  });

  // With a made-up display key and signatures: the device's key never vouched for it.
  const { generateSigningKey, sign } = await import('../../core/domain/log/signing');
  const display = await generateSigningKey();
  const forged = await forge({
    source: 'display',
    proof: {
      key: display.publicKey,
      keyIndex: 0,
      attestation: await sign(display, { purpose: 'counter-steps/display-key' }),
      signature: await sign(display, { purpose: 'counter-steps/rating' }),
    },
  });
  await putRows(counter, [forged]);
  const stored = (await readLog(counter)) as Row[];
  expect(await verifyRows(stored)).toMatchObject({
    intact: false,
    problem: { kind: 'rule', rule: 'rating-proof', seq: last.seq + 1 },
  });
});
