/**
 * Figures for the hot paths (`npm run bench`): what a tap costs in the domain, how long verifying
 * a day's log takes, and one command through the store (on fake IndexedDB in Node: a lower bound
 * on the work, not the disk; scripts/bench-browser.mjs times the real thing).
 */
import { bench, describe } from 'vitest';
import { PBKDF2_ITERATIONS, hashPin, verifyPin } from '../../core/domain/access/pin';
import { decide } from '../../core/domain/device/decide';
import { canonicalize } from '../../core/domain/log/canonical';
import { rawRows, staffedDevice, startCommand } from '../unit/helpers/builders';
import {
  evolveService,
  type TimedEvent,
  type ServiceState,
} from '../../core/domain/service/engine';
import { sealRecord } from '../../core/domain/log/records';
import { verifyRows } from '../../core/domain/log/verify';

// A busy counter: about 120 customers in a business day, each ~25 records.
const device = await staffedDevice();
for (let customer = 0; customer < 120; customer += 1) {
  await device.must(startCommand({ ticket: `A${String(customer).padStart(3, '0')}` }));
  for (const stepId of [
    'stand-to-greet',
    'eye-contact-smile',
    'greet-aloud',
    'check-ticket',
    'invite-to-sit',
    'ask-needs',
    'address-by-surname',
  ] as const) {
    await device.must({ type: 'mark-done', stepId });
  }
  await device.must({ type: 'recommend', offer: 'broadband', response: 'declined' });
  await device.must({ type: 'mark-done', stepId: 'confirm-anything-else' });
  await device.must({ type: 'mark-done', stepId: 'stand-to-see-off' });
  await device.must({ type: 'call-next', nextTicket: 'B001' });
}
const day = await rawRows(device.name);
const records = day.slice(-30) as unknown as TimedEvent[];
await device.must(startCommand({ ticket: 'C001' }));
const state = device.store.snapshot.state;
const serviceId = state.service!.serviceId;
const credential = await hashPin('1001', '246810', PBKDF2_ITERATIONS);

describe('a tap, in the domain', () => {
  bench('fold a 30-record service', () => {
    records.reduce<ServiceState | null>(
      (service, record) => evolveService(service, { ...record, atMs: 0 }),
      null,
    );
  });
  bench('decide a step done', () => {
    decide(
      state,
      { type: 'mark-done', serviceId, stepId: 'greet-aloud' },
      { now: Date.now(), newId: 'x' },
    );
  });
  bench('canonicalise and seal one record', async () => {
    const { hash: _hash, ...unsealed } = day.at(-1) as Record<string, unknown>;
    await sealRecord(unsealed as never);
  });
  bench('canonicalise one record', () => {
    canonicalize(day.at(-1));
  });
});

describe("verifying a day's log", () => {
  bench(
    `verify ${day.length} records (hashes, links, rules, signatures)`,
    async () => {
      await verifyRows(day);
    },
    { iterations: 5 },
  );
});

describe('the command path through the store (fake IndexedDB)', () => {
  bench(
    'execute one command (decide, seal, append, fold)',
    async () => {
      await device.store.execute({ type: 'mark-done', serviceId, stepId: 'both-hands' });
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
