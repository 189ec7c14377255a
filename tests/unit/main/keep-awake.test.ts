// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type PowerSaveBlockerLike,
  type PowerSaveBlockerType,
  createKeepAwake,
} from '../../../main/keep-awake';

/** Mirrors powerSaveBlocker: ids count up, stop() ends one blocker. */
class FakeBlocker implements PowerSaveBlockerLike {
  readonly started: Array<{ id: number; type: PowerSaveBlockerType }> = [];
  private readonly active = new Set<number>();
  private nextId = 1;
  start(type: PowerSaveBlockerType): number {
    const id = this.nextId++;
    this.active.add(id);
    this.started.push({ id, type });
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
  get activeCount(): number {
    return this.active.size;
  }
}

describe('createKeepAwake', () => {
  it('starts one display-sleep blocker when turned on', () => {
    const blocker = new FakeBlocker();
    const keepAwake = createKeepAwake(blocker);
    keepAwake.set(true);
    expect(blocker.started).toEqual([{ id: 1, type: 'prevent-display-sleep' }]);
    expect(keepAwake.isOn()).toBe(true);
  });

  it('does not stack blockers when turned on repeatedly', () => {
    const blocker = new FakeBlocker();
    const keepAwake = createKeepAwake(blocker);
    keepAwake.set(true);
    keepAwake.set(true);
    keepAwake.set(true);
    expect(blocker.started).toHaveLength(1);
    expect(blocker.activeCount).toBe(1);
  });

  it('stops the blocker when turned off, and off twice is harmless', () => {
    const blocker = new FakeBlocker();
    const keepAwake = createKeepAwake(blocker);
    keepAwake.set(true);
    keepAwake.set(false);
    keepAwake.set(false);
    expect(blocker.activeCount).toBe(0);
    expect(keepAwake.isOn()).toBe(false);
  });

  it('turning off before ever turning on does nothing', () => {
    const blocker = new FakeBlocker();
    createKeepAwake(blocker).set(false);
    expect(blocker.started).toEqual([]);
  });

  it('starts a fresh blocker if the previous one was stopped behind its back', () => {
    const blocker = new FakeBlocker();
    const keepAwake = createKeepAwake(blocker);
    keepAwake.set(true);
    blocker.stop(1);
    keepAwake.set(true);
    expect(blocker.activeCount).toBe(1);
    expect(blocker.started.map((s) => s.id)).toEqual([1, 2]);
  });
});
