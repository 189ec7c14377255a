/**
 * The routines around the services (issue 25) through the one command path: the clerk's own
 * opening check, an item found Not OK that stays open until put right, others' checks, the
 * handover at sign-out and its acknowledgement, a manager's edits of the checklist — and the
 * verifier's replay of the same rules on forged records.
 */
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../../../core/domain/device/business-day';
import { readRecords } from '../../../../core/domain/log/records';
import { verifyRows } from '../../../../core/domain/log/verify';
import { shiftFigures, percent } from '../../../../core/domain/review/shift-figures';
import {
  DEFAULT_OPENING_ITEMS,
  activeItems,
  retireItem,
  rewordItem,
} from '../../../../core/domain/shift/opening-items';
import { startCommand } from '../../helpers/builders';
import { CLERK, MANAGER, forgeAfter, signIn, staffedLog, type DeviceLog } from './device-log';
import { linked, problemOf } from './log-support';

const codes = activeItems(DEFAULT_OPENING_ITEMS).map((item) => item.code);
const allOk = (notOk: readonly string[] = []) =>
  codes.map((code) => ({
    code,
    result: notOk.includes(code) ? 'not-ok' : 'ok',
    note: notOk.includes(code) ? 'left at home' : '',
  }));

const selfCheck = (notOk: readonly string[] = []) => ({
  type: 'record-opening-check' as const,
  subject: CLERK,
  kind: 'self',
  results: allOk(notOk),
});

async function figuresOf(log: DeviceLog) {
  const { records } = readRecords(log.rows);
  const boundary = { timeZone: 'Asia/Shanghai', dayStartMinutes: 0 };
  const day = businessDay(log.now, boundary);
  return shiftFigures(records, boundary, day, day);
}

describe('the opening check', () => {
  it('is recorded with each item’s text and version; a Not OK item stays open until fixed', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    expect(log.state.shift.selfChecks.has(CLERK)).toBe(false);
    const [stored] = await log.must(selfCheck(['badge']));
    const event = stored!.event;
    if (event.type !== 'opening-check-recorded') throw new Error(event.type);
    expect(event.items).toHaveLength(12);
    expect(event.items.find((item) => item.code === 'badge')).toMatchObject({
      result: 'not-ok',
      version: 1,
      note: 'left at home',
      text: { en: 'Staff-number badge on the left chest, face out' },
    });
    expect(log.state.shift.openItems.map((item) => item.code)).toEqual(['badge']);
    // The customer comes first: serving with the item open is allowed.
    await log.must(startCommand());
    await log.must({ type: 'abandon', reason: 'customer-left' });
    await log.must({
      type: 'resolve-opening-item',
      subject: CLERK,
      checkSeq: stored!.seq,
      code: 'badge',
    });
    expect(log.state.shift.openItems).toEqual([]);
    const again = await log.run({
      type: 'resolve-opening-item',
      subject: CLERK,
      checkSeq: stored!.seq,
      code: 'badge',
    });
    expect(again.refusal?.code).toBe('no-such-opening-item');
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('refuses an own check with an item missing, a clerk’s spot-check, a check of oneself as another', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const partial = await log.run({ ...selfCheck(), results: allOk().slice(1) });
    expect(partial.refusal?.code).toBe('opening-check-incomplete');
    const unknown = await log.run({
      ...selfCheck(),
      results: [...allOk(), { code: 'hat', result: 'ok', note: '' }],
    });
    expect(unknown.refusal?.code).toBe('opening-items-changed');
    const spot = await log.run({ ...selfCheck(), subject: MANAGER, kind: 'spot-check' });
    expect(spot.refusal?.code).toBe('forbidden');
    const mutualOfSelf = await log.run({ ...selfCheck(), kind: 'mutual-check' });
    expect(mutualOfSelf.refusal?.code).toBe('own-opening-check');
    expect(log.state.shift.selfChecks.size).toBe(0);
  });

  it('a manager’s check disagreeing on one item of twelve: agreement 11 of 12 (91.7 %)', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(selfCheck());
    await log.must(startCommand());
    await log.must({ type: 'abandon', reason: 'customer-left' });
    await log.must({ type: 'sign-out' });
    await signIn(log, MANAGER);
    await log.must({
      type: 'record-opening-check',
      subject: CLERK,
      kind: 'spot-check',
      results: allOk(['nails']),
    });
    const figures = await figuresOf(log);
    expect(figures).toMatchObject({ clerkDays: 1, onTime: 1, compared: 12, agreed: 11 });
    expect(percent(figures.agreed, figures.compared)).toBe(91.7);
    expect(figures.notOk).toEqual([
      { code: 'nails', text: expect.objectContaining({ en: 'Nails trimmed and clean' }), count: 1 },
    ]);
    // The manager acknowledges the clerk's open item (the clerk was not there to fix it).
    const found = log.state.shift.openItems[0]!;
    await log.must({
      type: 'resolve-opening-item',
      subject: CLERK,
      checkSeq: found.checkSeq,
      code: 'nails',
    });
    expect(log.rows.at(-1)!.event).toMatchObject({ how: 'acknowledged' });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('counts a check after the first service as late, and a spot-check of three items as three compared', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    await log.must({ type: 'abandon', reason: 'customer-left' });
    await log.must(selfCheck(['clean']));
    await log.must({ type: 'sign-out' });
    await signIn(log, MANAGER);
    await log.must({
      type: 'record-opening-check',
      subject: CLERK,
      kind: 'mystery-visit',
      results: [
        { code: 'clean', result: 'ok', note: '' },
        { code: 'badge', result: 'not-ok', note: '' },
        { code: 'uniform', result: 'ok', note: '' },
      ],
    });
    const figures = await figuresOf(log);
    expect(figures).toMatchObject({ clerkDays: 1, onTime: 0, compared: 3, agreed: 1 });
    expect(figures.notOk.map((item) => [item.code, item.count])).toEqual([
      ['badge', 1],
      ['clean', 1],
    ]);
  });
});

describe('the handover', () => {
  it('is shown to the next person, acknowledged by them, its items open until closed', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const [written] = await log.must({
      type: 'write-handover',
      note: ' Printer jams ',
      items: ['Call back Ms Li about her SIM', ''],
    });
    expect(written!.event).toEqual({
      type: 'handover-written',
      note: 'Printer jams',
      items: ['Call back Ms Li about her SIM'],
    });
    expect(
      (await log.run({ type: 'acknowledge-handover', handoverSeq: written!.seq })).refusal?.code,
    ).toBe('own-handover');
    await log.must({ type: 'sign-out' });
    await signIn(log, MANAGER);
    expect(log.state.shift.pendingHandover?.note).toBe('Printer jams');
    await log.must({ type: 'acknowledge-handover', handoverSeq: written!.seq });
    expect(log.state.shift.pendingHandover).toBeNull();
    expect(log.state.shift.openHandoverItems).toHaveLength(1);
    await log.must({
      type: 'close-handover-item',
      handoverSeq: written!.seq,
      index: 0,
      note: 'done',
    });
    expect(log.state.shift.openHandoverItems).toHaveLength(0);
    const figures = await figuresOf(log);
    expect(figures).toMatchObject({ handoversWritten: 1, handoversAcknowledged: 1 });
    expect((await log.run({ type: 'write-handover', note: '', items: [] })).refusal?.code).toBe(
      'invalid-handover',
    );
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });
});

describe('the manager’s checklist edits', () => {
  it('refuses removing an item or rewording it without a new version', async () => {
    const log = await staffedLog();
    await signIn(log, MANAGER);
    const removed = await log.run({
      type: 'change-config',
      change: { key: 'opening-items', value: DEFAULT_OPENING_ITEMS.slice(1) },
    });
    expect(removed.refusal?.code).toBe('invalid-opening-items');
    const sneaky = DEFAULT_OPENING_ITEMS.map((item) =>
      item.code === 'badge' ? { ...item, text: { ...item.text, en: 'Any badge' } } : item,
    );
    const reworded = await log.run({
      type: 'change-config',
      change: { key: 'opening-items', value: sneaky },
    });
    expect(reworded.refusal?.code).toBe('invalid-opening-items');
    const proper = rewordItem(retireItem(DEFAULT_OPENING_ITEMS, 'nails'), 'badge', {
      ...DEFAULT_OPENING_ITEMS[2]!.text,
      en: 'Badge worn',
    });
    await log.must({ type: 'change-config', change: { key: 'opening-items', value: proper } });
    expect(activeItems(log.state.config.openingItems)).toHaveLength(11);
  });
});

describe('forged shift records', () => {
  it('a self-check written under another clerk’s number, and a reworded list, break the rules', async () => {
    const log = await staffedLog();
    await signIn(log, MANAGER);
    const [stored] = await log.must({
      type: 'record-opening-check',
      subject: CLERK,
      kind: 'spot-check',
      results: allOk(),
    });
    const event = stored!.event;
    const forged = await forgeAfter(log.rows, [
      { staffNo: MANAGER, event: { ...event, kind: 'self' } },
    ]);
    expect(await linked(forged)).toBe(true);
    expect(problemOf(await verifyRows(forged))).toMatchObject({
      kind: 'rule',
      rule: 'shift-record-not-allowed',
    });
    const sneaky = DEFAULT_OPENING_ITEMS.map((item) =>
      item.code === 'badge' ? { ...item, text: { ...item.text, en: 'Any badge' } } : item,
    );
    const rewritten = await forgeAfter(log.rows, [
      {
        staffNo: MANAGER,
        event: { type: 'config-changed', change: { key: 'opening-items', value: sneaky } },
      },
    ]);
    expect(problemOf(await verifyRows(rewritten))).toMatchObject({
      kind: 'rule',
      rule: 'opening-items-rewritten',
    });
  });
});
