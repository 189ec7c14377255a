/**
 * The storage path in a real browser: real IndexedDB with strict durability, real WebCrypto.
 * Built and driven by scripts/bench-browser.mjs; the figures land on `window.benchResult`.
 */
import { openRepositories } from '../../../renderer/storage';

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
  const { auth, services, log } = openRepositories(`bench-${Date.now()}`);
  const figures: Figure[] = [];
  figures.push(
    await time('first run (1 PIN hash, PBKDF2 600k + 4 events)', 1, () =>
      auth.firstRun({ counter: '3', staffNo: '9001', pin: '246810', confirmation: '246810' }),
    ),
  );
  figures.push(
    await time('sign-in (PBKDF2 600k + 1 event)', 5, () => auth.signIn('9001', '246810')),
  );
  await services.execute({
    type: 'start-service',
    ticket: 'A001',
    title: 'mr',
    surname: null,
    businessType: 'enquiry',
  });
  figures.push(
    await time('one tap: execute a command (session, fold, decide, seal, strict write)', 200, () =>
      services.execute({ type: 'mark-done', stepId: 'both-hands' }),
    ),
  );
  figures.push(
    await time('read back the open service (live query work)', 50, () => services.latest()),
  );
  const count = (await log.readAll()).length;
  figures.push(await time(`verify the whole chain (${count} records)`, 3, () => log.verify()));
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
