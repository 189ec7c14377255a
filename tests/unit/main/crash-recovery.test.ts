// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_RELOADS, RELOAD_WINDOW_MS, createCrashRecovery } from '../../../main/crash-recovery';

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
