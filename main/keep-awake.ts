/**
 * Keeps the tablet's display on while a service is running. Wraps Electron's powerSaveBlocker
 * (injected) so repeated "on" calls never stack blockers and "off" is safe to repeat: the
 * renderer may call either on every screen change.
 */

export type PowerSaveBlockerType = 'prevent-display-sleep' | 'prevent-app-suspension';

/** The slice of Electron's `powerSaveBlocker` this module uses. */
export interface PowerSaveBlockerLike {
  start(type: PowerSaveBlockerType): number;
  stop(id: number): unknown;
  isStarted(id: number): boolean;
}

export interface KeepAwake {
  set(on: boolean): void;
  isOn(): boolean;
}

export function createKeepAwake(blocker: PowerSaveBlockerLike): KeepAwake {
  let blockerId: number | null = null;
  const isOn = () => blockerId !== null && blocker.isStarted(blockerId);
  return {
    isOn,
    set(on) {
      if (on) {
        if (!isOn()) blockerId = blocker.start('prevent-display-sleep');
        return;
      }
      if (blockerId !== null && blocker.isStarted(blockerId)) blocker.stop(blockerId);
      blockerId = null;
    },
  };
}
