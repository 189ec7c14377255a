/**
 * Plays a ticket call (叫号) from pre-recorded clips with the Web Audio API, because Chromium and
 * Electron on Linux have no offline speech-synthesis voice. The clips of a call are decoded first
 * (and kept decoded), then started back to back, sample-exact, through one gain node, so a call
 * is either heard whole or not at all. Calls queue: a new one starts only after the previous one
 * has finished, and a call that fails (a clip missing or undecodable, playback that never starts)
 * rejects with a CallAudioError without holding up the calls after it.
 *
 * Browser-only and self-contained on purpose (no runtime imports): tests/e2e/call-audio.spec.ts
 * runs this very file in Chromium.
 */

/** How long after `call()` the first sound starts, in seconds: never in the audio clock's past. */
const LEAD_SECONDS = 0.05;
/** How much later than planned a call may end (wall clock) before it counts as stalled. */
const STALL_GRACE_SECONDS = 2;
/** How fast a volume change glides, in seconds (a jump would click). */
const VOLUME_GLIDE_SECONDS = 0.015;

export type CallAudioFailure = 'clip-missing' | 'clip-undecodable' | 'playback-stalled';

/** Why a call was not heard: a clip could not be fetched or decoded, or the audio never ran. */
export class CallAudioError extends Error {
  override readonly name = 'CallAudioError';
  readonly reason: CallAudioFailure;
  /** The clip at fault, or null when playback as a whole stalled. */
  readonly clip: string | null;

  constructor(reason: CallAudioFailure, clip: string | null, options?: { cause?: unknown }) {
    super(
      reason === 'playback-stalled'
        ? 'The call did not finish playing; is the audio context allowed to run?'
        : `Clip "${clip}" could not be ${reason === 'clip-missing' ? 'fetched' : 'decoded'}.`,
      options,
    );
    this.reason = reason;
    this.clip = clip;
  }
}

export interface ScheduledClips {
  sources: AudioBufferSourceNode[];
  /** Context time of the first sample and just after the last one. */
  startsAt: number;
  endsAt: number;
}

/**
 * Starts `buffers` one after the other into `destination`, the first at `startAt` (rounded up to
 * a sample frame). Start times are computed from whole frames, so clips meet without a gap or an
 * overlap however many there are.
 */
export function scheduleClips(
  context: BaseAudioContext,
  buffers: readonly AudioBuffer[],
  destination: AudioNode,
  startAt: number,
): ScheduledClips {
  const rate = context.sampleRate;
  const firstFrame = Math.ceil(startAt * rate);
  let frames = 0;
  const sources = buffers.map((buffer) => {
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(destination);
    source.start((firstFrame + frames) / rate);
    frames += Math.round(buffer.duration * rate);
    return source;
  });
  return { sources, startsAt: firstFrame / rate, endsAt: (firstFrame + frames) / rate };
}

export interface CallPlayerOptions {
  /** The encoded bytes of a clip by name (as in assets/call/manifest.json); reject if missing. */
  fetchClip: (name: string) => Promise<ArrayBuffer>;
  /** Made at the first call; a realtime AudioContext unless a test passes another. */
  createContext?: () => BaseAudioContext;
}

/** Told when a call's clips are decoded and scheduled, with the names in the order they play. */
export type OnCallStarted = (clips: readonly string[]) => void;

export interface CallPlayer {
  /**
   * Queues a call; resolves once it has been heard to the end, rejects with CallAudioError.
   * `onStarted` is told once its clips are decoded and scheduled on the audio clock.
   */
  call(clips: readonly string[], onStarted?: OnCallStarted): Promise<void>;
  /** Queues the last call again; resolves at once when there has been none. */
  repeat(onStarted?: OnCallStarted): Promise<void>;
  /** Whether there is a last call to repeat. */
  hasCalled(): boolean;
  /** Resolves once every call queued so far has ended (heard or failed). */
  whenQuiet(): Promise<void>;
  /** 0 (silent) to 1 (as recorded); applies at once, also to a call being heard. */
  setVolume(volume: number): void;
}

interface Output {
  context: BaseAudioContext;
  gain: GainNode;
}

function isRealtime(context: BaseAudioContext): context is AudioContext {
  return 'resume' in context && typeof context.resume === 'function';
}

/**
 * Resolves when the last source has ended; if that has not happened `STALL_GRACE_SECONDS` after it
 * should have (a suspended context, say), stops everything and rejects, so the queue moves on and
 * the stale call can never sound later over the next one.
 */
function whenEnded(scheduled: ScheduledClips, context: BaseAudioContext): Promise<void> {
  const last = scheduled.sources.at(-1);
  if (!last) return Promise.resolve();
  const wallSeconds = scheduled.endsAt - context.currentTime + STALL_GRACE_SECONDS;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      for (const source of scheduled.sources) {
        source.onended = null;
        source.stop();
        source.disconnect();
      }
      reject(new CallAudioError('playback-stalled', null));
    }, wallSeconds * 1000);
    last.onended = () => {
      clearTimeout(timer);
      for (const source of scheduled.sources) source.disconnect();
      resolve();
    };
  });
}

export function createCallPlayer(options: CallPlayerOptions): CallPlayer {
  const createContext = options.createContext ?? (() => new AudioContext());
  const decoded = new Map<string, Promise<AudioBuffer>>();
  let output: Output | undefined;
  let volume = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let lastCall: readonly string[] | undefined;

  /** Made on the first call, which comes from a tap, so the browser lets it start. */
  function ensureOutput(): Output {
    if (!output) {
      const context = createContext();
      const gain = context.createGain();
      gain.gain.value = volume;
      gain.connect(context.destination);
      output = { context, gain };
    }
    if (isRealtime(output.context) && output.context.state === 'suspended') {
      // Not awaited: without a user gesture this promise may never settle (the stall check copes).
      void output.context.resume().catch(() => undefined);
    }
    return output;
  }

  async function fetchAndDecode(context: BaseAudioContext, name: string): Promise<AudioBuffer> {
    let bytes: ArrayBuffer;
    try {
      bytes = await options.fetchClip(name);
    } catch (cause) {
      throw new CallAudioError('clip-missing', name, { cause });
    }
    try {
      return await context.decodeAudioData(bytes);
    } catch (cause) {
      throw new CallAudioError('clip-undecodable', name, { cause });
    }
  }

  /** Each clip is fetched and decoded once; a failure is forgotten, so the next call tries again. */
  function load(context: BaseAudioContext, name: string): Promise<AudioBuffer> {
    let buffer = decoded.get(name);
    if (!buffer) {
      buffer = fetchAndDecode(context, name);
      decoded.set(name, buffer);
      buffer.catch(() => decoded.delete(name));
    }
    return buffer;
  }

  async function play(
    clips: readonly string[],
    { context, gain }: Output,
    onStarted?: OnCallStarted,
  ): Promise<void> {
    const buffers = await Promise.all(clips.map((name) => load(context, name)));
    const scheduled = scheduleClips(context, buffers, gain, context.currentTime + LEAD_SECONDS);
    onStarted?.(clips);
    await whenEnded(scheduled, context);
  }

  function enqueue(clips: readonly string[], onStarted?: OnCallStarted): Promise<void> {
    if (clips.length === 0) return queue.then(() => undefined);
    const out = ensureOutput();
    const run = queue.then(() => play(clips, out, onStarted));
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    call(clips, onStarted) {
      lastCall = [...clips];
      return enqueue(lastCall, onStarted);
    },
    repeat(onStarted) {
      return lastCall ? enqueue(lastCall, onStarted) : Promise.resolve();
    },
    hasCalled: () => lastCall !== undefined,
    whenQuiet: () => queue.then(() => undefined),
    setVolume(next) {
      if (!Number.isFinite(next)) throw new RangeError(`Not a volume: ${next}.`);
      volume = Math.min(1, Math.max(0, next));
      if (output) {
        const { context, gain } = output;
        gain.gain.setTargetAtTime(volume, context.currentTime, VOLUME_GLIDE_SECONDS / 3);
      }
    },
  };
}
