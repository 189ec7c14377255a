/**
 * Makes the pre-recorded clips for calling a ticket aloud (叫号) fully offline, since Chromium and
 * Electron on Linux have no speech-synthesis voice: a chime, Mandarin and English words and phrases
 * under assets/call/, and assets/call/manifest.json (file, duration, size, sha256, what each clip
 * says). The clips are committed: CI and the app never run this script.
 *
 * Needs Debian's espeak-ng, sox and opus-tools (`sudo apt-get install -y espeak-ng sox opus-tools`).
 * `npm run make-call-clips` writes every clip again; the output is repeatable (fixed Ogg serial
 * numbers, sox's repeatable mode), so an unchanged clip keeps its sha256.
 *
 * Mandarin is spoken from tone-numbered pinyin with the `cmn-latn-pinyin` voice: Debian's espeak-ng
 * lacks most Han characters (请 becomes "qing3" read by the *English* voice), so every Mandarin
 * clip's phonemes are checked to carry tones and no switch to English before it is kept.
 *
 * Per clip: espeak-ng at 150 words a minute → sox: 48 kHz, leading/trailing silence trimmed,
 * RMS loudness set to −18 dBFS (peak kept at or below −1 dBFS), 5 ms fade-in, 15 ms fade-out,
 * optional deliberate pauses → opusenc: Ogg Opus, mono, 24 kbit/s.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets/call');
const EXTENSION = 'opus';
const SAMPLE_RATE = 48_000;
const SPEED_WPM = 150;
const TARGET_RMS_DB = -18;
const PEAK_CEILING_DB = -1;
const BITRATE_KBPS = 24;
const MIN_SECONDS = 0.15;
const MAX_SECONDS = 2.5;
const APT_PACKAGES = 'espeak-ng sox opus-tools';

const MANDARIN_VOICE = 'cmn-latn-pinyin';
const ENGLISH_VOICE = 'en';
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** Every clip but the chime: name (also the file, without extension), voice, text, meaning. */
function speechClips() {
  const zh = (name, pinyin, says, extra = {}) => ({
    name: `zh-CN/${name}`,
    voice: MANDARIN_VOICE,
    text: pinyin,
    says,
    ...extra,
  });
  const en = (name, text, extra = {}) => ({
    name: `en/${name}`,
    voice: ENGLISH_VOICE,
    text,
    says: text,
    ...extra,
  });
  const mandarinNumbers = [
    ['ling', 'ling2', '零'],
    ['yi', 'yi1', '一'],
    ['er', 'er4', '二'],
    ['san', 'san1', '三'],
    ['si', 'si4', '四'],
    ['wu', 'wu3', '五'],
    ['liu', 'liu4', '六'],
    ['qi', 'qi1', '七'],
    ['ba', 'ba1', '八'],
    ['jiu', 'jiu3', '九'],
    ['shi', 'shi2', '十'],
    ['bai', 'bai3', '百'],
    ['qian', 'qian1', '千'],
  ];
  const englishNumbers = [
    ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    ...['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'],
    ...['eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy'],
    ...['eighty', 'ninety', 'hundred', 'thousand', 'and'],
  ];
  return [
    ...mandarinNumbers.map(([name, pinyin, says]) => zh(name, pinyin, says)),
    ...LETTERS.map((letter) => zh(`letter-${letter.toLowerCase()}`, letter, letter)),
    zh('qing', 'qing3', '请'),
    zh('hao-guke-dao', 'hao4 gu4 ke4 dao4', '号顾客到'),
    zh('hao-chuangkou-banli', 'hao4 chuang1 kou3 ban4 li3', '号窗口办理'),
    ...englishNumbers.map((word) => en(word, word)),
    ...LETTERS.map((letter) => en(`letter-${letter.toLowerCase()}`, letter)),
    en('ticket', 'ticket'),
    // The comma in "Ticket A twenty-five, please go to counter three" is this clip's lead-in.
    en('please-go-to-counter', 'please go to counter', { padBefore: 0.2 }),
  ];
}

function run(command, args, { input } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

function requireTools() {
  const missing = [
    ['espeak-ng', 'espeak-ng'],
    ['sox', 'sox'],
    ['opusenc', 'opus-tools'],
  ].filter(([command]) => spawnSync(command, ['--version']).error);
  if (missing.length > 0) {
    const named = missing.map(([command, pkg]) => `${command} (Debian package ${pkg})`);
    console.error(
      `make-call-clips cannot run: missing ${named.join(', ')}. On Debian or Ubuntu:\n` +
        `  sudo apt-get install -y ${APT_PACKAGES}`,
    );
    process.exit(1);
  }
  const voices = run('espeak-ng', ['--voices=zh']).stdout;
  if (!voices.includes(MANDARIN_VOICE)) {
    console.error(`espeak-ng has no "${MANDARIN_VOICE}" voice; install Debian's espeak-ng-data.`);
    process.exit(1);
  }
  return {
    'espeak-ng': /eSpeak NG text-to-speech: (\S+)/.exec(
      run('espeak-ng', ['--version']).stdout,
    )?.[1],
    sox: /SoX v(\S+)/.exec(run('sox', ['--version']).stdout)?.[1],
    opusenc: run('opusenc', ['--version']).stdout.split('\n')[0].replace('opusenc ', ''),
  };
}

/** espeak-ng's phonemes for a text, and a refusal when a Mandarin clip is not Mandarin. */
function checkedPhonemes(clip) {
  const phonemes = run('espeak-ng', ['-q', '-x', '-v', clip.voice, clip.text])
    .stdout.trim()
    .replace(/_\|/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/\([a-z-]+\)/.test(phonemes)) {
    throw new Error(`${clip.name}: espeak-ng switched language (${phonemes}); not kept.`);
  }
  if (clip.voice === MANDARIN_VOICE) {
    const syllables = phonemes.split(' ');
    if (!syllables.every((syllable) => /[1-5]{2,3}/.test(syllable))) {
      throw new Error(`${clip.name}: a syllable without a Mandarin tone (${phonemes}).`);
    }
  }
  return phonemes;
}

/** sox `stats`: the RMS and peak levels in dBFS. */
function levels(file) {
  const { stderr } = run('sox', [file, '-n', 'stats']);
  const read = (label) => Number(new RegExp(`${label}\\s+(-?[\\d.]+)`).exec(stderr)?.[1]);
  return { rms: read('RMS lev dB'), peak: read('Pk lev dB') };
}

/** Trimmed, levelled, faded, padded, 16-bit: the clip as it will sound. */
function finish(trimmed, finished, { padBefore = 0, padAfter = 0 } = {}) {
  const { rms, peak } = levels(trimmed);
  const gain = Math.min(TARGET_RMS_DB - rms, PEAK_CEILING_DB - peak);
  run('sox', [
    '-R',
    trimmed,
    '-b',
    '16',
    finished,
    'gain',
    gain.toFixed(2),
    'fade',
    't',
    '0.005',
    '-0',
    '0.015',
    'pad',
    String(padBefore),
    String(padAfter),
  ]);
}

function speak(clip, work) {
  const raw = join(work, 'raw.wav');
  const trimmed = join(work, 'trimmed.wav');
  const finished = join(work, 'finished.wav');
  run('espeak-ng', ['-v', clip.voice, '-s', String(SPEED_WPM), '-w', raw, clip.text]);
  const trim = ['silence', '1', '0.01', '-45d'];
  run('sox', [
    '-R',
    raw,
    '-e',
    'floating-point',
    '-b',
    '32',
    trimmed,
    'rate',
    '-v',
    String(SAMPLE_RATE),
    ...trim,
    'reverse',
    ...trim,
    'reverse',
  ]);
  finish(trimmed, finished, clip);
  return finished;
}

/** A soft two-tone "ding-dong" (G5 then E5 sine tones, each decaying), then a short pause. */
function chime(work) {
  const tone = (file, hz, seconds) =>
    run('sox', [
      '-R',
      '-n',
      '-r',
      String(SAMPLE_RATE),
      '-c',
      '1',
      '-e',
      'floating-point',
      '-b',
      '32',
      file,
      'synth',
      String(seconds),
      'sine',
      String(hz),
      'fade',
      'h',
      '0.01',
      String(seconds),
      String(seconds - 0.02),
    ]);
  const high = join(work, 'high.wav');
  const low = join(work, 'low.wav');
  const both = join(work, 'both.wav');
  const finished = join(work, 'finished.wav');
  tone(high, 784, 0.45);
  tone(low, 659.25, 0.75);
  run('sox', ['-R', high, low, both]);
  finish(both, finished, { padAfter: 0.25 });
  // Softer than the voice: 6 dB below the speech level at its peak.
  const { peak } = levels(finished);
  const soft = join(work, 'soft.wav');
  run('sox', ['-R', finished, soft, 'gain', (-7 - peak).toFixed(2)]);
  return soft;
}

/** Ogg Opus with a serial number derived from the clip's name, so the bytes are repeatable. */
function encode(wav, target, name) {
  const serial = createHash('sha256').update(name).digest().readUInt32BE(0);
  run('opusenc', [
    '--quiet',
    '--bitrate',
    String(BITRATE_KBPS),
    '--comp',
    '10',
    '--serial',
    String(serial),
    '--discard-comments',
    wav,
    target,
  ]);
}

/** Playing time of an Ogg Opus file: the last page's granule position minus pre-skip, at 48 kHz. */
function opusSeconds(bytes) {
  const head = bytes.indexOf('OpusHead');
  if (head < 0) throw new Error('not an Ogg Opus file');
  const preSkip = bytes.readUInt16LE(head + 10);
  let granule = -1n;
  for (let at = bytes.indexOf('OggS'); at >= 0; at = bytes.indexOf('OggS', at + 4)) {
    granule = bytes.readBigInt64LE(at + 6);
  }
  return Number(granule - BigInt(preSkip)) / 48_000;
}

function main() {
  const tools = requireTools();
  const work = mkdtempSync(join(tmpdir(), 'call-clips-'));
  rmSync(OUT, { recursive: true, force: true });
  const clips = {};
  try {
    const all = [{ name: 'chime', says: 'chime' }, ...speechClips()];
    for (const clip of all) {
      const phonemes = clip.voice ? checkedPhonemes(clip) : undefined;
      const wav = clip.voice ? speak(clip, work) : chime(work);
      const file = `${clip.name}.${EXTENSION}`;
      const target = join(OUT, file);
      mkdirSync(dirname(target), { recursive: true });
      encode(wav, target, clip.name);
      const bytes = readFileSync(target);
      const seconds = Math.round(opusSeconds(bytes) * 10_000) / 10_000;
      if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
        throw new Error(`${clip.name}: ${seconds} s is outside ${MIN_SECONDS}–${MAX_SECONDS} s.`);
      }
      clips[clip.name] = {
        file,
        seconds,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        says: clip.says,
        ...(clip.voice
          ? { voice: clip.voice, text: clip.text, phonemes }
          : { source: 'sox: 784 Hz then 659 Hz sine tones, decaying' }),
      };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const sizes = Object.values(clips).map((clip) => clip.bytes);
  const seconds = Object.values(clips).map((clip) => clip.seconds);
  const manifest = {
    generatedBy: 'scripts/make-call-clips.mjs',
    format: `Ogg Opus, mono, ${BITRATE_KBPS} kbit/s (decoded at 48 kHz)`,
    tools,
    totalBytes: sizes.reduce((sum, size) => sum + size, 0),
    totalSeconds: Math.round(seconds.reduce((sum, s) => sum + s, 0) * 10_000) / 10_000,
    clips,
  };
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `${sizes.length} clips, ${manifest.totalSeconds} s, ${manifest.totalBytes} bytes → ` +
      `${OUT.replace(`${ROOT}/`, '')}/`,
  );
}

main();
