/**
 * The ways a clerk forged the log from DevTools in release 0.1.0, tried again in real Chromium the
 * same way: the test writes IndexedDB directly, recomputing every hash, as DevTools would. Each
 * forgery is refused at sign-in or named by Verify (the record and the rule it breaks), and the
 * head's witness shows a shortened or rewritten log to everyone at the device.
 */
import { expect, test } from '@playwright/test';
import { hashPin } from '../../core/domain/access/pin';
import { hashOf } from '../../core/domain/log/records';
import { MANAGER, readLog, startService, tapOnCard, WORDS } from './fixtures';
import {
  CLERK,
  counterWithClerk,
  managerVerifies,
  rehash,
  signIn,
  writeIndexedDb,
  type Row,
} from './forge-helpers';

test('a clerk’s forged sign-in as manager opens no session, and Verify names the record', async ({
  page,
}) => {
  await counterWithClerk(page);
  const rows = (await readLog(page)) as Row[];
  const last = rows.at(-1)!;
  const forged = {
    ...last,
    id: crypto.randomUUID(),
    seq: last.seq + 1,
    prevHash: last.hash,
    staffNo: CLERK.staffNo,
    serviceId: null,
    event: { type: 'signed-in', role: 'manager' },
  } as Row;
  forged.hash = await hashOf(forged);
  // First the clerk ends their session by signing out, then writes the forged sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  const signedOut = (await readLog(page)) as Row[];
  const tail = signedOut.at(-1)!;
  forged.seq = tail.seq + 1;
  forged.prevHash = tail.hash;
  forged.hash = await hashOf(forged);
  await writeIndexedDb(page, [...signedOut, forged]);
  await page.reload();
  // Not signed with the clerk's key (decision 0063): no session opens, and the record is named.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.locator('.integrity-banner')).toContainText(
    `record ${forged.seq} (signed-in by 1001) breaks a rule:`,
  );
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${forged.seq} (signed-in by 1001) breaks a rule: the sign-in claims a role the account does not have.`,
  );
});

test('a clerk’s role rewritten to manager, every hash after it recomputed, fails at the manager’s signature and at the witness', async ({
  page,
}) => {
  await counterWithClerk(page);
  const rows = (await readLog(page)) as Row[];
  const index = rows.findIndex(
    (row) => row.event.type === 'account-created' && row.event.subject === CLERK.staffNo,
  );
  rows[index]!.event.role = 'manager';
  for (const row of rows)
    if (row.staffNo === CLERK.staffNo && row.event.type === 'signed-in') row.event.role = 'manager';
  await writeIndexedDb(page, await rehash(rows, index));
  await page.reload();
  // The head's witness (localStorage in the browser build) saw another history.
  await expect(page.locator('.integrity-banner')).toContainText(
    `Record ${rows.length} of this device's log is not the one that was written.`,
  );
  // The clerk's rewritten sign-in no longer holds its signature: no session opens from it.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  // The manager signed the account's creation as it was (decision 0063): Verify names it.
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    `Not intact: record ${rows[index]!.seq} (account-created by 9001) breaks a rule: it carries a person’s authority but its signature is not theirs, or not for this record at this place in the log.`,
  );
});

test('a credentials row with one PBKDF2 iteration, added for the manager, does not sign anyone in', async ({
  page,
}) => {
  await counterWithClerk(page);
  const forged = await hashPin(MANAGER.staffNo, '111222', 1);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await writeIndexedDb(page, (await readLog(page)) as Row[], [{ ...forged, eventSeq: null }]);
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, { staffNo: MANAGER.staffNo, pin: '111222' });
  await expect(page.getByRole('alert')).toHaveText(
    "This account's stored PIN does not match the log, so it cannot be used. A manager must reset the PIN.",
  );
  const last = ((await readLog(page)) as Row[]).at(-1)!;
  expect(last.event).toMatchObject({ type: 'sign-in-failed', reason: 'credential-mismatch' });
});

test('the newest records deleted and a forged one appended: the witness and Verify both say so', async ({
  page,
}) => {
  await counterWithClerk(page);
  await startService(page, 'en', { ticket: 'A001', title: 'mr', business: 'bill-payment' });
  await tapOnCard(page, 'stand-to-greet', WORDS.en.done);
  await tapOnCard(page, 'eye-contact-smile', WORDS.en.done);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  const rows = (await readLog(page)) as Row[];
  // Remove the last four records (two steps, the lock…), then append a record of one's choosing.
  const kept = rows.slice(0, -4);
  const tail = kept.at(-1)!;
  const forged = {
    ...tail,
    id: crypto.randomUUID(),
    seq: tail.seq + 1,
    prevHash: tail.hash,
    event: { type: 'screen-locked', reason: 'manual' },
  } as Row;
  forged.hash = await hashOf(forged);
  await writeIndexedDb(page, [...kept, forged]);
  await page.reload();
  await expect(page.locator('.integrity-banner')).toContainText(
    `Records are missing from this device's log: it ends at record ${forged.seq}, but record ${rows.length} had been written.`,
  );
  // Signing in appends records again; Verify then finds them where the witness saw others.
  const verdict = await managerVerifies(page);
  await expect(verdict).toContainText(
    /Not intact: (records were removed: the log ends at record \d+|record \d+ is not the one that was written there)/,
  );
});
