import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcementClips } from '../../../../core/domain/call-announcement';
import { CallAudioError, type CallPlayer } from '../../../../renderer/platform/call-player';
import {
  CALL_VOLUME_KEY,
  DEFAULT_CALL_VOLUME,
  callFailure,
  createTicketCaller,
} from '../../../../renderer/platform/ticket-caller';

/** A player that starts every call at once and is heard at once; it records what it was given. */
function fakePlayer() {
  const calls: string[][] = [];
  const volumes: number[] = [];
  let last: readonly string[] | undefined;
  const player: CallPlayer = {
    call: async (clips, onStarted) => {
      last = clips;
      calls.push([...clips]);
      onStarted?.(clips);
    },
    repeat: async (onStarted) => {
      if (!last) return;
      calls.push([...last]);
      onStarted?.(last);
    },
    hasCalled: () => last !== undefined,
    whenQuiet: async () => undefined,
    setVolume: (volume) => void volumes.push(volume),
  };
  return { player, calls, volumes };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the ticket caller', () => {
  it('calls the clips for the ticket, counter and language, and says which it started', async () => {
    const { player, calls } = fakePlayer();
    const caller = createTicketCaller(player);
    const call = caller.callTicket({ ticket: 'A025', counter: '3', locale: 'zh-TW' });
    expect(await call.started).toEqual(announcementClips('A025', '3', 'zh-CN'));
    await call.heard;
    expect(calls).toEqual([announcementClips('A025', '3', 'zh-CN')]);
  });

  it('repeats the last call, and has nothing to repeat before the first', async () => {
    const { player, calls } = fakePlayer();
    const caller = createTicketCaller(player);
    expect(caller.repeatCall()).toBeNull();
    await caller.callTicket({ ticket: 'B7', counter: '12', locale: 'en' }).heard;
    const again = caller.repeatCall();
    expect(await again?.started).toEqual(announcementClips('B7', '12', 'en'));
    expect(calls).toHaveLength(2);
  });

  it('says a ticket it cannot read aloud was not heard, without playing anything', async () => {
    const { player, calls } = fakePlayer();
    const call = createTicketCaller(player).callTicket({ ticket: '', counter: '3', locale: 'en' });
    await expect(call.heard).rejects.toThrow(RangeError);
    expect(callFailure(await call.heard.catch((error: unknown) => error))).toBe('unreadable');
    expect(calls).toEqual([]);
  });

  it('names the audio failure the player reports', () => {
    expect(callFailure(new CallAudioError('clip-missing', 'en/one'))).toBe('clip-missing');
    expect(callFailure(new CallAudioError('playback-stalled', null))).toBe('playback-stalled');
  });

  it('keeps the volume on the device, between silent and as recorded', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const { player, volumes } = fakePlayer();
    const caller = createTicketCaller(player);
    expect(caller.callVolume()).toBe(DEFAULT_CALL_VOLUME);
    caller.setCallVolume(0.5);
    caller.setCallVolume(7);
    caller.setCallVolume(Number.NaN);
    expect(volumes).toEqual([DEFAULT_CALL_VOLUME, 0.5, 1, 0]);
    expect(storage.items.get(CALL_VOLUME_KEY)).toBe('0');
    // A new window of the app starts at the stored volume.
    storage.setItem(CALL_VOLUME_KEY, '0.25');
    const next = fakePlayer();
    createTicketCaller(next.player);
    expect(next.volumes).toEqual([0.25]);
  });

  it('ignores a stored volume that is not one', () => {
    vi.stubGlobal('localStorage', memoryStorage({ [CALL_VOLUME_KEY]: 'loud' }));
    expect(createTicketCaller(fakePlayer().player).callVolume()).toBe(DEFAULT_CALL_VOLUME);
  });
});
