/**
 * The device's store as it runs in Electron: the page's storage over main's real IPC handlers
 * (key-vault.ts and witness-store.ts, with a fake safeStorage), in Node. Main keeps the checkpoint
 * keys and the witness; the attacks of issue 21 that a browser cannot stop (6: plant the next
 * key, 7: roll the database back, 8: rewrite after the last checkpoint) are tried from the page.
 */
import { describe, expect, it } from 'vitest';
import { enrolPayload } from '../../../core/domain/hub/protocol';
import { hashOf } from '../../../core/domain/log/records';
import { generateSigningKey, verifySignature } from '../../../core/domain/log/signing';
import type { CounterStepsApi } from '../../../preload/contract';
import { witnessOver } from '../../../renderer/storage/witness-over';
import { openStore, type DeviceStore } from '../../../renderer/storage';
import { APP, setup } from './ipc-support';

import type { Command } from '../../../core/domain/device/commands';
import { CounterStepsDb } from '../../../renderer/storage/db';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const MANAGER = { staffNo: '9001', pin: '246810' };
const CLERK = { staffNo: '1001', pin: '135792' };
const firstRun = (): Command => ({
  type: 'first-run',
  counter: '3',
  staffNo: MANAGER.staffNo,
  pin: MANAGER.pin,
  confirmation: MANAGER.pin,
});

/** The database as DevTools would see it. */
async function withRawDb<T>(name: string, work: (db: CounterStepsDb) => Promise<T>): Promise<T> {
  const db = new CounterStepsDb(name);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

let runs = 0;

/** The preload's API as the page sees it, each call going through main's gate. */
function electronApi(handlers: ReturnType<typeof setup>['handlers']): CounterStepsApi {
  return new Proxy({} as CounterStepsApi, {
    get: (_target, method: keyof CounterStepsApi) => (request?: unknown) =>
      handlers[method](APP, request === undefined ? [] : [request]),
  });
}

async function electronDevice() {
  runs += 1;
  const name = `electron-${runs}-${Date.now()}`;
  const { handlers } = setup();
  const api = electronApi(handlers);
  const clock = { now: T0 };
  const open = () =>
    openStore({
      name,
      clock: { now: () => clock.now, mono: () => clock.now - T0 + 1_000_000, boot: 'boot-test' },
      pinIterations: 1_000,
      witness: witnessOver(api, name, { chained: true }),
      keyKeeper: api,
    });
  const device: {
    name: string;
    api: CounterStepsApi;
    store: DeviceStore;
    reopen(): Promise<DeviceStore>;
    must(command: Command): Promise<unknown>;
  } = {
    name,
    api,
    store: await open(),
    async reopen() {
      device.store.close();
      device.store = await open();
      return device.store;
    },
    async must(command: Command) {
      const result = await device.store.execute(command);
      if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
  await device.must(firstRun());
  await device.must({
    type: 'create-account',
    staffNo: CLERK.staffNo,
    role: 'clerk',
    pin: CLERK.pin,
    confirmation: CLERK.pin,
  });
  return device;
}

describe('Electron: main keeps the keys and the witness', () => {
  it('signs each checkpoint in main, with the key chain intact, and no private key in IndexedDB', async () => {
    const device = await electronDevice();
    await device.must({ type: 'sign-out' });
    await device.must({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: MANAGER.pin });
    await device.must({ type: 'sign-out' });

    const { state } = device.store.snapshot;
    expect(state.keys?.index).toBe(2);
    expect(device.store.snapshot.signingKeyMissing).toBe(false);
    const verdict = await device.store.verify();
    expect(verdict).toMatchObject({ intact: true, checkpoints: 2 });

    expect(await withRawDb(device.name, (db) => db.keys.count())).toBe(0);
    expect(
      await device.api.keyInForce({ log: device.name, device: state.identity!.deviceId }),
    ).toEqual({
      ok: true,
      value: 2,
    });

    // A statement (a hub enrolment) is signed in main with the key in force.
    const enrol = await device.store.hub.enrolRequest('ABCD-EFGH');
    expect(enrol).not.toBeNull();
    const payload = enrolPayload({ code: 'ABCD-EFGH', device: enrol!.device, keyIndex: 2 });
    expect(await verifySignature(state.keys!.current, payload, enrol!.signature.value)).toBe(true);
  });

  it('attack 6: the page can neither name the next key nor get a checkpoint signed as a statement', async () => {
    const device = await electronDevice();
    const { state } = device.store.snapshot;
    const planted = await generateSigningKey();
    // Main signs a checkpoint only with a next key it makes; the planted one is refused at the gate.
    expect(
      await device.api.signCheckpoint({
        log: device.name,
        device: state.identity!.deviceId,
        keyIndex: 0,
        head: { seq: state.head.seq, hash: state.head.hash },
        rows: [],
        nextKey: planted.publicKey,
      } as never),
    ).toEqual({ ok: false, error: 'invalid-payload' });
    // Nor will main sign the checkpoint's payload as a "statement".
    expect(
      await device.api.signStatement({
        log: device.name,
        device: state.identity!.deviceId,
        keyIndex: 0,
        payload: { purpose: 'counter-steps/checkpoint' } as never,
      }),
    ).toEqual({ ok: false, error: 'invalid-payload' });
  });

  it('attack 7: the database rolled back is found at the next start, and main no longer signs for the old head', async () => {
    const device = await electronDevice();
    const before = device.store.snapshot.state.head.seq;
    await device.must({ type: 'sign-out' });
    expect(device.store.snapshot.state.keys?.index).toBe(1);
    // Put back the database as it was before the sign-out (the witness lives in main: untouched).
    await withRawDb(device.name, async (db) => {
      const later = (await db.events.toCollection().primaryKeys()).filter((seq) => seq > before);
      await db.events.bulkDelete(later);
    });
    const store = await device.reopen();
    expect(store.snapshot.integrity).toMatchObject({ kind: 'records-missing', afterSeq: before });
    // Key 0, which the rolled-back log would sign with, was destroyed in main.
    expect(store.snapshot.signingKeyMissing).toBe(true);
  });

  it('attack 8: a record rewritten after the last checkpoint, every hash made again, is found; the witness will not move past it', async () => {
    const device = await electronDevice();
    const rows = await withRawDb(device.name, (db) => db.events.orderBy(':id').toArray());
    const head = device.store.snapshot.state.head;
    // Rewrite the account's role and re-hash it and everything after it, as DevTools would.
    const target = (rows as Record<string, unknown>[]).findIndex(
      (row) =>
        (row.event as { type: string }).type === 'account-created' &&
        row.staffNo === MANAGER.staffNo &&
        (row.event as { subject: string }).subject === CLERK.staffNo,
    );
    expect(target).toBeGreaterThan(0);
    const forged = rows.map((row) => ({ ...(row as Record<string, unknown>) }));
    forged[target] = {
      ...forged[target],
      event: { ...(forged[target]!.event as object), role: 'manager' },
    };
    for (let index = target; index < forged.length; index += 1) {
      if (index > 0) forged[index]!.prevHash = forged[index - 1]!.hash;
      forged[index]!.hash = await hashOf(forged[index]);
    }
    await withRawDb(device.name, (db) => db.events.bulkPut(forged));
    const forgedHead = { seq: head.seq, hash: forged.at(-1)!.hash as string };
    // The witness in main is at the real head: the forged chain does not lead from it.
    expect(
      await device.api.advanceWitness({
        log: device.name,
        head: { seq: head.seq + 1, hash: 'f'.repeat(64) },
        rows: [],
      }),
    ).toEqual({ ok: false, error: 'unlinked' });
    expect(forgedHead.hash).not.toBe(head.hash);
    const store = await device.reopen();
    expect(store.snapshot.integrity).toEqual({ kind: 'witness-mismatch', seq: head.seq });
  });
});
