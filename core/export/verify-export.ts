/**
 * Checks an export (format.ts) without trusting the device that made it: the manifest's form,
 * every file's SHA-256, the chain of key records from the first key (each checkpoint signed with
 * the key before it), every record of log.jsonl (hashes, links, sequence, and — for a log from
 * its beginning — the meaning rules), that each checkpoint inside it is one whose signature was
 * checked, and the manifest's signature with the key in force at its end. With an earlier export,
 * that this one continues it. The app's "verify a file" and `npx counter-steps verify` run this.
 *
 * In bounded memory: the manifest is read first, wherever it is in the zip (the app writes it
 * last), and each file then streams by once in the manifest's order — hashed as it comes, and
 * log.jsonl's records checked line by line (log-check.ts) — so nothing holds a file whole but
 * the manifest. Problems are still reported in one fixed order, whichever is met first: the
 * manifest, the files, the key chain, the records, the signature, the earlier export.
 */
import { JS_SHA256, canonicalize, type Sha256 } from '../domain/log/canonical';
import { stepKeyChain, type KeyChainState } from '../domain/log/key-chain';
import { fingerprint, verifySignature } from '../domain/log/signing';
import { PublicKeyJwkSchema, type PublicKeyJwk } from '../domain/log/events';
import {
  EXPORT_FORMAT_VERSION,
  FILES,
  MAX_FILE_BYTES,
  ManifestSchema,
  manifestPayload,
  type Manifest,
} from './format';
import type { ExportProblem } from './export-problem';
import { continuesFrom, startsWhereEnded } from './continuity';
import { LogCheck } from './log-check';
import type { DatedAhead } from '../domain/log/time-rules';
import { PersonalCheck } from './personal-check';
import { ZipEntryError, entriesOfMap, type ExportEntries } from './zip-entries';

const UNUSABLE: ReadonlySet<ExportProblem['kind']> = new Set([
  'not-an-export',
  'manifest-unreadable',
  'unsupported-version',
  'key-unreadable',
  'needs-previous',
]);

export interface ExportVerdict {
  status: 'intact' | 'not-intact' | 'unusable';
  problem: ExportProblem | null;
  manifest: Manifest | null;
  records: number;
  /** Every record up to this one is sealed by a checked checkpoint. */
  sealedUpTo: number;
  /** Whether the meaning rules were checked (only for an export from the log's beginning). */
  rulesChecked: boolean;
  /** The first key matched the one the auditor holds, or the log is only self-consistent. */
  keyCheck: 'matched' | 'self-consistent';
  fingerprint: string | null;
  /** With an earlier export: this one continues it. */
  continuesPrevious: boolean | null;
  /** Who signed the manifest: the device, or the store hub (an export made on the hub). */
  signedBy: 'device' | 'hub';
  /** The hub's key fingerprint, for an export the hub signed. */
  hubFingerprint: string | null;
  /** The first record dated later than the verifier's clock: the device's clock was ahead. */
  datedAhead: DatedAhead | null;
  /**
   * How many personal values personal.jsonl holds, each checked against its record's commitment;
   * null when the export has none (a masked export, or one made before the privacy rule).
   */
  personalValues: number | null;
}

/** An export's files: in memory, or read a part at a time (zip-entries.ts). */
export type ExportInput = ReadonlyMap<string, Uint8Array> | ExportEntries;

export interface VerifyExportOptions {
  /** The device's first key as the auditor holds it: its JWK or its fingerprint. */
  expectedKey?: PublicKeyJwk | string;
  previous?: ExportInput;
  /** Bytes of the export's files checked so far, of all of them. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the check between parts of a file: verifyExport rejects with an AbortError. */
  signal?: AbortSignal;
  /** The synchronous SHA-256 to use: JavaScript's by default; the command line passes Node's. */
  sha256?: Sha256;
  /** The verifier's own clock (epoch ms): a record dated later than it is named (`datedAhead`). */
  now?: number;
  /**
   * Takes a `keyChainFrom` start as the manifest states it: only for the earlier export of a pair,
   * whose own start was checked when it was verified with the one before it (decision 0074).
   */
  startAsStated?: boolean;
}

const entriesOf = (input: ExportInput): ExportEntries =>
  input instanceof Map ? entriesOfMap(input) : (input as ExportEntries);

function checkAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new DOMException('The check was cancelled.', 'AbortError');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** manifest.json, whole (it is small): read first, whatever its place in the zip. */
async function readManifest(entries: ExportEntries): Promise<Manifest | ExportProblem> {
  if (!entries.names.includes(FILES.manifest))
    return { kind: 'not-an-export', detail: `no ${FILES.manifest}` };
  if (entries.size(FILES.manifest) > MAX_FILE_BYTES)
    return { kind: 'manifest-unreadable', detail: 'too large' };
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const part of entries.open(FILES.manifest)) {
      parts.push(part.slice());
      length += part.length;
      if (length > MAX_FILE_BYTES) return { kind: 'manifest-unreadable', detail: 'too large' };
    }
  } catch (error) {
    if (error instanceof ZipEntryError) return { kind: 'manifest-unreadable', detail: 'damaged' };
    throw error;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return parseManifest(bytes);
}

function parseManifest(bytes: Uint8Array): Manifest | ExportProblem {
  let json: unknown;
  let text: string;
  try {
    text = decoder.decode(bytes);
    json = JSON.parse(text);
  } catch {
    return { kind: 'manifest-unreadable', detail: 'not JSON' };
  }
  // The signature covers the manifest's values; requiring the exact bytes the app writes means
  // no byte of it can change either (spacing included) without the verdict saying so.
  if (text !== `${JSON.stringify(json, null, 2)}\n`) {
    return { kind: 'manifest-unreadable', detail: 'not laid out as the app writes it' };
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) {
    return { kind: 'unsupported-version', detail: `format version ${version}` };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'manifest-unreadable',
      detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    };
  }
  return parsed.data;
}

/** The chain of key records: each checkpoint signed with the key named before it. */
async function checkKeyRecords(manifest: Manifest): Promise<
  | {
      hashes: Map<number, string>;
      sealedUpTo: number;
      current: { index: number; key: PublicKeyJwk };
      device: string;
    }
  | ExportProblem
> {
  const hashes = new Map<number, string>();
  // A chain continuing the previous export's starts at its key (checked against that export).
  const from = manifest.keyChainFrom;
  if (from && (await fingerprint(from.key)) !== from.fingerprint)
    return { kind: 'key-record', seq: from.seq, detail: 'key' };
  let chain: KeyChainState | null = from
    ? { index: from.keyIndex, key: from.key, device: manifest.device.id, seq: from.seq }
    : null;
  let sealedUpTo = 0;
  for (const row of manifest.keyRecords) {
    const step = await stepKeyChain(chain, row, manifest.device.firstKey);
    if (!step.ok) return { kind: 'key-record', seq: step.seq, detail: step.detail };
    chain = step.state;
    if (step.sealedUpTo !== null && step.seq <= manifest.records.last.seq)
      sealedUpTo = step.sealedUpTo;
    hashes.set(step.seq, step.hash);
  }
  if (!chain) return { kind: 'key-record', seq: null, detail: 'first' };
  return {
    hashes,
    sealedUpTo,
    current: { index: chain.index, key: chain.key },
    device: chain.device,
  };
}

async function expectedKeyMatches(
  manifest: Manifest,
  expected: PublicKeyJwk | string,
): Promise<boolean> {
  if (typeof expected !== 'string')
    return canonicalize(expected) === canonicalize(manifest.device.firstKey);
  const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  const parsed = PublicKeyJwkSchema.safeParse(safeJson(expected));
  if (parsed.success) return canonicalize(parsed.data) === canonicalize(manifest.device.firstKey);
  return normalise(await fingerprint(manifest.device.firstKey)) === normalise(expected);
}

/** A fingerprint (32 hexadecimal digits, spaces anywhere) or a public key as JWK. */
function keyReadable(expected: PublicKeyJwk | string): boolean {
  if (typeof expected !== 'string') return true;
  if (/^[0-9a-f]{32}$/i.test(expected.replace(/\s+/g, ''))) return true;
  return PublicKeyJwkSchema.safeParse(safeJson(expected)).success;
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function verifyExport(
  input: ExportInput,
  options: VerifyExportOptions = {},
): Promise<ExportVerdict> {
  const verdict: ExportVerdict = {
    status: 'intact',
    problem: null,
    manifest: null,
    records: 0,
    sealedUpTo: 0,
    rulesChecked: false,
    keyCheck: 'self-consistent',
    fingerprint: null,
    continuesPrevious: null,
    signedBy: 'device',
    hubFingerprint: null,
    datedAhead: null,
    personalValues: null,
  };
  const fail = (problem: ExportProblem): ExportVerdict => ({
    ...verdict,
    status: UNUSABLE.has(problem.kind) ? 'unusable' : 'not-intact',
    problem,
  });
  if (options.expectedKey !== undefined && !keyReadable(options.expectedKey)) {
    return fail({ kind: 'key-unreadable' });
  }
  const entries = entriesOf(input);

  const manifest = await readManifest(entries);
  if ('kind' in manifest) return fail(manifest);
  verdict.manifest = manifest;
  verdict.fingerprint = await fingerprint(manifest.device.firstKey);

  // Every file listed, each once, none added.
  const listed = new Set(manifest.files.map((file) => file.name));
  const seen = new Set<string>();
  for (const name of entries.names) {
    if (seen.has(name)) return fail({ kind: 'file-twice', file: name });
    if (name !== FILES.manifest && !listed.has(name))
      return fail({ kind: 'file-not-listed', file: name });
    seen.add(name);
  }

  // What the manifest alone says, checked before the files stream by (its verdict comes after
  // theirs, as a changed file is the plainer answer): the key chain, the device, the first key.
  const keys = await checkKeyRecords(manifest);
  const keyProblem: ExportProblem | null =
    'kind' in keys
      ? keys
      : keys.device !== manifest.device.id
        ? { kind: 'manifest-mismatch', field: 'device' }
        : options.expectedKey !== undefined &&
            !(await expectedKeyMatches(manifest, options.expectedKey))
          ? { kind: 'first-key-mismatch' }
          : null;

  // Each file streamed once: its digest and size, and log.jsonl's records as they come.
  const total = manifest.files.reduce((sum, file) => sum + entries.size(file.name), 0);
  let done = 0;
  let log: LogCheck | null = null;
  let personalCheck: PersonalCheck | null = null;
  for (const file of manifest.files) {
    if (!seen.has(file.name)) return fail({ kind: 'file-missing', file: file.name });
    const check: LogCheck | null =
      file.name === FILES.log && !log && !('kind' in keys)
        ? new LogCheck(manifest, keys.hashes, options.sha256 ?? JS_SHA256, options.now)
        : null;
    if (check) log = check;
    const personal =
      file.name === FILES.personal
        ? new PersonalCheck(log ? log.commitments : null, options.sha256 ?? JS_SHA256)
        : null;
    if (personal) personalCheck = personal;
    const hash = (options.sha256 ?? JS_SHA256).incremental();
    let bytes = 0;
    const parts = async function* () {
      for await (const part of entries.open(file.name)) {
        checkAborted(options.signal);
        hash.update(part);
        bytes += part.length;
        done += part.length;
        options.onProgress?.(Math.min(done, total), total);
        yield part;
      }
    };
    try {
      if (check) await check.run(parts());
      else if (personal) await personal.run(parts());
      else for await (const _part of parts());
    } catch (error) {
      if (error instanceof ZipEntryError) return fail({ kind: 'file-changed', file: file.name });
      throw error;
    }
    if (bytes !== file.bytes || hash.hex() !== file.sha256)
      return fail({ kind: 'file-changed', file: file.name });
  }
  if (keyProblem) return fail(keyProblem);
  if ('kind' in keys) return fail(keys);
  verdict.sealedUpTo = keys.sealedUpTo;
  if (options.expectedKey !== undefined) verdict.keyCheck = 'matched';

  // The records themselves.
  if (!log) return fail({ kind: 'file-missing', file: FILES.log });
  const summary = log.result();
  if ('kind' in summary) return fail(summary);
  verdict.records = summary.count;
  verdict.rulesChecked = summary.rulesChecked;
  verdict.datedAhead = summary.datedAhead;
  if (summary.whole) verdict.sealedUpTo = summary.sealedUpTo;
  // A full export's personal values, each against the commitment its record holds.
  const personalProblem = personalCheck?.result();
  if (personalProblem) return fail(personalProblem);
  verdict.personalValues = personalCheck ? personalCheck.count : null;
  if (summary.count !== manifest.records.count)
    return fail({ kind: 'manifest-mismatch', field: 'count' });
  const { last } = manifest.records;
  if (summary.head.seq !== last.seq || summary.lastHash !== last.hash)
    return fail({ kind: 'manifest-mismatch', field: 'last' });

  // The manifest is signed with the key in force once its last key record was written — or, for
  // an export the store hub made, with the hub's key (the records stay sealed by the device's).
  if (manifest.signature.signer === 'hub') {
    if (
      !manifest.hub ||
      !(await verifySignature(
        manifest.hub.publicKey,
        manifestPayload(unsigned(manifest)),
        manifest.signature.value,
      ))
    ) {
      return fail({ kind: 'manifest-signature' });
    }
    verdict.signedBy = 'hub';
    verdict.hubFingerprint = await fingerprint(manifest.hub.publicKey);
  } else if (
    manifest.hub ||
    manifest.signature.keyIndex !== keys.current.index ||
    !(await verifySignature(
      keys.current.key,
      manifestPayload(unsigned(manifest)),
      manifest.signature.value,
    ))
  ) {
    return fail({ kind: 'manifest-signature' });
  }

  if (options.previous) {
    const previous = entriesOf(options.previous);
    const earlier = await verifyExport(previous, {
      signal: options.signal,
      sha256: options.sha256,
      startAsStated: true,
    });
    if (earlier.status !== 'intact' || !earlier.manifest) {
      return fail({
        kind: 'previous-not-intact',
        problem: earlier.problem ?? { kind: 'not-an-export', detail: '' },
      });
    }
    const continuity = continuesFrom(earlier.manifest, manifest);
    if (continuity) return fail(continuity);
    const start = manifest.keyChainFrom;
    if (start && !startsWhereEnded(earlier.manifest, start))
      return fail({ kind: 'previous-key-mismatch', seq: start.seq });
    verdict.continuesPrevious = true;
  } else if (manifest.keyChainFrom && !options.startAsStated) {
    // Its first key is the previous export's last: without that export it is vouched by nothing.
    return fail({ kind: 'needs-previous', seq: manifest.keyChainFrom.seq });
  }
  return verdict;
}

const unsigned = ({ signature: _signature, ...rest }: Manifest) => rest;
