/**
 * The ticket-calling audio in real Chromium: every committed clip decodes with decodeAudioData to
 * the length the manifest gives, a whole call renders gap-free through the player's own
 * scheduling code (renderer/platform/call-player.ts, transpiled as it is and loaded into the page),
 * and the player itself plays queued calls one after the other on a realtime AudioContext.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import ts from 'typescript';
import { announcementClips } from '../../core/domain/call-announcement';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/chromium.mjs';

// A realtime AudioContext must start without a tap in the last test.
test.use({
  launchOptions: {
    executablePath: chromiumExecutable(chromium.executablePath()),
    args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
  },
});

const ROOT = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'assets/call/manifest.json'), 'utf8')) as {
  clips: Record<string, { file: string; seconds: number }>;
};
const base64 = (name: string) =>
  readFileSync(join(ROOT, 'assets/call', manifest.clips[name]!.file)).toString('base64');

/** The shape of call-player.ts as loaded into the page (types only; the code is the file's). */
interface ScheduledClips {
  sources: AudioBufferSourceNode[];
  startsAt: number;
  endsAt: number;
}
interface CallPlayerModule {
  scheduleClips(
    context: BaseAudioContext,
    buffers: readonly AudioBuffer[],
    destination: AudioNode,
    startAt: number,
  ): ScheduledClips;
  createCallPlayer(options: {
    fetchClip: (name: string) => Promise<ArrayBuffer>;
    createContext?: () => BaseAudioContext;
  }): {
    call(clips: readonly string[]): Promise<void>;
    repeat(): Promise<void>;
    setVolume(volume: number): void;
  };
}
type WithPlayer = typeof globalThis & {
  callPlayer: CallPlayerModule;
  clipBytes: (name: string) => ArrayBuffer;
};

/** call-player.ts with its types stripped, as a module script that exposes what it exports. */
function playerScript(): string {
  const source = readFileSync(join(ROOT, 'renderer/platform/call-player.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  expect(outputText, 'call-player.ts must stay free of runtime imports').not.toMatch(/^import /m);
  return `${outputText}\nglobalThis.callPlayer = { createCallPlayer, scheduleClips, CallAudioError };`;
}

/** A blank page (no app CSP) with the player and the named clips' bytes in it. */
async function pageWithPlayer(page: Page, names: readonly string[]) {
  await page.addScriptTag({ type: 'module', content: playerScript() });
  await page.waitForFunction(() => 'callPlayer' in globalThis);
  const clips = Object.fromEntries(names.map((name) => [name, base64(name)]));
  await page.evaluate((clips) => {
    (globalThis as WithPlayer).clipBytes = (name) => {
      const text = clips[name];
      if (text === undefined) throw new Error(`no clip ${name}`);
      return Uint8Array.from(atob(text), (char) => char.charCodeAt(0)).buffer;
    };
  }, clips);
}

test('Chromium decodes every clip to the length the manifest gives, and none is silent', async ({
  page,
}) => {
  const names = Object.keys(manifest.clips);
  await pageWithPlayer(page, names);
  const decoded = await page.evaluate(async (names) => {
    const context = new OfflineAudioContext(1, 1, 48_000);
    const results = [];
    for (const name of names) {
      try {
        const buffer = await context.decodeAudioData((globalThis as WithPlayer).clipBytes(name));
        const samples = buffer.getChannelData(0);
        let peak = 0;
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
        results.push({ name, seconds: buffer.duration, channels: buffer.numberOfChannels, peak });
      } catch (error) {
        results.push({ name, error: String(error) });
      }
    }
    return results;
  }, names);
  expect(decoded).toHaveLength(names.length);
  for (const clip of decoded) {
    expect(clip, clip.name).not.toHaveProperty('error');
    expect(clip.channels, clip.name).toBe(1);
    expect(Math.abs(clip.seconds! - manifest.clips[clip.name]!.seconds), clip.name).toBeLessThan(
      0.001,
    );
    expect(clip.peak, clip.name).toBeGreaterThan(0.1);
  }
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a call for A025 at counter 3 in ${locale} renders gap-free, sample for sample`, async ({
    page,
  }) => {
    const clips = announcementClips('A025', '3', locale);
    await pageWithPlayer(page, clips);
    const expectedSeconds = clips.reduce((sum, name) => sum + manifest.clips[name]!.seconds, 0);
    const rendered = await page.evaluate(
      async ({ clips, expectedSeconds }) => {
        const rate = 48_000;
        const { callPlayer, clipBytes } = globalThis as WithPlayer;
        const context = new OfflineAudioContext(1, Math.ceil((expectedSeconds + 0.5) * rate), rate);
        const buffers = await Promise.all(
          clips.map((name) => context.decodeAudioData(clipBytes(name))),
        );
        const gain = context.createGain();
        gain.connect(context.destination);
        const scheduled = callPlayer.scheduleClips(context, buffers, gain, 0.1);
        let ended = 0;
        for (const source of scheduled.sources) source.onended = () => (ended += 1);
        const output = (await context.startRendering()).getChannelData(0);
        // Every clip must appear in the output exactly where the previous one ended.
        let frame = Math.round(scheduled.startsAt * rate);
        let worstMismatch = 0;
        for (const buffer of buffers) {
          const samples = buffer.getChannelData(0);
          for (let i = 0; i < samples.length; i += 1) {
            worstMismatch = Math.max(worstMismatch, Math.abs(output[frame + i]! - samples[i]!));
          }
          frame += samples.length;
        }
        let sound = 0;
        let peak = 0;
        for (const sample of output) {
          sound += sample * sample;
          peak = Math.max(peak, Math.abs(sample));
        }
        let after = 0;
        for (let i = frame; i < output.length; i += 1)
          after = Math.max(after, Math.abs(output[i]!));
        await new Promise((resolve) => setTimeout(resolve, 0));
        return {
          startsAt: scheduled.startsAt,
          endsAt: scheduled.endsAt,
          framesPlayed: frame - Math.round(scheduled.startsAt * rate),
          framesOfClips: buffers.reduce((sum, buffer) => sum + buffer.length, 0),
          worstMismatch,
          rms: Math.sqrt(sound / (frame - scheduled.startsAt * rate)),
          peak,
          afterEnd: after,
          ended,
        };
      },
      { clips, expectedSeconds },
    );
    expect(rendered.startsAt).toBeCloseTo(0.1, 6);
    expect(rendered.endsAt - rendered.startsAt).toBeCloseTo(expectedSeconds, 2);
    expect(rendered.framesPlayed).toBe(rendered.framesOfClips);
    expect(rendered.worstMismatch).toBeLessThan(1e-6);
    expect(rendered.rms).toBeGreaterThan(0.02);
    expect(rendered.peak).toBeGreaterThan(0.3);
    expect(rendered.afterEnd).toBe(0);
    expect(rendered.ended).toBe(clips.length);
  });
}

test('the player plays queued calls one after the other on a realtime AudioContext', async ({
  page,
}) => {
  const zh = announcementClips('A025', '3', 'zh-CN');
  const short = ['en/letter-a', 'en/one'];
  await pageWithPlayer(page, [...new Set([...zh, ...short])]);
  const seconds = (clips: readonly string[]) =>
    clips.reduce((sum, name) => sum + manifest.clips[name]!.seconds, 0);
  const result = await page.evaluate(
    async ({ zh, short }) => {
      const { callPlayer, clipBytes } = globalThis as WithPlayer;
      const context = new AudioContext();
      const player = callPlayer.createCallPlayer({
        fetchClip: async (name) => clipBytes(name),
        createContext: () => context,
      });
      const events: { what: string; at: number }[] = [];
      const log = (what: string) => () => events.push({ what, at: context.currentTime });
      const t0 = context.currentTime;
      player.setVolume(0.5);
      const first = player.call(zh).then(log('first ended'));
      const again = player.repeat().then(log('repeat ended'));
      const missing = player.call(['zh-CN/nowhere']).then(log('missing ended'), (error) => {
        log(`missing: ${error.name} ${error.reason} ${error.clip}`)();
      });
      const second = player.call(short).then(log('second ended'));
      await Promise.all([first, again, missing, second]);
      await context.close();
      return { state: context.state, events, t0 };
    },
    { zh, short },
  );
  const at = (what: string) => result.events.find((event) => event.what === what)!.at - result.t0;
  expect(result.events.map((event) => event.what)).toEqual([
    'first ended',
    'repeat ended',
    'missing: CallAudioError clip-missing zh-CN/nowhere',
    'second ended',
  ]);
  // Each call lasts as long as its clips, and starts only once the one before has ended.
  expect(at('first ended')).toBeGreaterThanOrEqual(seconds(zh));
  expect(at('first ended')).toBeLessThan(seconds(zh) + 0.5);
  expect(at('repeat ended') - at('first ended')).toBeGreaterThanOrEqual(seconds(zh) - 0.01);
  expect(at('repeat ended') - at('first ended')).toBeLessThan(seconds(zh) + 0.5);
  expect(at('second ended') - at('repeat ended')).toBeGreaterThanOrEqual(seconds(short) - 0.01);
  expect(at('second ended') - at('repeat ended')).toBeLessThan(seconds(short) + 0.5);
});
