/**
 * Checks an export (format.ts) without trusting the device that made it: the manifest's form,
 * every file's SHA-256, the chain of key records from the first key (each checkpoint signed with
 * the key before it), every record of log.jsonl (hashes, links, sequence, and — for a log from
 * its beginning — the meaning rules), that each checkpoint inside it is one whose signature was
 * checked, and the manifest's signature with the key in force at its end. With an earlier export,
 * that this one continues it. The app's "verify a file" and `npx counter-steps verify` run this.
 */
import { canonicalize, sha256Hex } from '../domain/log/canonical';
import { stepKeyChain, type KeyChainState } from '../domain/log/key-chain';
import { hashOfNow } from '../domain/log/records';
import { fingerprint, verifySignature } from '../domain/log/signing';
import { PublicKeyJwkSchema, type PublicKeyJwk } from '../domain/log/events';
import { LogVerifier, type VerifyProblem } from '../domain/log/verify';
import { FILES, ManifestSchema, manifestPayload, type Manifest } from './format';

export type ExportProblem =
  /** The input is not something this verifier can judge (exit code 2). */
  | { kind: 'not-an-export'; detail: string }
  | { kind: 'manifest-unreadable'; detail: string }
  | { kind: 'unsupported-version'; detail: string }
  /** The input is an export, and it is not intact (exit code 1). */
  | { kind: 'file-missing'; file: string }
  | { kind: 'file-not-listed'; file: string }
  | { kind: 'file-changed'; file: string }
  | { kind: 'log-line-unreadable'; line: number }
  | { kind: 'manifest-mismatch'; field: 'first' | 'last' | 'count' | 'device' }
  | {
      kind: 'key-record';
      seq: number | null;
      detail: 'hash' | 'order' | 'first' | 'key' | 'signature';
    }
  | { kind: 'first-key-mismatch' }
  | { kind: 'manifest-signature' }
  | { kind: 'log'; problem: VerifyProblem }
  | { kind: 'previous-other-device' }
  | { kind: 'previous-gap'; from: number; to: number }
  | { kind: 'previous-fork'; seq: number }
  | { kind: 'previous-not-intact'; problem: ExportProblem };

const UNUSABLE: ReadonlySet<ExportProblem['kind']> = new Set([
  'not-an-export',
  'manifest-unreadable',
  'unsupported-version',
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
}

export interface VerifyExportOptions {
  /** The device's first key as the auditor holds it: its JWK or its fingerprint. */
  expectedKey?: PublicKeyJwk | string;
  previous?: ReadonlyMap<string, Uint8Array>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseManifest(files: ReadonlyMap<string, Uint8Array>): Manifest | ExportProblem {
  const bytes = files.get(FILES.manifest);
  if (!bytes) return { kind: 'not-an-export', detail: `no ${FILES.manifest}` };
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
  if (typeof version === 'number' && version > 1) {
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
  let chain: KeyChainState | null = null;
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

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const lineDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const NEWLINE = 0x0a;

/**
 * log.jsonl, line by line, each line decoded on its own: memory holds the bytes and one line, not
 * a second copy of a counter-year's log as one string. (A newline byte never occurs inside a
 * UTF-8 sequence, so splitting the bytes splits the text.) A line that is not UTF-8 gives null.
 */
function* lines(bytes: Uint8Array): Generator<{ line: number; text: string | null }> {
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    line += 1;
    if (stop > start) {
      let text: string | null;
      try {
        text = lineDecoder.decode(bytes.subarray(start, stop));
      } catch {
        text = null;
      }
      // As a decoder of the whole file would, drop a byte-order mark at its very start only.
      if (line === 1 && text?.startsWith('\ufeff')) text = text.slice(1);
      yield { line, text };
    }
    start = stop + 1;
  }
}

export async function verifyExport(
  files: ReadonlyMap<string, Uint8Array>,
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
  };
  const fail = (problem: ExportProblem): ExportVerdict => ({
    ...verdict,
    status: UNUSABLE.has(problem.kind) ? 'unusable' : 'not-intact',
    problem,
  });

  const manifest = parseManifest(files);
  if ('kind' in manifest) return fail(manifest);
  verdict.manifest = manifest;
  verdict.fingerprint = await fingerprint(manifest.device.firstKey);

  // Every file listed, none added, none changed.
  const listed = new Set(manifest.files.map((file) => file.name));
  for (const name of files.keys()) {
    if (name !== FILES.manifest && !listed.has(name))
      return fail({ kind: 'file-not-listed', file: name });
  }
  for (const file of manifest.files) {
    const bytes = files.get(file.name);
    if (!bytes) return fail({ kind: 'file-missing', file: file.name });
    if (bytes.length !== file.bytes || (await sha256Hex(bytes)) !== file.sha256) {
      return fail({ kind: 'file-changed', file: file.name });
    }
  }

  const keys = await checkKeyRecords(manifest);
  if ('kind' in keys) return fail(keys);
  if (keys.device !== manifest.device.id)
    return fail({ kind: 'manifest-mismatch', field: 'device' });
  verdict.sealedUpTo = keys.sealedUpTo;
  if (options.expectedKey !== undefined) {
    if (!(await expectedKeyMatches(manifest, options.expectedKey)))
      return fail({ kind: 'first-key-mismatch' });
    verdict.keyCheck = 'matched';
  }

  // The records themselves.
  const log = files.get(FILES.log);
  if (!log) return fail({ kind: 'file-missing', file: FILES.log });
  const { first, last } = manifest.records;
  const whole = first.seq === 1;
  const verifier = new LogVerifier(
    whole
      ? { expectedFirstKey: manifest.device.firstKey, hash: hashOfNow }
      : {
          slice: {
            from: { seq: first.seq, prevHash: first.prevHash },
            keyRecordHashes: keys.hashes,
          },
          hash: hashOfNow,
        },
  );
  let count = 0;
  let lastHash = '';
  for (const { line, text } of lines(log)) {
    const row = safeJson(text);
    if (row === null) return fail({ kind: 'log-line-unreadable', line });
    if (
      count === 0 &&
      ((row as { prevHash?: unknown }).prevHash !== first.prevHash ||
        (row as { hash?: unknown }).hash !== first.hash)
    ) {
      return fail({ kind: 'manifest-mismatch', field: 'first' });
    }
    const problem = await verifier.push(row);
    if (problem) return fail({ kind: 'log', problem });
    // A record the key chain vouches for must be that very record.
    const { seq, hash } = row as { seq: number; hash: string };
    const vouched = keys.hashes.get(seq);
    if (vouched !== undefined && vouched !== hash) {
      return fail({ kind: 'log', problem: { kind: 'checkpoint-signature', seq } });
    }
    count += 1;
    lastHash = String((row as { hash?: unknown }).hash);
  }
  const summary = verifier.finish();
  verdict.records = count;
  verdict.rulesChecked = summary.rulesChecked;
  if (whole) verdict.sealedUpTo = summary.sealedUpTo;
  if (count !== manifest.records.count) return fail({ kind: 'manifest-mismatch', field: 'count' });
  if (summary.head.seq !== last.seq || lastHash !== last.hash)
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
    const earlier = await verifyExport(options.previous);
    if (earlier.status !== 'intact' || !earlier.manifest) {
      return fail({
        kind: 'previous-not-intact',
        problem: earlier.problem ?? { kind: 'not-an-export', detail: '' },
      });
    }
    const continuity = await continuesFrom(earlier.manifest, options.previous, manifest, log);
    if (continuity) return fail(continuity);
    verdict.continuesPrevious = true;
  }
  return verdict;
}

const unsigned = ({ signature: _signature, ...rest }: Manifest) => rest;

/** Whether `manifest` picks up where `earlier` ended: no gap, and the same records where both hold them. */
async function continuesFrom(
  earlier: Manifest,
  earlierFiles: ReadonlyMap<string, Uint8Array>,
  manifest: Manifest,
  log: Uint8Array,
): Promise<ExportProblem | null> {
  if (canonicalize(earlier.device.firstKey) !== canonicalize(manifest.device.firstKey)) {
    return { kind: 'previous-other-device' };
  }
  const end = earlier.records.last;
  const start = manifest.records.first;
  if (end.seq + 1 < start.seq)
    return { kind: 'previous-gap', from: end.seq + 1, to: start.seq - 1 };
  if (end.seq + 1 === start.seq) {
    return start.prevHash === end.hash ? null : { kind: 'previous-fork', seq: start.seq };
  }
  // They overlap: every record both hold must be the same record.
  const hashes = new Map<number, string>();
  for (const { text } of lines(earlierFiles.get(FILES.log) ?? new Uint8Array())) {
    const row = safeJson(text) as { seq?: number; hash?: string } | null;
    if (row?.seq !== undefined && row.hash) hashes.set(row.seq, row.hash);
  }
  for (const { text } of lines(log)) {
    const row = safeJson(text) as { seq?: number; hash?: string } | null;
    if (row?.seq === undefined) continue;
    const held = hashes.get(row.seq);
    if (held !== undefined && held !== row.hash) return { kind: 'previous-fork', seq: row.seq };
  }
  return null;
}
