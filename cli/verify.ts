/**
 * `counter-steps verify <zip or folder> [--previous <earlier export>] [--key <fingerprint or JWK>]
 * [--lang zh-CN|zh-TW|en] [--json]`: checks an export without trusting the device that made it,
 * with the same code as the app (core/export/verify-export.ts). Exit 0 intact, 1 not intact,
 * 2 unusable input.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LocaleSchema, type Locale } from '../core/domain/locale';
import i18next, { type TFunction } from 'i18next';
import { I18N_OPTIONS } from '../core/i18n/options';
import { exportProblemText, verdictLines } from '../core/export/messages';
import { verifyExport } from '../core/export/verify-export';
import { NODE_SHA256 } from '../core/node/sha256';
import { openZip, type ByteSource, type ExportEntries } from '../core/export/zip-entries';
import en from '../core/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../core/i18n/locales/zh-CN.json' with { type: 'json' };
import zhTW from '../core/i18n/locales/zh-TW.json' with { type: 'json' };

export const EXIT = { intact: 0, notIntact: 1, unusable: 2 } as const;

interface Options {
  path: string;
  previous?: string;
  key?: string;
  lang: Locale;
  json: boolean;
}

type Opened =
  | { ok: true; files: ExportEntries; close: () => Promise<void> }
  | { ok: false; problem: Parameters<typeof exportProblemText>[1] };

const USAGE =
  'Usage: counter-steps verify <export.zip | folder> [--previous <earlier export>] [--key <fingerprint or JWK>] [--lang zh-CN|zh-TW|en] [--json]';

export function parseArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Options | string {
  const [command, ...rest] = args;
  if (command !== 'verify') return USAGE;
  const options: Partial<Options> = { json: false };
  const fromEnv = LocaleSchema.safeParse((env.LANG ?? '').split('.')[0]?.replace('_', '-'));
  options.lang = fromEnv.success ? fromEnv.data : 'en';
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    const value = () => rest[++index];
    if (arg === '--previous') options.previous = value();
    else if (arg === '--key') options.key = value();
    else if (arg === '--lang') {
      const lang = LocaleSchema.safeParse(value());
      if (!lang.success) return USAGE;
      options.lang = lang.data;
    } else if (arg === '--json') options.json = true;
    else if (arg.startsWith('--')) return USAGE;
    else if (options.path === undefined) options.path = arg;
    else return USAGE;
  }
  if (
    !options.path ||
    (rest.includes('--previous') && !options.previous) ||
    (rest.includes('--key') && !options.key)
  ) {
    return USAGE;
  }
  return options as Options;
}

/** A folder's files, each streamed from disk when it is read. */
async function folderEntries(path: string): Promise<ExportEntries> {
  const sizes = new Map<string, number>();
  for (const name of await readdir(path)) {
    const info = await stat(join(path, name));
    if (info.isFile()) sizes.set(name, info.size);
  }
  return {
    names: [...sizes.keys()],
    size: (name) => sizes.get(name) ?? 0,
    open: (name) => createReadStream(join(path, name), { highWaterMark: 1024 * 1024 }),
  };
}

/**
 * An export from a zip, or from a folder it was unpacked into: its files are read from disk a
 * part at a time as they are checked, never whole. `close` lets go of the zip file.
 */
export async function openExport(path: string): Promise<Opened> {
  const info = await stat(path).catch(() => null);
  if (!info) return { ok: false, problem: { kind: 'not-found', path } };
  if (info.isDirectory()) {
    return { ok: true, files: await folderEntries(path), close: () => Promise.resolve() };
  }
  const handle = await open(path, 'r');
  const source: ByteSource = {
    size: info.size,
    read: async (position, length) => {
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    },
  };
  const read = await openZip(source);
  if (read.ok) return { ok: true, files: read.value, close: () => handle.close() };
  await handle.close();
  return { ok: false, problem: { kind: read.error } };
}

function translator(lang: Locale): TFunction<'translation'> {
  const i18n = i18next.createInstance();
  void i18n.init({
    ...I18N_OPTIONS,
    lng: lang,
    ns: ['translation'],
    resources: {
      en: { translation: en },
      'zh-CN': { translation: zhCN },
      'zh-TW': { translation: zhTW },
    },
  });
  return i18n.getFixedT(lang, 'translation');
}

/** Runs the command; returns the exit code, writing to `out` (and `err` for usage). */
export async function main(
  args: readonly string[],
  io: {
    out: (line: string) => void;
    err: (line: string) => void;
    env: Record<string, string | undefined>;
  },
): Promise<number> {
  const options = parseArgs(args, io.env);
  if (typeof options === 'string') {
    io.err(options);
    return EXIT.unusable;
  }
  const t = translator(options.lang);
  const opened = await openExport(options.path);
  if (!opened.ok) {
    io.out(t('verifyFile.unusable', { problem: exportProblemText(t, opened.problem) }));
    return EXIT.unusable;
  }
  const earlier = options.previous ? await openExport(options.previous) : null;
  if (earlier && !earlier.ok) {
    await opened.close();
    io.out(t('verifyFile.unusable', { problem: exportProblemText(t, earlier.problem) }));
    return EXIT.unusable;
  }
  const verdict = await verifyExport(opened.files, {
    expectedKey: options.key,
    previous: earlier?.ok ? earlier.files : undefined,
    sha256: NODE_SHA256,
    now: Date.now(),
  }).finally(async () => {
    await opened.close();
    if (earlier?.ok) await earlier.close();
  });
  if (options.json) {
    const { manifest, ...rest } = verdict;
    io.out(
      JSON.stringify(
        { ...rest, device: manifest?.device.id ?? null, range: manifest?.range ?? null },
        null,
        2,
      ),
    );
  } else {
    for (const line of verdictLines(t, verdict)) io.out(line);
  }
  return verdict.status === 'intact'
    ? EXIT.intact
    : verdict.status === 'unusable'
      ? EXIT.unusable
      : EXIT.notIntact;
}
