/**
 * The demo's tablets are the app's store: every command the demo generator runs, replayed on a
 * store opened as the app opens it (same clock, same ids, same keys and salts), gives the very
 * same records, byte for byte — sealing, checkpoints, PIN commitments, exports and all. And a
 * demo tablet leaves nothing behind: its scratch database is deleted once its export is made.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExecutedCommand } from '../../../../renderer/demo/demo-device';
import { exportCounter, simulateCounter } from '../../../../renderer/demo/generate';
import { Random } from '../../../../renderer/demo/random';
import { openStore, memoryWitness, type Clock } from '../../../../renderer/storage';
import { rawRows } from '../../helpers/builders';

/**
 * Makes the randomness the two runs would otherwise not share repeat itself: the PIN salts
 * (getRandomValues) and the signing keys (generateKey), each run handed the same ones in order.
 */
async function repeatableRandomness() {
  const subtle = globalThis.crypto.subtle;
  const generate = subtle.generateKey.bind(subtle);
  const keys: CryptoKeyPair[] = [];
  for (let n = 0; n < 64; n += 1) {
    keys.push((await generate({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair);
  }
  let nextKey = 0;
  let nextByte = 0;
  vi.spyOn(subtle, 'generateKey').mockImplementation((async () => {
    const key = keys[nextKey++];
    if (!key) throw new Error('more keys than the test made');
    return key;
  }) as unknown as typeof subtle.generateKey);
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(
    <T extends ArrayBufferView | null>(array: T): T => {
      const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength);
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = (nextByte++ * 37) & 0xff;
      return array;
    },
  );
  return () => {
    nextKey = 0;
    nextByte = 0;
  };
}

afterEach(() => vi.restoreAllMocks());

describe('a demo tablet', () => {
  it(
    'stores, for every command the generator runs, byte for byte the records the app’s store stores',
    { timeout: 120_000 },
    async () => {
      const restart = await repeatableRandomness();
      const journal: ExecutedCommand[] = [];
      const { device, settings } = await simulateCounter(
        {
          counters: 1,
          days: 2,
          servicesPerDay: 10,
          seed: 4,
          startDate: '2026-11-02',
          timeZone: 'Europe/Berlin',
        },
        { onExecute: (entry) => journal.push({ ...entry, boot: { ...entry.boot } }) },
      );
      await exportCounter(device, settings);
      const demoRows = await rawRows(device.name);

      // The same commands on a store opened as the app opens it, with the demo's clock and ids.
      restart();
      let entry = journal[0]!;
      const clock: Clock = {
        now: () => entry.now,
        mono: () => entry.now - entry.boot.at,
        get boot() {
          return entry.boot.id;
        },
      };
      // The demo's ids come from its seed (counter 0's id stream); the boots took some of them.
      const seeded = new Random(4, 2);
      const boots = new Set(journal.map((executed) => executed.boot.id));
      // The boot the device opened with (set up reboots it before its first command).
      seeded.uuid();
      const newId = () => {
        let id = seeded.uuid();
        while (boots.has(id)) id = seeded.uuid();
        return id;
      };
      const name = `replay-${crypto.randomUUID()}`;
      const store = await openStore({
        name,
        clock,
        display: true,
        pinIterations: 1_000,
        witness: memoryWitness(),
        newId,
      });
      for (const executed of journal) {
        entry = executed;
        await store.execute(executed.command);
      }
      store.close();
      const appRows = await rawRows(name);

      expect(demoRows.length).toBeGreaterThan(200);
      const types = new Set(demoRows.map((row) => (row.event as { type: string }).type));
      for (const type of ['pin-set', 'checkpoint', 'service-rated', 'export-made'])
        expect(types, type).toContain(type);
      expect(JSON.stringify(appRows)).toBe(JSON.stringify(demoRows));
      await device.close();
    },
  );
});
