/**
 * An export's files read a part at a time, so that checking a counter-year's export never holds
 * its files whole: the zip is read from wherever it is (bytes in memory, a picked File, a file on
 * disk in the command-line verifier) by offset, and each file inside is inflated as it is read.
 *
 * Where each file is comes from the zip's central directory at its end, not from scanning the
 * stream for headers: the app writes its files with data descriptors (sizes after the data), and
 * a reader that scans compressed data for a header signature can find one by chance in a large
 * export. Each local header is checked against its central directory entry (same name, same
 * method), and a file inflated to more or fewer bytes than the directory says is an error
 * (ZipEntryError) — the verifier reports it as that file changed. Nothing here trusts the order
 * the files come in.
 */
import { Inflate } from 'fflate';
import { err, ok, type Result } from '../domain/result';
import { MAX_EXPORT_BYTES, MAX_FILE_BYTES } from './format';
import type { ReadExportProblem } from './read-export';

/** Bytes that can be read at any offset: the whole zip, wherever it is. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** An export's files, each read as a stream of parts (in memory, from a zip, from a folder). */
export interface ExportEntries {
  /** The files' names, in the order they are stored. */
  names: readonly string[];
  /** A file's size as its container declares it. */
  size(name: string): number;
  /** A file's bytes, a part at a time. */
  open(name: string): AsyncIterable<Uint8Array>;
}

/** A file inside a zip could not be read as its directory entry says. */
export class ZipEntryError extends Error {
  override name = 'ZipEntryError';
  constructor(readonly file: string) {
    super(`${file} cannot be read from the zip`);
  }
}

/** Parts handed out of a file in memory, as a streamed file would come. */
const PART = 1024 * 1024;
/** Compressed bytes pushed to the inflater at a time (bounds its output per push). */
const INFLATE_PART = 64 * 1024;
/** Compressed bytes read from the source at a time. */
const READ_PART = 1024 * 1024;

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
}

/** A File or Blob (the browser's picked file, Node's openAsBlob). */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Files already in memory (tests, the hub, callers holding a Map). */
export function entriesOfMap(files: ReadonlyMap<string, Uint8Array>): ExportEntries {
  return {
    names: [...files.keys()],
    size: (name) => files.get(name)?.length ?? 0,
    async *open(name) {
      const bytes = files.get(name) ?? new Uint8Array(0);
      for (let at = 0; at < bytes.length; at += PART) yield bytes.subarray(at, at + PART);
    },
  };
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** The end-of-central-directory record: where the directory is and how many entries it holds. */
async function endRecord(source: ByteSource) {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (u32(tail, at) === 0x06054b50) {
      return { count: u16(tail, at + 10), length: u32(tail, at + 12), offset: u32(tail, at + 16) };
    }
  }
  return null;
}

/**
 * The zip's files, refusing what is not an export before reading any file: a file that is not a
 * zip, one bigger than MAX_EXPORT_BYTES, a file in a folder or bigger than MAX_FILE_BYTES.
 */
export async function openZip(
  source: ByteSource,
): Promise<Result<ExportEntries, ReadExportProblem>> {
  if (source.size > MAX_EXPORT_BYTES) return err('too-large');
  const head = await source.read(0, 4);
  if (head.length < 4 || u32(head, 0) !== 0x04034b50) return err('not-a-zip');
  const end = await endRecord(source);
  if (!end || end.offset + end.length > source.size) return err('not-a-zip');
  const directory = await source.read(end.offset, end.length);
  const entries = new Map<string, Entry>();
  const names: string[] = [];
  let problem: ReadExportProblem | null = null;
  let at = 0;
  for (let index = 0; index < end.count; index += 1) {
    if (at + 46 > directory.length || u32(directory, at) !== 0x02014b50) return err('not-a-zip');
    const nameLength = u16(directory, at + 28);
    const flags = u16(directory, at + 8);
    const raw = directory.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(raw);
    const entry: Entry = {
      name,
      method: u16(directory, at + 10),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      headerOffset: u32(directory, at + 42),
    };
    at += 46 + nameLength + u16(directory, at + 30) + u16(directory, at + 32);
    if (name.includes('/') || name.includes('\\')) problem ??= 'entry-in-folder';
    if (entry.size > MAX_FILE_BYTES) problem ??= 'entry-too-large';
    if (entry.method !== 0 && entry.method !== 8) problem ??= 'not-a-zip';
    if (entry.headerOffset + entry.compressedSize > source.size) problem ??= 'not-a-zip';
    names.push(name);
    entries.set(name, entry);
  }
  if (problem) return err(problem);
  return ok({
    names,
    size: (name) => entries.get(name)?.size ?? 0,
    open: (name) => {
      const entry = entries.get(name);
      if (!entry) throw new ZipEntryError(name);
      return inflated(source, entry);
    },
  });
}

/** One file's bytes, read and inflated a part at a time, exactly as many as declared. */
async function* inflated(source: ByteSource, entry: Entry): AsyncGenerator<Uint8Array> {
  const local = await source.read(entry.headerOffset, 30);
  const nameLength = u16(local, 26);
  const localName = await source.read(entry.headerOffset + 30, nameLength);
  const flags = u16(local, 6);
  if (
    u32(local, 0) !== 0x04034b50 ||
    u16(local, 8) !== entry.method ||
    (flags & 0x800 ? utf8 : latin1).decode(localName) !== entry.name
  ) {
    throw new ZipEntryError(entry.name);
  }
  const start = entry.headerOffset + 30 + nameLength + u16(local, 28);
  const end = start + entry.compressedSize;
  if (end > source.size) throw new ZipEntryError(entry.name);
  let out: Uint8Array[] = [];
  let produced = 0;
  let finished = entry.method === 0;
  const inflater = new Inflate((data, final) => {
    produced += data.length;
    if (data.length > 0) out.push(data);
    if (final) finished = true;
  });
  for (let offset = start; offset < end; offset += READ_PART) {
    const part = await source.read(offset, Math.min(READ_PART, end - offset));
    for (let at = 0; at < part.length; at += INFLATE_PART) {
      const piece = part.subarray(at, at + INFLATE_PART);
      if (entry.method === 0) {
        produced += piece.length;
        out.push(piece);
      } else {
        try {
          inflater.push(piece, offset + at + piece.length >= end);
        } catch {
          throw new ZipEntryError(entry.name);
        }
      }
      if (produced > entry.size) throw new ZipEntryError(entry.name);
      const ready = out;
      out = [];
      yield* ready;
    }
  }
  if (!finished || produced !== entry.size) throw new ZipEntryError(entry.name);
}
