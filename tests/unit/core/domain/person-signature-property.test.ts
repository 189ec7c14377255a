/**
 * Property (issue 21, decision 0063): any record carrying a person's authority appended without
 * its author's signature, with another account's signature, or with a signature made for another
 * place in the log is refused by the domain (sealCommit will not seal it) and flagged by Verify,
 * which names the record and the person. The same record honestly signed is sealed and verifies.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCredential } from '../../../../core/domain/access/pin';
import type { PlannedRecord } from '../../../../core/domain/device/commands';
import { INITIAL_STATE, type DeviceState } from '../../../../core/domain/device/state';
import type { DomainEvent } from '../../../../core/domain/log/events';
import { personPayload } from '../../../../core/domain/log/person-signatures';
import type { StoredRecord, UnsealedRecord } from '../../../../core/domain/log/records';
import { PersonSignatureError, sealCommit, sealPlanned } from '../../../../core/domain/log/sealing';
import { generateSigningKey, sign, type SigningKeyPair } from '../../../../core/domain/log/signing';
import { verifyRows } from '../../../../core/domain/log/verify';

const MANAGER = '9001';
const CLERK = '1001';
const DEVICE = '0d6f1a52-3c0e-4a8e-9d55-1f2b7c9e4a10';
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;
const stamp = (now: number) => ({ now, mono: { boot: 'b', ms: now - 1_000 }, newId });

type Signing = (record: UnsealedRecord) => Promise<string | undefined>;

/** Seals `planned` after `state` through the domain's sealCommit, signing with `signFor`. */
async function commit(state: DeviceState, planned: PlannedRecord[], signFor: Signing, now = 1e12) {
  return sealCommit(state, planned, null, {
    seal: async (at, records) => {
      const sealed = await sealPlanned(at, records, { ...stamp(now), sign: signFor });
      if (!sealed.ok) throw new Error(sealed.error);
      return sealed.value;
    },
    checkpoint: () => Promise.resolve(null),
  });
}

const honest =
  (keys: ReadonlyMap<string, SigningKeyPair>): Signing =>
  async (record) => {
    const key = record.staffNo === null ? undefined : keys.get(record.staffNo);
    return key ? sign(key, personPayload(record)) : undefined;
  };

describe('a record carrying a person’s authority', { timeout: 120_000 }, () => {
  let base: { rows: StoredRecord[]; state: DeviceState };
  let manager: SigningKeyPair;
  let clerk: SigningKeyPair;

  beforeAll(async () => {
    const device = await generateSigningKey();
    ({ key: manager } = await makeCredential(MANAGER, '246810', 1));
    ({ key: clerk } = await makeCredential(CLERK, '135792', 1));
    const by = (staffNo: string | null, event: DomainEvent): PlannedRecord => ({
      staffNo,
      serviceId: null,
      event,
    });
    const commitment = '0'.repeat(64);
    const { sealed, state } = await commit(
      INITIAL_STATE,
      [
        by(null, {
          type: 'device-identity',
          deviceId: DEVICE,
          algorithm: device.algorithm,
          publicKey: device.publicKey,
        }),
        by(MANAGER, { type: 'device-set-up', counter: '3' }),
        by(MANAGER, { type: 'account-created', subject: MANAGER, role: 'manager' }),
        by(MANAGER, {
          type: 'pin-set',
          subject: MANAGER,
          reason: 'created',
          commitment,
          personKey: manager.publicKey,
        }),
        by(MANAGER, { type: 'signed-in', role: 'manager' }),
        by(MANAGER, { type: 'account-created', subject: CLERK, role: 'clerk' }),
        by(MANAGER, {
          type: 'pin-set',
          subject: CLERK,
          reason: 'created',
          commitment,
          personKey: clerk.publicKey,
        }),
      ],
      honest(new Map([[MANAGER, manager]])),
    );
    base = { rows: sealed, state };
    expect(sealed.filter((row) => row.sig).length).toBe(4);
    expect(await verifyRows(sealed)).toMatchObject({ intact: true, predateSignatures: 0 });
  });

  /** Manager's actions allowed after the base log, each carrying their authority. */
  const action = fc.oneof(
    fc.integer({ min: 1, max: 60 }).map((value): DomainEvent => ({
      type: 'config-changed',
      change: { key: 'idle-lock-minutes', value },
    })),
    fc.integer({ min: 2000, max: 8999 }).chain((n) =>
      fc.constantFrom('clerk', 'auditor', 'manager').map((role): DomainEvent => ({
        type: 'account-created',
        subject: String(n),
        role: role as 'clerk' | 'auditor' | 'manager',
      })),
    ),
    fc.constant<DomainEvent>({ type: 'account-disabled', subject: CLERK }),
  );
  const forgery = fc.oneof(
    fc.constant({ kind: 'unsigned' as const }),
    fc.constant({ kind: 'other-account' as const }),
    fc.integer({ min: -3, max: 3 }).map((delta) => ({ kind: 'other-seq' as const, delta })),
    // Any record but the last, whose hash is the right previous hash.
    fc.nat({ max: 5 }).map((index) => ({ kind: 'other-prev-hash' as const, index })),
    fc.uuid().map((device) => ({ kind: 'other-device' as const, device })),
  );

  it('is refused by the domain and flagged by Verify when not its author’s signature here', async () => {
    await fc.assert(
      fc.asyncProperty(action, forgery, async (event, how) => {
        const forged: Signing = async (record) => {
          switch (how.kind) {
            case 'unsigned':
              return undefined;
            case 'other-account':
              return sign(clerk, personPayload(record));
            case 'other-seq':
              return sign(
                manager,
                personPayload({ ...record, seq: record.seq + (how.delta || 1) }),
              );
            case 'other-prev-hash':
              return sign(
                manager,
                personPayload({ ...record, prevHash: base.rows[how.index]!.hash }),
              );
            case 'other-device':
              return sign(manager, personPayload({ ...record, device: how.device }));
          }
        };
        const planned = [{ staffNo: MANAGER, serviceId: null, event }];
        // The domain will not seal it.
        await expect(commit(base.state, planned, forged)).rejects.toBeInstanceOf(
          PersonSignatureError,
        );
        // Written anyway (as DevTools would): Verify names the record and the person.
        const sealed = await sealPlanned(base.state, planned, { ...stamp(1e12), sign: forged });
        if (!sealed.ok) throw new Error(sealed.error);
        const row = sealed.value.records[0]!;
        const verdict = await verifyRows([...base.rows, row]);
        expect(verdict).toMatchObject({
          intact: false,
          problem: {
            kind: 'rule',
            seq: row.seq,
            staffNo: MANAGER,
            eventType: event.type,
            rule: how.kind === 'unsigned' ? 'signature-missing' : 'signature-invalid',
          },
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it('is sealed and verifies when its author signed it there', async () => {
    await fc.assert(
      fc.asyncProperty(action, async (event) => {
        const planned = [{ staffNo: MANAGER, serviceId: null, event }];
        const { sealed } = await commit(base.state, planned, honest(new Map([[MANAGER, manager]])));
        expect(await verifyRows([...base.rows, ...sealed])).toMatchObject({ intact: true });
      }),
      { numRuns: 100 },
    );
  });

  it('a sign-in for the manager written without the PIN: refused, and named', async () => {
    const out = await commit(
      base.state,
      [
        {
          staffNo: MANAGER,
          serviceId: null,
          event: {
            type: 'signed-out',
            reason: 'self',
            openServiceId: null,
            summary: {
              services: 0,
              finished: 0,
              abandoned: 0,
              stepsDone: 0,
              stepsApplicable: 0,
              stepsNotReached: 0,
              averageMs: null,
              skips: 0,
              skipReasons: {},
            },
          },
        },
      ],
      honest(new Map([[MANAGER, manager]])),
    );
    const signIn: PlannedRecord = {
      staffNo: MANAGER,
      serviceId: null,
      event: { type: 'signed-in', role: 'manager' },
    };
    await expect(commit(out.state, [signIn], () => Promise.resolve(undefined))).rejects.toThrow(
      /signature-missing/,
    );
    const sealed = await sealPlanned(out.state, [signIn], stamp(1e12));
    if (!sealed.ok) throw new Error(sealed.error);
    expect(await verifyRows([...base.rows, ...out.sealed, ...sealed.value.records])).toMatchObject({
      intact: false,
      problem: {
        kind: 'rule',
        rule: 'signature-missing',
        eventType: 'signed-in',
        staffNo: MANAGER,
      },
    });
  });
});
