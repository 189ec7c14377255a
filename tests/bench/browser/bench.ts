/**
 * The storage path in a real browser: real IndexedDB with strict durability, real WebCrypto.
 * Built and driven by scripts/bench-browser.mjs; the figures land on `window.benchResult`.
 */
import { openStore } from '../../../renderer/storage';

interface Figure {
  name: string;
  samples: number;
  medianMs: number;
  p95Ms: number;
}

async function time(
  name: string,
  samples: number,
  work: (index: number) => Promise<unknown>,
): Promise<Figure> {
  const durations: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const start = performance.now();
    await work(index);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return { name, samples, medianMs: at(0.5), p95Ms: at(0.95) };
}

async function run(): Promise<Figure[]> {
  const store = await openStore({ name: `bench-${Date.now()}` });
  const figures: Figure[] = [];
  figures.push(
    await time('first run (PBKDF2 600k, signing key, 5 records)', 1, () =>
      store.execute({
        type: 'first-run',
        counter: '3',
        staffNo: '9001',
        pin: '246810',
        confirmation: '246810',
      }),
    ),
  );
  figures.push(
    await time('lock and unlock (PBKDF2 600k + 2 records)', 5, async () => {
      await store.execute({ type: 'lock', reason: 'manual' });
      await store.execute({ type: 'unlock', staffNo: null, pin: '246810' });
    }),
  );
  await store.execute({
    type: 'start-service',
    ticket: 'A001',
    title: 'mr',
    surname: null,
    businessType: 'enquiry',
  });
  const serviceId = store.snapshot.state.service!.serviceId;
  figures.push(
    await time('one tap: execute a command (decide, seal, strict write, fold)', 200, () =>
      store.execute({ type: 'mark-done', serviceId, stepId: 'both-hands' }),
    ),
  );
  const count = store.snapshot.state.head.seq;
  figures.push(await time(`verify the whole log (${count} records)`, 3, () => store.verify()));
  return figures;
}

declare global {
  interface Window {
    benchResult?: Figure[] | { error: string };
  }
}

run().then(
  (figures) => (window.benchResult = figures),
  (error: unknown) => (window.benchResult = { error: String(error) }),
);
