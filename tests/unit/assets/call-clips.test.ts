import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The committed ticket-calling clips (scripts/make-call-clips.mjs) are all there, unchanged since
 * the manifest was written, and well-formed Ogg Opus, mono, of a plausible length. Whether
 * Chromium really decodes them is tests/e2e/call-audio.spec.ts's job.
 */
const DIR = join(import.meta.dirname, '../../../assets/call');

interface Clip {
  file: string;
  seconds: number;
  bytes: number;
  sha256: string;
  says: string;
  voice?: string;
  text?: string;
  phonemes?: string;
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  totalBytes: number;
  totalSeconds: number;
  clips: Record<string, Clip>;
};
const clips = Object.entries(manifest.clips);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [relative(DIR, join(dir, entry.name))],
  );
}

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0. */
const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit += 1) {
    crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
});
function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

interface OggPage {
  headerType: number;
  granule: bigint;
  serial: number;
  sequence: number;
  body: Buffer;
}

/** Every page of an Ogg file, checking that pages follow each other to the last byte. */
function oggPages(bytes: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  let at = 0;
  while (at < bytes.length) {
    expect(bytes.toString('latin1', at, at + 4)).toBe('OggS');
    expect(bytes[at + 4]).toBe(0);
    const segments = bytes[at + 26]!;
    const lacing = bytes.subarray(at + 27, at + 27 + segments);
    const bodyLength = lacing.reduce((sum, size) => sum + size, 0);
    const end = at + 27 + segments + bodyLength;
    expect(end).toBeLessThanOrEqual(bytes.length);
    const page = Buffer.from(bytes.subarray(at, end));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    expect(oggCrc(page)).toBe(crc);
    pages.push({
      headerType: bytes[at + 5]!,
      granule: bytes.readBigInt64LE(at + 6),
      serial: bytes.readUInt32LE(at + 14),
      sequence: bytes.readUInt32LE(at + 18),
      body: bytes.subarray(at + 27 + segments, end),
    });
    at = end;
  }
  return pages;
}

/** Checks an Ogg Opus file's structure and head; its playing time in seconds. */
function opusSeconds(bytes: Buffer): { seconds: number; channels: number } {
  const pages = oggPages(bytes);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const [head, tags] = pages;
  expect(head!.headerType & 0x02).toBe(0x02); // beginning of stream
  expect(head!.body.toString('latin1', 0, 8)).toBe('OpusHead');
  expect(head!.body[8]).toBe(1); // version
  expect(head!.body[18]).toBe(0); // channel mapping family 0: mono or stereo
  expect(tags!.body.toString('latin1', 0, 8)).toBe('OpusTags');
  expect(pages.at(-1)!.headerType & 0x04).toBe(0x04); // end of stream
  expect(new Set(pages.map((page) => page.serial)).size).toBe(1);
  expect(pages.map((page) => page.sequence)).toEqual(pages.map((_, index) => index));
  const preSkip = head!.body.readUInt16LE(10);
  return {
    seconds: Number(pages.at(-1)!.granule - BigInt(preSkip)) / 48_000,
    channels: head!.body[9]!,
  };
}

describe('the ticket-calling clips', () => {
  it('are exactly the files the manifest lists, all Ogg Opus', () => {
    const listed = clips.map(([, clip]) => clip.file).sort();
    expect(
      filesUnder(DIR)
        .filter((file) => file !== 'manifest.json')
        .sort(),
    ).toEqual(listed);
    expect(listed.every((file) => file.endsWith('.opus'))).toBe(true);
    expect(clips.every(([name, clip]) => clip.file === `${name}.opus`)).toBe(true);
  });

  it.each(clips)('%s has the size and sha256 the manifest gives', (_, clip) => {
    const bytes = readFileSync(join(DIR, clip.file));
    expect(bytes.length).toBe(clip.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(clip.sha256);
  });

  it.each(clips)('%s is well-formed mono Ogg Opus lasting 0.15–2.5 s', (_, clip) => {
    const { seconds, channels } = opusSeconds(readFileSync(join(DIR, clip.file)));
    expect(channels).toBe(1);
    expect(seconds).toBeCloseTo(clip.seconds, 4);
    expect(seconds).toBeGreaterThanOrEqual(0.15);
    expect(seconds).toBeLessThanOrEqual(2.5);
  });

  it('add up to the totals in the manifest, about 240 kB for every clip', () => {
    const bytes = clips.reduce((sum, [, clip]) => sum + clip.bytes, 0);
    const seconds = clips.reduce((sum, [, clip]) => sum + clip.seconds, 0);
    expect(bytes).toBe(manifest.totalBytes);
    expect(seconds).toBeCloseTo(manifest.totalSeconds, 3);
    expect(bytes).toBeLessThan(400_000);
  });

  it('speak Mandarin in zh-CN: pinyin with tones, every syllable toned, no switch to English', () => {
    const mandarin = clips.filter(([name]) => name.startsWith('zh-CN/'));
    expect(mandarin.length).toBe(13 + 26 + 3);
    for (const [name, clip] of mandarin) {
      expect(clip.voice, name).toBe('cmn-latn-pinyin');
      expect(clip.phonemes, name).not.toMatch(/\(\w+\)/);
      for (const syllable of clip.phonemes!.split(' '))
        expect(syllable, name).toMatch(/[1-5]{2,3}/);
    }
    expect(manifest.clips['zh-CN/qing']!.text).toBe('qing3');
  });
});
