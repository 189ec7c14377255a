/**
 * The attacks of the trust model, done the way someone with the browser profile (DevTools) would
 * do them: open IndexedDB, edit or add rows, recompute every hash, copy credentials, use the
 * device's current signing key. Each ends in a refused sign-in or a verification that names the
 * record and why. Also: the upgrade of a log written by release 0.1.0.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../../core/domain/access/pin';
import { checkpointPayload, sign } from '../../../../core/domain/log/signing';
import { hashOf } from '../../../../core/domain/log/records';
import { memoryWitness, openStore } from '../../../../renderer/storage';
import {
  AUDITOR,
  CLERK,
  MANAGER,
  fullService,
  rawRows,
  staffedDevice,
  startCommand,
  testDevice,
  withRawDb,
} from '../../helpers/builders';

type Row = Record<string, unknown> & {
  seq: number;
  hash: string;
  prevHash: string;
  event: Record<string, unknown>;
};

/**
 * Rewrites rows from index `from` on, recomputing every hash and link after the change, and the
 * head each checkpoint names (its signature cannot be recomputed without the key that made it).
 */
async function rehash(rows: Row[], from = 0): Promise<Row[]> {
  const out = rows.map((row) => structuredClone(row));
  for (let index = Math.max(from, 0); index < out.length; index += 1) {
    const row = out[index]!;
    if (index > 0) row.prevHash = out[index - 1]!.hash;
    if (row.event.type === 'checkpoint') row.event.upToHash = row.prevHash;
    row.hash = await hashOf(row);
  }
  return out;
}

async function replaceLog(name: string, rows: Row[]) {
  await withRawDb(name, async (db) => {
    await db.events.clear();
    await db.events.bulkAdd(rows);
  });
}

/** Appends a forged row after the head, linked and hashed as the app would. */
async function appendForged(name: string, make: (last: Row) => Partial<Row>) {
  const rows = (await rawRows(name)) as Row[];
  const last = rows.at(-1)!;
  const forged = {
    ...last,
    id: crypto.randomUUID(),
    seq: last.seq + 1,
    prevHash: last.hash,
    ...make(last),
  } as Row;
  forged.hash = await hashOf(forged);
  await withRawDb(name, (db) => db.events.add(forged));
}

describe('a log written by release 0.1.0 (schema v1)', () => {
  async function v1Device() {
    const fixture = JSON.parse(readFileSync('tests/fixtures/release-0.1.0.json', 'utf8')) as {
      events: Row[];
      credentials: { key: number; value: unknown }[];
    };
    const name = `fixture-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      events: 'seq, serviceId, event.type, [staffNo+event.type]',
      credentials: '++id, staffNo',
    });
    await v1.table('events').bulkAdd(fixture.events);
    for (const { key, value } of fixture.credentials) await v1.table('credentials').add(value, key);
    v1.close();
    return { name, fixture };
  }

  it('upgrades in place: every v1 record kept byte for byte, a device identity and a first checkpoint after them', async () => {
    const { name, fixture } = await v1Device();
    const store = await openStore({ name, pinIterations: 600_000, witness: memoryWitness() });
    const rows = (await rawRows(name)) as Row[];
    expect(rows.slice(0, fixture.events.length)).toEqual(fixture.events);
    expect(
      rows.slice(fixture.events.length).map((row) => [row.v, row.staffNo, row.event.type]),
    ).toEqual([
      [2, null, 'device-identity'],
      [2, null, 'log-upgraded'],
      [2, null, 'checkpoint'],
    ]);
    expect(rows.at(-2)!.event).toMatchObject({
      fromSchema: 1,
      credentials: [MANAGER.staffNo, CLERK.staffNo, AUDITOR.staffNo].map((subject) => ({
        subject,
        commitment: expect.any(String),
      })),
    });
    expect(await store.verify()).toMatchObject({
      intact: true,
      count: fixture.events.length + 3,
      sealedUpTo: fixture.events.length + 2,
    });
    // Opening it again upgrades nothing twice.
    store.close();
    const again = await openStore({ name, pinIterations: 600_000 });
    expect((await rawRows(name)).length).toBe(rows.length);
    again.close();
  });

  it('keeps the PINs people chose under release 0.1.0 working', async () => {
    const { name } = await v1Device();
    const store = await openStore({ name, pinIterations: 600_000 });
    expect(
      await store.execute({ type: 'sign-in', staffNo: CLERK.staffNo, pin: '999999' }),
    ).toMatchObject({
      error: { code: 'wrong-pin' },
    });
    expect(await store.execute({ type: 'sign-in', ...CLERK })).toMatchObject({ ok: true });
    expect(await store.verify()).toMatchObject({ intact: true });
    store.close();
  }, 20_000);
});

describe('credentials put there by hand', () => {
  it('are never used: a row with one PBKDF2 iteration for the manager does not let anyone in', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    const forged = await hashPin(MANAGER.staffNo, '111222', 1);
    await withRawDb(device.name, (db) => db.credentials.add({ ...forged, eventSeq: null }));
    expect(
      await device.store.execute({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: '111222' }),
    ).toMatchObject({
      error: { code: 'credential-untrusted' },
    });
    expect((await rawRows(device.name)).at(-1)!.event).toMatchObject({
      type: 'sign-in-failed',
      reason: 'credential-mismatch',
    });
  });

  it('are never used when copied from another account either', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'lock', reason: 'manual' });
    await withRawDb(device.name, async (db) => {
      const rows = (await db.credentials
        .where('staffNo')
        .equals(CLERK.staffNo)
        .toArray()) as Record<string, unknown>[];
      const { id: _id, ...clerks } = rows.at(-1)!;
      await db.credentials.add({ ...clerks, staffNo: MANAGER.staffNo });
    });
    expect(
      await device.store.execute({ type: 'sign-in', staffNo: MANAGER.staffNo, pin: CLERK.pin }),
    ).toMatchObject({
      error: { code: 'credential-untrusted' },
    });
  });
});

describe('records forged in IndexedDB, every hash recomputed', () => {
  it('a clerk’s sign-in claiming the manager role opens no session, and verify names it', async () => {
    const device = await staffedDevice();
    await device.must({ type: 'sign-out' });
    await appendForged(device.name, (last) => ({
      staffNo: CLERK.staffNo,
      event: { type: 'signed-in', role: 'manager' },
      at: last.at as string,
    }));
    const reloaded = await device.reopen();
    // Not signed by the clerk's key (decision 0063): no session at all.
    expect(reloaded.snapshot.state.session).toBeNull();
    expect(
      await reloaded.execute({
        type: 'create-account',
        staffNo: '9002',
        role: 'manager',
        pin: '975318',
        confirmation: '975318',
      }),
    ).toMatchObject({ error: { code: 'not-signed-in' } });
    const seq = ((await rawRows(device.name)) as Row[]).find(
      (row) => row.event.role === 'manager' && row.staffNo === CLERK.staffNo,
    )!.seq;
    expect(reloaded.snapshot.logCheck).toMatchObject({
      kind: 'rule',
      seq,
      rule: 'signature-missing',
      staffNo: CLERK.staffNo,
    });
    expect(await reloaded.verify()).toMatchObject({
      intact: false,
      problem: { kind: 'rule', seq, rule: 'role-mismatch' },
    });
  });

  it('a clerk’s own role rewritten to manager in every record, re-hashed, breaks the manager’s signature on it', async () => {
    const device = await staffedDevice();
    const rows = (await rawRows(device.name)) as Row[];
    const index = rows.findIndex(
      (row) => row.event.type === 'account-created' && row.event.subject === CLERK.staffNo,
    );
    rows[index]!.event.role = 'manager';
    for (const row of rows)
      if (row.staffNo === CLERK.staffNo && row.event.type === 'signed-in')
        row.event.role = 'manager';
    await replaceLog(device.name, await rehash(rows, index));
    const reloaded = await device.reopen();
    const verdict = await reloaded.verify();
    // The manager signed the account's creation as it was (decision 0063); before that, the
    // first checkpoint after it was what caught the change.
    expect(verdict).toMatchObject({
      intact: false,
      problem: {
        kind: 'rule',
        seq: rows[index]!.seq,
        rule: 'signature-invalid',
        staffNo: MANAGER.staffNo,
      },
    });
  });

  it('the newest records deleted: the witness says records are missing, at start and in verify', async () => {
    const device = await staffedDevice();
    await fullService(device);
    const rows = (await rawRows(device.name)) as Row[];
    await replaceLog(device.name, rows.slice(0, -3));
    const reloaded = await device.reopen();
    expect(reloaded.snapshot.integrity).toEqual({
      kind: 'records-missing',
      afterSeq: rows.length - 3,
      witnessSeq: rows.length,
    });
    expect(await reloaded.verify()).toMatchObject({
      intact: false,
      problem: { kind: 'records-missing', afterSeq: rows.length - 3, witnessSeq: rows.length },
    });
    // New records do not move the witness back over the gap.
    await reloaded.execute(startCommand({ ticket: 'B001' }));
    expect(device.witness.head?.seq).toBe(rows.length);
  });

  it('the tail deleted and a record appended in its place: the witness sees another history', async () => {
    const device = await staffedDevice();
    await fullService(device);
    const rows = (await rawRows(device.name)) as Row[];
    await replaceLog(device.name, rows.slice(0, -1));
    await appendForged(device.name, () => ({
      event: { type: 'step-done', stepId: 'stand-to-greet' },
    }));
    const reloaded = await device.reopen();
    expect(reloaded.snapshot.integrity).toEqual({ kind: 'witness-mismatch', seq: rows.length });
  });
});

describe('forward security', () => {
  it('keeps only the signing key in force: every earlier private key is destroyed', async () => {
    const device = await staffedDevice();
    const keys = await withRawDb(device.name, (db) => db.keys.toArray());
    expect(keys.map((key) => key.index)).toEqual([device.store.snapshot.state.keys!.index]);
    expect(device.store.snapshot.state.keys!.index).toBeGreaterThan(1);
  });

  it('someone holding the device’s current key cannot rewrite what an earlier checkpoint sealed', async () => {
    const device = await staffedDevice();
    await fullService(device);
    await device.must({ type: 'sign-out' });
    const rows = (await rawRows(device.name)) as Row[];
    // Change a money amount sealed long ago, re-hash everything after it…
    const index = rows.findIndex((row) => row.event.type === 'money-announced');
    rows[index]!.event = { ...rows[index]!.event, dueFen: 1, changeFen: 9999 };
    const rewritten = await rehash(rows, index);
    // …and re-sign every checkpoint after it with the only key there is: the current one.
    const current = (await withRawDb(device.name, (db) => db.keys.toArray()))[0]!;
    const deviceId = device.store.snapshot.state.identity!.deviceId;
    for (let at = index; at < rewritten.length; at += 1) {
      const row = rewritten[at]!;
      if (row.event.type !== 'checkpoint') continue;
      row.event.upToHash = rewritten[at - 1]!.hash;
      row.event.signature = await sign(
        current,
        checkpointPayload({
          device: deviceId,
          upToSeq: row.event.upToSeq as number,
          upToHash: row.event.upToHash as string,
          keyIndex: row.event.keyIndex as number,
          nextKey: row.event.nextKey as never,
        }),
      );
      rewritten.splice(
        at,
        rewritten.length - at,
        ...(await rehash(rewritten.slice(at - 1), 1)).slice(1),
      );
    }
    await replaceLog(device.name, rewritten);
    const firstCheckpointAfter = rewritten.find(
      (row, at) => at > index && row.event.type === 'checkpoint',
    )!;
    const verdict = await (await device.reopen()).verify();
    expect(verdict).toMatchObject({
      intact: false,
      problem: { kind: 'checkpoint-signature', seq: firstCheckpointAfter.seq },
    });
  });
});

describe('the witness on a fresh device', () => {
  it('follows the head after every command', async () => {
    const device = await testDevice();
    await device.must({
      type: 'first-run',
      counter: '3',
      staffNo: MANAGER.staffNo,
      pin: MANAGER.pin,
      confirmation: MANAGER.pin,
    });
    const rows = (await rawRows(device.name)) as Row[];
    expect(device.witness.head).toEqual({ seq: rows.length, hash: rows.at(-1)!.hash });
  });
});
