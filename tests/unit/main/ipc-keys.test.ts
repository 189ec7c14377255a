// @vitest-environment node
/** The key channels end to end through main's gate: the page asks, main signs and keeps the keys. */
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../core/domain/log/events';
import { checkpointPayload, verifySignature } from '../../../core/domain/log/signing';
import { APP, setup } from './ipc-support';
import { DEVICE, headOf, records } from './log-rows';

const LOG = 'counter-steps';

describe('the key channels', () => {
  it('a first key, a checkpoint over witnessed rows, and the old key gone once the witness passes it', async () => {
    const { handlers } = setup();
    const first = await handlers.firstKey(APP, [{ log: LOG }]);
    if (!first.ok) throw new Error(first.error);
    const rows = await records({ seq: 0, hash: GENESIS_HASH }, 3);
    expect(
      await handlers.advanceWitness(APP, [
        { log: LOG, head: headOf(rows.slice(0, 1)), rows: rows.slice(0, 1) },
      ]),
    ).toEqual({ ok: true, value: null });
    const request = {
      log: LOG,
      device: DEVICE,
      keyIndex: 0,
      head: headOf(rows),
      rows: rows.slice(1),
    };
    const signed = await handlers.signCheckpoint(APP, [request]);
    if (!signed.ok) throw new Error(signed.error);
    const payload = checkpointPayload({
      device: DEVICE,
      upToSeq: 3,
      upToHash: headOf(rows).hash,
      keyIndex: 0,
      nextKey: signed.value.nextKey,
    });
    expect(await verifySignature(first.value.publicKey, payload, signed.value.signature)).toBe(
      true,
    );
    expect(await handlers.keyInForce(APP, [{ log: LOG, device: DEVICE }])).toEqual({
      ok: true,
      value: 0,
    });

    const checkpointRow = await records(headOf(rows), 1);
    const all = [...rows.slice(1), ...checkpointRow];
    expect(
      await handlers.advanceWitness(APP, [{ log: LOG, head: headOf(checkpointRow), rows: all }]),
    ).toEqual({ ok: true, value: null });
    expect(await handlers.keyInForce(APP, [{ log: LOG, device: DEVICE }])).toEqual({
      ok: true,
      value: 1,
    });
    // Behind the witness now, and key 0 is gone for the witnessed head too.
    expect(await handlers.signCheckpoint(APP, [request])).toEqual({
      ok: false,
      error: 'not-witnessed',
    });
    expect(
      await handlers.signCheckpoint(APP, [{ ...request, head: headOf(checkpointRow), rows: [] }]),
    ).toEqual({
      ok: false,
      error: 'key-index',
    });
  });

  it('refuses a checkpoint request that names its own next key, and a checkpoint dressed as a statement', async () => {
    const { handlers } = setup();
    await handlers.firstKey(APP, [{ log: LOG }]);
    const head = { seq: 1, hash: 'a'.repeat(64) };
    const nextKey = { kty: 'OKP', crv: 'Ed25519', x: 'planted' };
    expect(
      await handlers.signCheckpoint(APP, [
        { log: LOG, device: DEVICE, keyIndex: 0, head, rows: [], nextKey },
      ]),
    ).toEqual({ ok: false, error: 'invalid-payload' });
    const payload = checkpointPayload({
      device: DEVICE,
      upToSeq: 1,
      upToHash: head.hash,
      keyIndex: 0,
      nextKey: nextKey as never,
    });
    expect(
      await handlers.signStatement(APP, [{ log: LOG, device: DEVICE, keyIndex: 0, payload }]),
    ).toEqual({ ok: false, error: 'invalid-payload' });
  });
});
