/**
 * Figures for the hot paths (`npm run bench`): what a tap costs in the domain, how long verifying
 * a day's chain takes, and one append through Dexie (on fake IndexedDB in Node: a lower bound on
 * the work, not the disk; the e2e suite exercises the real thing).
 */
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { decide, foldService, type TimedEvent } from '../../renderer/domain/engine';
import { GENESIS_HASH, type LogRecord } from '../../renderer/domain/events';
import { canonicalize, sealRecord, verifyChain } from '../../renderer/domain/hash-chain';
import { PBKDF2_ITERATIONS, hashPin, verifyPin } from '../../renderer/domain/pin';
import {
  PLAIN_ALWAYS_STEPS,
  T0,
  context,
  startCommand,
  ServiceDriver,
  staffedDevice,
} from '../unit/helpers/builders';

function busyService(): TimedEvent[] {
  const driver = new ServiceDriver().started();
  driver.done(...PLAIN_ALWAYS_STEPS);
  for (let i = 0; i < 20; i += 1) driver.done('both-hands');
  return driver.log.map(({ atMs, event }) => ({ serviceId: 'service-1', atMs, event }));
}

async function dayOfRecords(count: number): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const record = await sealRecord({
      v: 1,
      seq,
      id: crypto.randomUUID(),
      at: new Date(T0 + seq * 1000).toISOString(),
      mono: { boot: 'bench', ms: seq * 1000 },
      staffNo: '1001',
      counter: '3',
      serviceId: crypto.randomUUID(),
      event: { type: 'step-done', stepId: 'greet-aloud' },
      prevHash,
    });
    records.push(record);
    prevHash = record.hash;
  }
  return records;
}

const service = busyService();
const state = foldService(service);
// A busy counter: about 120 customers × 25 events in a business day.
const day = await dayOfRecords(3_000);
const credential = await hashPin('1001', '246810', PBKDF2_ITERATIONS);

describe('a tap, in the domain', () => {
  bench('fold a 30-event service', () => {
    foldService(service);
  });
  bench('decide a step done', () => {
    decide(state, { type: 'mark-done', stepId: 'greet-aloud' }, context());
  });
  bench('canonicalise and seal one record', async () => {
    await sealRecord({ ...day[0]!, seq: 1 });
  });
  bench('canonicalise one record', () => {
    canonicalize(day[0]);
  });
});

describe("verifying a day's chain", () => {
  bench(
    'verify 3,000 records',
    async () => {
      await verifyChain(day);
    },
    { iterations: 5 },
  );
});

describe('the command path through storage (fake IndexedDB)', async () => {
  const { repos } = await staffedDevice();
  await repos.services.execute(startCommand());
  bench(
    'execute one command (check session, read state, decide, seal, append)',
    async () => {
      await repos.services.execute({ type: 'mark-done', stepId: 'both-hands' });
    },
    { iterations: 200 },
  );
});

describe('checking a PIN (what sign-in and unlock wait for)', () => {
  bench(
    'PBKDF2-HMAC-SHA256, 600,000 iterations',
    async () => {
      await verifyPin(credential, '246810');
    },
    { iterations: 5 },
  );
});
