// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/app-origin';
import {
  HANG_GRACE_MS,
  MAX_RELOADS,
  RELOAD_WINDOW_MS,
  createCrashRecovery,
  reloadTarget,
  watchRenderer,
} from '../../../main/crash-recovery';

describe('createCrashRecovery', () => {
  it('reloads after a crash', () => {
    expect(createCrashRecovery().shouldReload('crashed', 0)).toBe(true);
  });

  it('does not treat a clean exit as a crash', () => {
    expect(createCrashRecovery().shouldReload('clean-exit', 0)).toBe(false);
  });

  it('stops reloading when the renderer keeps dying within a minute', () => {
    const recovery = createCrashRecovery();
    const answers = Array.from({ length: MAX_RELOADS + 1 }, (_, i) =>
      recovery.shouldReload('oom', i * 1000),
    );
    expect(answers).toEqual([...Array<boolean>(MAX_RELOADS).fill(true), false]);
  });

  it('reloads again once the earlier crashes are old', () => {
    const recovery = createCrashRecovery();
    for (let i = 0; i < MAX_RELOADS; i += 1) recovery.shouldReload('crashed', i);
    expect(recovery.shouldReload('crashed', RELOAD_WINDOW_MS + MAX_RELOADS)).toBe(true);
  });
});

describe('reloadTarget', () => {
  it('reloads the app URL the window was on (its language kept), anything else to the entry', () => {
    expect(reloadTarget('app://counter-steps/?lang=en')).toBe('app://counter-steps/?lang=en');
    expect(reloadTarget('app://counter-steps/')).toBe(APP_ENTRY_URL);
    for (const elsewhere of ['', null, undefined, 'about:blank', 'https://example.com/']) {
      expect(reloadTarget(elsewhere)).toBe(APP_ENTRY_URL);
    }
  });
});

/** A renderer watch over a hand-moved clock and hand-fired timers, recording what it did. */
function watched(url = 'app://counter-steps/?lang=zh-TW') {
  let now = 1_000;
  const timers = new Map<number, { run: () => void; at: number }>();
  let nextTimer = 0;
  const did: string[] = [];
  const watch = watchRenderer({
    now: () => now,
    setTimer: (run, ms) => {
      nextTimer += 1;
      timers.set(nextTimer, { run, at: now + ms });
      return nextTimer;
    },
    clearTimer: (timer) => void timers.delete(timer as number),
    currentUrl: () => url,
    reload: (target) => did.push(`reload ${target}`),
    kill: () => did.push('kill'),
    log: () => undefined,
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.run();
      }
    }
  };
  return { watch, did, advance };
}

describe('watchRenderer', () => {
  it('reloads a crashed renderer into the same place', () => {
    const { watch, did } = watched();
    watch.gone('crashed');
    expect(did).toEqual(['reload app://counter-steps/?lang=zh-TW']);
  });

  it('leaves a clean exit alone', () => {
    const { watch, did } = watched();
    watch.gone('clean-exit');
    expect(did).toEqual([]);
  });

  it('gives a hung renderer its grace, then kills it and reloads it once', () => {
    const { watch, did, advance } = watched();
    watch.unresponsive();
    watch.unresponsive();
    advance(HANG_GRACE_MS - 1);
    expect(did).toEqual([]);
    advance(1);
    expect(did).toEqual(['kill', 'reload app://counter-steps/?lang=zh-TW']);
    // The killed renderer's end is the same event, not another crash to reload for.
    watch.gone('killed');
    expect(did).toHaveLength(2);
    watch.gone('crashed');
    expect(did).toHaveLength(3);
  });

  it('does nothing to a renderer that answers again within its grace', () => {
    const { watch, did, advance } = watched();
    watch.unresponsive();
    advance(HANG_GRACE_MS / 2);
    watch.responsive();
    advance(HANG_GRACE_MS);
    expect(did).toEqual([]);
  });

  it('stops reloading a renderer that keeps dying, hung or crashed', () => {
    const { watch, did, advance } = watched();
    for (let i = 0; i < MAX_RELOADS; i += 1) watch.gone('oom');
    watch.unresponsive();
    advance(HANG_GRACE_MS);
    watch.gone('crashed');
    expect(did.filter((entry) => entry.startsWith('reload'))).toHaveLength(MAX_RELOADS);
    // A hung renderer that may not be reloaded is not killed either: it may still come back.
    expect(did).not.toContain('kill');
  });

  it('reloads an app that wandered off its origin at the entry', () => {
    const { watch, did } = watched('about:blank');
    watch.gone('crashed');
    expect(did).toEqual([`reload ${APP_ENTRY_URL}`]);
  });
});

describe('main/index.ts', () => {
  it('wires the watch to the window’s crash, hang and recovery events', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../main/index.ts'), 'utf8');
    expect(source).toMatch(/webContents\.on\('render-process-gone'[^\n]*watch\.gone/);
    expect(source).toMatch(/window\.on\('unresponsive', \(\) => watch\.unresponsive\(\)\)/);
    expect(source).toMatch(/window\.on\('responsive', \(\) => watch\.responsive\(\)\)/);
  });
});
