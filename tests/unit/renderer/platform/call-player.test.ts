import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CallAudioError,
  createCallPlayer,
  scheduleClips,
} from '../../../../renderer/platform/call-player';

/**
 * A stand-in for the Web Audio API, enough for the player: the test decides when a source ends.
 * A clip's "bytes" are its duration in frames at 100 frames a second, or a word that fails.
 */
const RATE = 100;

class FakeSource {
  buffer: { duration: number } | null = null;
  startedAt: number | null = null;
  stopped = false;
  connectedTo: unknown = null;
  onended: (() => void) | null = null;
  constructor(readonly context: FakeContext) {}
  connect(node: unknown) {
    this.connectedTo = node;
  }
  disconnect() {
    this.connectedTo = null;
  }
  start(at: number) {
    this.startedAt = at;
  }
  stop() {
    this.stopped = true;
  }
}

class FakeContext {
  readonly sampleRate = RATE;
  currentTime = 0;
  readonly destination = { name: 'speakers' };
  readonly sources: FakeSource[] = [];
  readonly decodes: string[] = [];
  readonly gainValues: number[] = [];
  createGain() {
    const values = this.gainValues;
    return {
      connect: vi.fn(),
      gain: {
        set value(value: number) {
          values.push(value);
        },
        setTargetAtTime: (value: number) => values.push(value),
      },
    };
  }
  createBufferSource() {
    const source = new FakeSource(this);
    this.sources.push(source);
    return source;
  }
  async decodeAudioData(bytes: ArrayBuffer) {
    const text = new TextDecoder().decode(bytes);
    this.decodes.push(text);
    if (text === 'garbage') throw new DOMException('Unable to decode audio data', 'EncodingError');
    return { duration: Number(text) / RATE, length: Number(text), sampleRate: RATE };
  }
  /** Every source started so far plays to its end (the last one's `ended` event fires). */
  finishAll() {
    const last = this.sources.filter((source) => source.startedAt !== null).at(-1);
    this.currentTime = last ? last.startedAt! + last.buffer!.duration : this.currentTime;
    for (const source of this.sources) {
      const handler = source.onended;
      source.onended = null;
      handler?.();
    }
  }
}

const CLIPS: Record<string, string> = {
  chime: '120',
  'zh-CN/qing': '30',
  'zh-CN/letter-a': '25',
  'en/ticket': '40',
  broken: 'garbage',
};

function setUp() {
  const context = new FakeContext();
  const fetched: string[] = [];
  const player = createCallPlayer({
    fetchClip: async (name) => {
      fetched.push(name);
      const bytes = CLIPS[name];
      if (bytes === undefined) throw new Error(`404 ${name}`);
      return new TextEncoder().encode(bytes).buffer;
    },
    createContext: () => context as unknown as BaseAudioContext,
  });
  return { context, fetched, player };
}

/** Lets pending promise callbacks run (fetching and decoding are asynchronous). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduling clips', () => {
  it('starts each clip exactly where the one before ends, on whole sample frames', () => {
    const context = new FakeContext();
    const buffers = [0.5, 0.25, 0.33].map((duration) => ({ duration }));
    const destination = { name: 'gain' };
    const scheduled = scheduleClips(
      context as unknown as BaseAudioContext,
      buffers as unknown as AudioBuffer[],
      destination as unknown as AudioNode,
      1.234,
    );
    expect(context.sources.map((source) => source.startedAt)).toEqual([1.24, 1.74, 1.99]);
    expect(scheduled.startsAt).toBe(1.24);
    expect(scheduled.endsAt).toBe(2.32);
    expect(context.sources.every((source) => source.connectedTo === destination)).toBe(true);
  });
});

describe('the call player', () => {
  it('plays a call back to back after a short lead, and resolves when it has ended', async () => {
    const { context, player } = setUp();
    let done = false;
    const call = player.call(['chime', 'zh-CN/qing', 'zh-CN/letter-a']).then(() => (done = true));
    await settle();
    expect(context.sources.map((source) => source.startedAt)).toEqual([0.05, 1.25, 1.55]);
    expect(done).toBe(false);
    context.finishAll();
    await call;
    expect(done).toBe(true);
  });

  it('fetches and decodes each clip once, however often it is called', async () => {
    const { context, fetched, player } = setUp();
    const first = player.call(['chime', 'zh-CN/qing', 'chime']);
    await settle();
    context.finishAll();
    await first;
    const second = player.call(['chime', 'en/ticket']);
    await settle();
    context.finishAll();
    await second;
    expect(fetched.sort()).toEqual(['chime', 'en/ticket', 'zh-CN/qing']);
    expect(context.decodes).toHaveLength(3);
  });

  it('never overlaps calls: the next one starts only after the previous one has ended', async () => {
    const { context, player } = setUp();
    const first = player.call(['chime', 'zh-CN/qing']);
    const second = player.call(['en/ticket']);
    await settle();
    expect(context.sources).toHaveLength(2);
    context.finishAll();
    await first;
    await settle();
    expect(context.sources).toHaveLength(3);
    expect(context.sources[2]!.startedAt).toBeCloseTo(1.55 + 0.05);
    context.finishAll();
    await second;
  });

  it('repeats the last call, and does nothing when nothing was called yet', async () => {
    const { context, player } = setUp();
    await player.repeat();
    expect(context.sources).toHaveLength(0);
    const call = player.call(['chime', 'en/ticket']);
    await settle();
    context.finishAll();
    await call;
    const again = player.repeat();
    await settle();
    expect(context.sources.slice(2).map((source) => source.buffer!.duration)).toEqual([1.2, 0.4]);
    context.finishAll();
    await again;
  });

  it('tells the caller which clips it scheduled, only once they are decoded and started', async () => {
    const { context, player } = setUp();
    const started: string[][] = [];
    expect(player.hasCalled()).toBe(false);
    const call = player.call(['chime', 'en/ticket'], (clips) => started.push([...clips]));
    expect(started).toEqual([]);
    await settle();
    expect(started).toEqual([['chime', 'en/ticket']]);
    expect(context.sources).toHaveLength(2);
    context.finishAll();
    await call;
    const again = player.repeat((clips) => started.push([...clips]));
    await settle();
    expect(started).toEqual([
      ['chime', 'en/ticket'],
      ['chime', 'en/ticket'],
    ]);
    expect(player.hasCalled()).toBe(true);
    context.finishAll();
    await again;
    const missing = player.call(['chime', 'nowhere'], (clips) => started.push([...clips]));
    await expect(missing).rejects.toThrow(CallAudioError);
    expect(started).toHaveLength(2);
  });

  it('rejects a call with a missing clip, plays none of it, and keeps the queue going', async () => {
    const { context, player } = setUp();
    const failing = player.call(['chime', 'zh-CN/nowhere']);
    const next = player.call(['en/ticket']);
    await expect(failing).rejects.toMatchObject({
      name: 'CallAudioError',
      reason: 'clip-missing',
      clip: 'zh-CN/nowhere',
    });
    await expect(failing).rejects.toBeInstanceOf(CallAudioError);
    await settle();
    expect(context.sources.map((source) => source.buffer!.duration)).toEqual([0.4]);
    context.finishAll();
    await next;
  });

  it('rejects a call with an undecodable clip, and tries the clip again on the next call', async () => {
    const { context, fetched, player } = setUp();
    await expect(player.call(['broken'])).rejects.toMatchObject({
      reason: 'clip-undecodable',
      clip: 'broken',
    });
    await expect(player.call(['broken'])).rejects.toBeInstanceOf(CallAudioError);
    expect(fetched).toEqual(['broken', 'broken']);
    expect(context.sources).toHaveLength(0);
  });

  it('gives up on a call that never finishes playing, silences it and plays the next', async () => {
    vi.useFakeTimers();
    const { context, player } = setUp();
    const stuck = player.call(['chime']);
    const rejected = expect(stuck).rejects.toMatchObject({ reason: 'playback-stalled' });
    const next = player.call(['en/ticket']);
    await vi.advanceTimersByTimeAsync(1_200 + 50 + 2_000 + 1);
    await rejected;
    expect(context.sources[0]!.stopped).toBe(true);
    expect(context.sources).toHaveLength(2);
    context.finishAll();
    await next;
  });

  it('sets the volume between silent and as recorded, before and during calls', async () => {
    const { context, player } = setUp();
    player.setVolume(0.4);
    const call = player.call(['chime']);
    expect(context.gainValues).toEqual([0.4]);
    player.setVolume(2);
    player.setVolume(-1);
    expect(context.gainValues).toEqual([0.4, 1, 0]);
    expect(() => player.setVolume(Number.NaN)).toThrow(RangeError);
    await settle();
    context.finishAll();
    await call;
  });
});
