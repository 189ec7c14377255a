/**
 * Calling a ticket aloud (叫号) the same way in Electron's renderer and in the browser build: the
 * chime and the pre-recorded clips (shipped as `call/<name>.opus` beside index.html by
 * scripts/call-clips-plugin.ts, precached by the browser build's service worker) played through
 * the call player, so a call never needs a network or a speech-synthesis voice.
 *
 * The volume is a setting of this device, not of the log: it is kept in localStorage (a
 * `config-changed` record would need a domain change, and how loud a tablet's speaker is set is
 * not something an auditor needs). Every window of the app on the device reads the same value.
 */
import { announcementClips } from '../../core/domain/call-announcement';
import type { Locale } from '../../core/domain/locale';
import { CallAudioError, createCallPlayer, type CallPlayer } from './call-player';

export interface CallRequest {
  ticket: string;
  counter: string;
  locale: Locale;
}

/** A call on its way: which clips were scheduled (once they are), and whether it was heard. */
export interface CallHandle {
  /** Resolves with the clip names in playing order once they are decoded and started. */
  started: Promise<readonly string[]>;
  /** Resolves once the call has been heard to the end; rejects with the reason it was not. */
  heard: Promise<void>;
}

/** Why a call was not heard, as a short code for the screen. */
export type CallFailure = 'unreadable' | 'clip-missing' | 'clip-undecodable' | 'playback-stalled';

export function callFailure(error: unknown): CallFailure {
  if (error instanceof CallAudioError) return error.reason;
  return 'unreadable';
}

export const CALL_VOLUME_KEY = 'counter-steps:call-volume';
export const DEFAULT_CALL_VOLUME = 0.75;

function storedVolume(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(CALL_VOLUME_KEY) ?? Number.NaN);
    return Number.isFinite(value) && value >= 0 && value <= 1 ? value : DEFAULT_CALL_VOLUME;
  } catch {
    return DEFAULT_CALL_VOLUME;
  }
}

async function fetchClip(name: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(`call/${name}.opus`, document.baseURI));
  if (!response.ok) throw new Error(`${response.status} for clip ${name}`);
  return response.arrayBuffer();
}

export interface TicketCaller {
  callTicket(request: CallRequest): CallHandle;
  /** The last call again; null when this window has called nothing yet (after a reload, say). */
  repeatCall(): CallHandle | null;
  /** 0 (silent) to 1 (as recorded); remembered on this device. */
  setCallVolume(volume: number): void;
  callVolume(): number;
  /** Resolves once every call queued so far has been heard (or has failed). */
  whenQuiet(): Promise<void>;
}

function handle(
  play: (onStarted: (clips: readonly string[]) => void) => Promise<void>,
): CallHandle {
  let resolveStarted: (clips: readonly string[]) => void = () => undefined;
  const started = new Promise<readonly string[]>((resolve) => (resolveStarted = resolve));
  const heard = play(resolveStarted);
  // A call that fails never starts: `started` stays pending, `heard` says why.
  heard.catch(() => undefined);
  return { started, heard };
}

export function createTicketCaller(
  player: CallPlayer = createCallPlayer({ fetchClip }),
): TicketCaller {
  player.setVolume(storedVolume());
  return {
    callTicket({ ticket, counter, locale }) {
      let clips: string[];
      try {
        clips = announcementClips(ticket, counter, locale);
      } catch (error) {
        return handle(() => Promise.reject(error));
      }
      return handle((onStarted) => player.call(clips, onStarted));
    },
    repeatCall() {
      if (!player.hasCalled()) return null;
      return handle((onStarted) => player.repeat(onStarted));
    },
    setCallVolume(volume) {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(volume) ? volume : 0));
      player.setVolume(clamped);
      try {
        globalThis.localStorage?.setItem(CALL_VOLUME_KEY, String(clamped));
      } catch {
        // Storage full or denied: the volume still applies until the app is closed.
      }
    },
    callVolume: storedVolume,
    whenQuiet: () => player.whenQuiet(),
  };
}

let shared: TicketCaller | null = null;

/** The window's one caller, made at its first use. */
export const lazyTicketCaller: TicketCaller = {
  callTicket: (request) => ticketCaller().callTicket(request),
  repeatCall: () => ticketCaller().repeatCall(),
  setCallVolume: (volume) => ticketCaller().setCallVolume(volume),
  callVolume: () => ticketCaller().callVolume(),
  whenQuiet: () => (shared ? shared.whenQuiet() : Promise.resolve()),
};

/** The window's one caller (one player, so calls from any screen queue and never overlap). */
export function ticketCaller(): TicketCaller {
  if (!shared) {
    const caller = createTicketCaller();
    // Another window of the app (Settings open elsewhere) changed the volume.
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key === CALL_VOLUME_KEY) caller.setCallVolume(caller.callVolume());
    });
    shared = caller;
  }
  return shared;
}
