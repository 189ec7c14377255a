/**
 * The single-writer lock kept between commands: one page asks the browser once and keeps the
 * lock, another page that wants it gets it once the holder's work in hand is done, and work never
 * overlaps. A small Web Locks stand-in (exclusive, FIFO, `ifAvailable`) stands for the browser's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriterLock } from '../../../../renderer/storage/writer-lock';

type Callback = (lock: { name: string } | null) => unknown;

function fakeLocks() {
  let held = false;
  const queue: (() => void)[] = [];
  let requests = 0;
  const grant = (name: string, callback: Callback) => {
    held = true;
    void Promise.resolve(callback({ name })).finally(() => {
      held = false;
      queue.shift()?.();
    });
  };
  return {
    get requests() {
      return requests;
    },
    request(name: string, ...rest: unknown[]) {
      requests += 1;
      const callback = rest.at(-1) as Callback;
      const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean };
      if (!held) return grant(name, callback);
      if (options.ifAvailable) return void callback(null);
      queue.push(() => grant(name, callback));
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => vi.unstubAllGlobals());

describe('WriterLock', () => {
  it('keeps the lock between commands instead of asking the browser each time', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const lock = new WriterLock(`test-${Math.random()}`);
    for (let run = 0; run < 5; run += 1) await lock.run(() => tick());
    expect(locks.requests).toBe(1);
    lock.close();
  });

  it('lets another page have it once the work in hand is done, and back', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const name = `test-${Math.random()}`;
    const first = new WriterLock(name);
    const second = new WriterLock(name);
    const order: string[] = [];
    const work = (label: string) => async () => {
      order.push(`${label} starts`);
      await tick();
      order.push(`${label} ends`);
    };
    await first.run(work('a1'));
    await Promise.all([first.run(work('a2')), second.run(work('b1'))]);
    await first.run(work('a3'));
    expect(order).toEqual([
      'a1 starts',
      'a1 ends',
      'a2 starts',
      'a2 ends',
      'b1 starts',
      'b1 ends',
      'a3 starts',
      'a3 ends',
    ]);
    first.close();
    second.close();
  });

  it('runs one page’s work in order, one at a time, even when some of it fails', async () => {
    const lock = new WriterLock(`test-${Math.random()}`);
    const order: number[] = [];
    const results = await Promise.allSettled(
      [1, 2, 3].map((index) =>
        lock.run(async () => {
          order.push(index);
          await tick();
          if (index === 2) throw new Error('refused');
          order.push(index);
        }),
      ),
    );
    expect(order).toEqual([1, 1, 2, 3, 3]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    lock.close();
  });
});
