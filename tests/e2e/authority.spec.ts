/**
 * Issue 21, attacks 1 and 2, tried in real Chromium as DevTools would (IndexedDB written
 * directly, every hash recomputed): a hand-written sign-in for the real manager, and a
 * hand-written escalation confirmed "by" the manager. Neither carries the manager's signature,
 * which only their PIN unlocks (decision 0063): no session opens from the first, and Verify names
 * each record and the person. A reload forgets the key; a manager's action then asks for the PIN.
 */
import { expect, test } from '@playwright/test';
import { MANAGER, openScreen, readLog, setUpCounter, startService } from './fixtures';
import {
  CLERK,
  counterWithClerk,
  managerVerifies,
  rehash,
  writeIndexedDb,
  type Row,
} from './forge-helpers';

const UNSIGNED = 'it carries a person’s authority but is not signed by them (no signature).';

/** Appends `events` after the log's last record, each as `staffNo`'s, hashes recomputed. */
async function appendForged(
  rows: Row[],
  forged: { staffNo: string; serviceId: string | null; event: Record<string, unknown> }[],
): Promise<Row[]> {
  const { sig: _sig, ...last } = rows.at(-1)!;
  const added = forged.map(
    (record, offset) =>
      ({
        ...last,
        ...record,
        id: crypto.randomUUID(),
        seq: last.seq + 1 + offset,
      }) as Row,
  );
  return rehash([...rows, ...added], rows.length);
}

test('a hand-written sign-in for the real manager opens no session, and Verify names it', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  const rows = await appendForged((await readLog(page)) as Row[], [
    { staffNo: MANAGER.staffNo, serviceId: null, event: { type: 'signed-in', role: 'manager' } },
  ]);
  const forged = rows.at(-1)!;
  await writeIndexedDb(page, rows);
  await page.reload();
  // The sign-in screen, not the manager's: and everyone at the device is told which record.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.locator('.topbar .screens-menu')).toHaveCount(0);
  await expect(page.locator('.integrity-banner')).toContainText(
    `record ${forged.seq} (signed-in by ${MANAGER.staffNo}) breaks a rule: ${UNSIGNED}`,
  );
  // The real manager signs in with the PIN, and Verify names the forged record and the person.
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${forged.seq} (signed-in by ${MANAGER.staffNo}) breaks a rule: ${UNSIGNED}`,
  );
});

test('a hand-written escalation confirmed “by” the manager is named by Verify, record and person', async ({
  page,
}) => {
  await counterWithClerk(page);
  await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
  const log = (await readLog(page)) as Row[];
  const serviceId = log.findLast((row) => row.event.type === 'service-started')!
    .serviceId as string;
  const rows = await appendForged(log, [
    {
      staffNo: CLERK.staffNo,
      serviceId,
      event: { type: 'complaint-started', trigger: 'during-service' },
    },
    {
      staffNo: CLERK.staffNo,
      serviceId,
      event: {
        type: 'complaint-recorded',
        category: 'billing',
        summary: 'Charged twice',
        outcome: { kind: 'escalated', manager: MANAGER.staffNo },
      },
    },
    { staffNo: MANAGER.staffNo, serviceId, event: { type: 'escalation-confirmed' } },
  ]);
  const confirmation = rows.at(-1)!;
  await writeIndexedDb(page, rows);
  await page.reload();
  // The check behind the screens names it to everyone at the device.
  await expect(page.locator('.integrity-banner')).toContainText(
    `record ${confirmation.seq} (escalation-confirmed by ${MANAGER.staffNo}) breaks a rule: ${UNSIGNED}`,
  );
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${confirmation.seq} (escalation-confirmed by ${MANAGER.staffNo}) breaks a rule: ${UNSIGNED}`,
  );
  // The same confirmation carrying a signature that is not the manager's: named too.
  const stolen = rows.find((row) => row.event.type === 'signed-in' && row.sig)!;
  const signedWrong = await rehash(
    rows.map((row) => (row.seq === confirmation.seq ? { ...row, sig: stolen.sig } : row)),
    rows.length - 1,
  );
  await writeIndexedDb(page, signedWrong);
  await page.reload();
  await expect(page.locator('.integrity-banner')).toBeVisible();
  const again = await managerVerifies(page);
  await expect(again).toContainText(
    `Not intact: record ${confirmation.seq} (escalation-confirmed by ${MANAGER.staffNo}) breaks a rule: it carries a person’s authority but its signature is not theirs, or not for this record at this place in the log.`,
  );
});

test('after a reload the manager’s key is gone: adding an account asks for the PIN, then works', async ({
  page,
}) => {
  await setUpCounter(page, 'en');
  await page.reload();
  await openScreen(page, 'Staff');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an account' }) });
  await form.getByLabel('Staff number').fill(CLERK.staffNo);
  await form.getByRole('button', { name: 'Clerk', exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill('975318');
  await form.getByLabel('New PIN again').fill('975318');
  await form.getByRole('button', { name: 'Add account' }).click();
  // The screen locks and says why; the PIN brings the key back.
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(page.getByTestId('pin-needed')).toHaveText(
    'Enter your PIN again to go on: this page was reloaded, and what you do next is signed with your PIN.',
  );
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('pin-needed')).toHaveCount(0);
  await openScreen(page, 'Staff');
  await form.getByLabel('Staff number').fill(CLERK.staffNo);
  await form.getByRole('button', { name: 'Clerk', exact: true }).click();
  await form.getByLabel('New PIN', { exact: true }).fill('975318');
  await form.getByLabel('New PIN again').fill('975318');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account 1001 added.');
  const created = ((await readLog(page)) as Row[]).find(
    (row) => row.event.type === 'account-created' && row.event.subject === CLERK.staffNo,
  )!;
  expect(created.sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
  await openScreen(page, 'Log');
  await page.getByRole('button', { name: 'Verify the log' }).click();
  await expect(page.locator('.verdict')).toContainText('Intact:');
});
