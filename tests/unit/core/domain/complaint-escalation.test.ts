import { describe, expect, it } from 'vitest';
import { evidenceNeeded } from '../../../../core/domain/access/decide-access';
import { openService } from '../../../../core/domain/device/state';
import { readRecords } from '../../../../core/domain/log/records';
import { verifyRows, type Verdict } from '../../../../core/domain/log/verify';
import { timeline } from '../../../../core/domain/review/timeline';
import { loadState } from '../../../../renderer/storage/load-state';
import { startCommand } from '../../helpers/builders';
import {
  AUDITOR,
  CLERK,
  MANAGER,
  PIN,
  forgeAfter,
  signIn,
  staffedLog,
  type DeviceLog,
} from './device-log';

const problemOf = (verdict: Verdict) => (verdict.intact ? null : verdict.problem);

/** The clerk signed in, serving a complaint (ticket A025), its first four steps recorded. */
async function clerkWithComplaint(): Promise<DeviceLog> {
  const log = await staffedLog();
  await signIn(log, CLERK);
  await log.must(startCommand({ businessType: 'complaint' }));
  for (const stepId of ['complaint-accept', 'complaint-clarify', 'complaint-explore'] as const) {
    await log.must({ type: 'mark-done', stepId });
  }
  return log;
}

const escalate = (manager: string, managerPin = PIN) =>
  ({
    type: 'record-complaint',
    category: 'network',
    summary: '家里信号差，已报修两次',
    outcome: 'escalated',
    due: null,
    manager,
    managerPin,
  }) as const;

describe('escalating a complaint to the manager on duty', () => {
  it('asks the storage to check the manager’s own PIN', async () => {
    const log = await clerkWithComplaint();
    const command = { ...escalate(MANAGER), serviceId: openService(log.state)!.serviceId };
    expect(evidenceNeeded(log.state, command)).toEqual({
      checkPin: { staffNo: MANAGER, pin: PIN },
    });
  });

  it('records the clerk’s complaint and the manager’s confirmation, and the log verifies', async () => {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    const stored = await log.must(escalate(MANAGER));
    expect(stored.map((record) => [record.staffNo, record.serviceId, record.event.type])).toEqual([
      [CLERK, serviceId, 'complaint-recorded'],
      [MANAGER, serviceId, 'escalation-confirmed'],
    ]);
    expect(openService(log.state)?.complaint).toMatchObject({
      record: { outcome: { kind: 'escalated', manager: MANAGER } },
      confirmedBy: MANAGER,
    });
    // The clerk stays signed in: the manager only confirmed.
    expect(log.state.session?.staffNo).toBe(CLERK);
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('takes a follow-up promised with the escalation: it shows among the follow-ups', async () => {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    const tooEarly = await log.run({ ...escalate(MANAGER), due: '2000-01-01' });
    expect(tooEarly.refusal).toEqual({ code: 'follow-up-in-past' });
    expect(tooEarly.stored).toEqual([]);
    const notADate = await log.run({ ...escalate(MANAGER), due: 'tomorrow' });
    expect(notADate.refusal).toEqual({ code: 'follow-up-needs-date' });
    await log.must({ ...escalate(MANAGER), due: '2099-12-31' });
    expect(openService(log.state)?.complaint?.record?.outcome).toEqual({
      kind: 'escalated',
      manager: MANAGER,
      due: '2099-12-31',
    });
    expect(log.state.followUps.get(serviceId)).toMatchObject({ due: '2099-12-31', closed: null });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('refuses a wrong PIN, logs it under the manager’s staff number, and records nothing else', async () => {
    const log = await clerkWithComplaint();
    const before = log.head.seq;
    const { refusal, stored } = await log.run(escalate(MANAGER, '999999'), {
      verdict: 'mismatch',
    });
    expect(refusal).toEqual({ code: 'wrong-pin', attemptsLeft: 4 });
    expect(stored.map((record) => [record.staffNo, record.event])).toEqual([
      [
        MANAGER,
        {
          type: 'sign-in-failed',
          subject: MANAGER,
          reason: 'wrong-pin',
          during: 'escalation',
          failuresInARow: 1,
        },
      ],
    ]);
    expect(log.head.seq).toBe(before + 1);
    expect(openService(log.state)?.complaint?.record).toBeNull();
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('keeps the lockout: while the manager must wait, the PIN is not even judged', async () => {
    const log = await clerkWithComplaint();
    const { refusal } = await log.run(escalate(MANAGER), {
      lockout: { failuresInARow: 5, retryAt: log.now + 60_000 },
    });
    expect(refusal?.code).toBe('waiting');
    expect(openService(log.state)?.complaint?.record).toBeNull();
  });

  it('refuses someone who is not a manager (an auditor, the clerk themselves)', async () => {
    const log = await clerkWithComplaint();
    const byAuditor = await log.run(escalate(AUDITOR));
    expect(byAuditor.refusal).toEqual({ code: 'escalation-not-manager' });
    expect(byAuditor.stored.map((record) => record.event.type)).toEqual(['sign-in-failed']);
    const toSelf = await log.run(escalate(CLERK));
    expect(toSelf.refusal).toEqual({ code: 'escalation-to-self' });
    expect(toSelf.stored).toEqual([]);
  });
});

describe('the service’s timeline', () => {
  it('shows the complaint, its steps, its record and the manager’s confirmation, by whom', async () => {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    await log.must(escalate(MANAGER));
    const records = readRecords(log.rows).records.filter(
      (record) => record.serviceId === serviceId,
    );
    const entries = timeline(records).map((entry) => [entry.by, entry.step, entry.kind]);
    expect(entries).toEqual([
      [CLERK, null, 'started'],
      [CLERK, null, 'complaint-started'],
      [CLERK, 'complaint-accept', 'done'],
      [CLERK, 'complaint-clarify', 'done'],
      [CLERK, 'complaint-explore', 'done'],
      [CLERK, null, 'complaint-recorded'],
      [MANAGER, null, 'escalation-confirmed'],
    ]);
  });
});

describe('verification of complaint records forged with DevTools', () => {
  it('names an escalation that no manager confirmed', async () => {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId,
        event: {
          type: 'complaint-recorded',
          category: 'network',
          summary: '信号差',
          outcome: { kind: 'escalated', manager: MANAGER },
        },
      },
      {
        staffNo: CLERK,
        serviceId,
        event: {
          type: 'complaint-step',
          stepId: 'complaint-thank',
          outcome: 'done',
          reason: null,
          note: '',
        },
      },
    ]);
    expect(problemOf(await verifyRows(forged))).toMatchObject({
      kind: 'rule',
      rule: 'escalation-unconfirmed',
    });
  });

  it('names a confirmation written by someone other than the manager named', async () => {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId,
        event: {
          type: 'complaint-recorded',
          category: 'network',
          summary: '信号差',
          outcome: { kind: 'escalated', manager: MANAGER },
        },
      },
      { staffNo: CLERK, serviceId, event: { type: 'escalation-confirmed' } },
    ]);
    expect(problemOf(await verifyRows(forged))).toMatchObject({
      kind: 'rule',
      rule: 'escalation-not-by-manager',
      staffNo: CLERK,
    });
  });

  it('names a complaint record in a service where no complaint started', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    await log.must(startCommand());
    const serviceId = openService(log.state)!.serviceId;
    const forged = await forgeAfter(log.rows, [
      {
        staffNo: CLERK,
        serviceId,
        event: {
          type: 'complaint-recorded',
          category: 'billing',
          summary: '话费',
          outcome: { kind: 'resolved' },
        },
      },
    ]);
    expect(problemOf(await verifyRows(forged))).toMatchObject({ rule: 'no-complaint' });
  });
});

describe('follow-ups', () => {
  async function withFollowUp(): Promise<{ log: DeviceLog; serviceId: string }> {
    const log = await clerkWithComplaint();
    const serviceId = openService(log.state)!.serviceId;
    await log.must({
      type: 'record-complaint',
      category: 'billing',
      summary: '多扣话费，需核查账单',
      outcome: 'follow-up',
      due: '2026-11-30',
      manager: null,
      managerPin: null,
    });
    return { log, serviceId };
  }

  it('keeps a promised follow-up in the device state, with its due day', async () => {
    const { log, serviceId } = await withFollowUp();
    expect(log.state.followUps.get(serviceId)).toMatchObject({
      serviceId,
      staffNo: CLERK,
      category: 'billing',
      due: '2026-11-30',
      closed: null,
    });
  });

  it('is closed by a manager with its outcome, once; a clerk may not', async () => {
    const { log, serviceId } = await withFollowUp();
    await log.must({ type: 'abandon', reason: 'customer-left' });
    const close = {
      type: 'close-follow-up',
      target: serviceId,
      result: 'resolved',
      note: '已退款',
    } as const;
    expect((await log.run(close)).refusal).toEqual({ code: 'forbidden' });
    await log.must({ type: 'sign-out' });
    await signIn(log, MANAGER);
    const stored = await log.must(close);
    expect(stored.map((record) => [record.staffNo, record.event.type])).toEqual([
      [MANAGER, 'follow-up-closed'],
    ]);
    expect(log.state.followUps.get(serviceId)?.closed).toMatchObject({
      by: MANAGER,
      result: 'resolved',
      note: '已退款',
    });
    expect((await log.run(close)).refusal).toEqual({ code: 'follow-up-already-closed' });
    expect((await verifyRows(log.rows)).intact).toBe(true);
  });

  it('are loaded at start from their own records, as the full fold has them (and the complaints)', async () => {
    const { log } = await withFollowUp();
    const { records } = readRecords(log.rows, log.values);
    const fake = {
      ofTypes: async (types: readonly string[]) => ({
        records: records.filter((record) => types.includes(record.event.type)),
        invalid: [],
      }),
      lastOfType: async (type: string) =>
        records.filter((record) => record.event.type === type).at(-1) ?? null,
      after: async (seq: number) => ({
        records: records.filter((record) => record.seq > seq),
        invalid: [],
      }),
      service: async (id: string) => ({
        records: records.filter((record) => record.serviceId === id),
        invalid: [],
      }),
      tailWhile: async () => ({ records: [], invalid: [] }),
    };
    const { state } = await loadState(fake as never);
    expect(state.followUps).toEqual(log.state.followUps);
    expect(state.followUps.size).toBe(1);
  });
});
