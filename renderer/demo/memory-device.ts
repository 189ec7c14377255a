/**
 * A device held in memory, without IndexedDB: the app's command path (renderer/storage/
 * device-store.ts) with the storage's evidence supplied by hand. Any command goes through the
 * domain's `decide`; the records are sealed with `sealRecord` and folded with `evolveDevice`; signed
 * checkpoints are added exactly where `DeviceStore.commit()` adds them (the day's close before a
 * new business day's first record; sign-out, every N records and forced ones after); and only the
 * private key in force is kept, as the key store does. It can make an export zip the way the
 * auditor's Export button does (seal, plan, build, record).
 *
 * The evidence: every PIN "matches" (a test may say otherwise), a new PIN's commitment is the
 * SHA-256 of its owner, the PIN and a counter, the first signing key is real (WebCrypto), and
 * commands come from the customer display too (ratings). Time is a clock the caller moves.
 *
 * Pure TypeScript over WebCrypto: it runs in Node (tests, scripts/demo-data.ts) and in a browser.
 */
import { evidenceNeeded } from '../domain/access/decide-access';
import { NO_LOCKOUT, type Lockout } from '../domain/access/lockout';
import type {
  Command,
  DecideEnv,
  Decision,
  PinCheck,
  PlannedRecord,
} from '../domain/device/commands';
import { businessDay } from '../domain/device/config';
import { decide } from '../domain/device/decide';
import { INITIAL_STATE, evolveDevice, openService, type DeviceState } from '../domain/device/state';
import type { Locale } from '../domain/locale';
import { sha256Hex } from '../domain/log/canonical';
import { checkpointDue, makeCheckpoint, type CheckpointReason } from '../domain/log/checkpoints';
import {
  hashOfNow,
  sealRecord,
  type StoredRecord,
  type UnsealedRecord,
} from '../domain/log/records';
import {
  fingerprint,
  generateSigningKey,
  sign,
  type KeyAlgorithm,
  type SigningKeyPair,
} from '../domain/log/signing';
import type { Head } from '../domain/log/witness';
import {
  SERVICE_COMMAND_TYPES,
  foldService,
  type ServiceCommand,
  type ServiceState,
} from '../domain/service/engine';
import { amendmentsByService } from '../domain/service/projection';
import { buildExport, type ExportRequest, type ExportResult } from '../export/build-export';
import { exportFileName } from '../export/format';
import type { Labels, Masking } from '../export/rows';

/** What a fresh id is for (a test can make them recognisable). */
export type IdKind = 'command' | 'record' | 'device' | 'boot';

export interface MemoryDeviceOptions {
  /** The wall clock at the start (epoch ms); the device's first boot begins then. */
  now?: number;
  /** Fresh ids; random UUIDs unless given (the demo generator makes them from its seed). */
  newId?: (kind: IdKind) => string;
  /** The first key's algorithm (later keys follow it, as in the store). */
  algorithm?: KeyAlgorithm;
  /**
   * Keep every private key instead of destroying each once a checkpoint names the next: only
   * for tests that play someone who copied the keys before the device destroyed them.
   */
  keepRetiredKeys?: boolean;
  /**
   * Seal without `sealRecord`'s re-check of each record against the schema, and hash with a
   * synchronous SHA-256 (@noble/hashes) over the same canonical bytes instead of WebCrypto's
   * asynchronous one: the same records, several times faster. The demo generator seals this way
   * (its records come from the domain's own decisions, and every export it makes is verified in
   * full); by default the device seals exactly as the app does.
   */
  fast?: boolean;
}

/** Evidence a caller can set instead of the defaults (every PIN matches, no waiting). */
export interface Evidence {
  verdict?: PinCheck['verdict'];
  lockout?: Lockout;
  commitment?: string;
}

type WithoutService<C> = C extends { serviceId: unknown } ? Omit<C, 'serviceId'> : C;
/** A service command without its service id: the device fills in the open service's. */
export type ServiceStep = WithoutService<ServiceCommand>;

/** What exporting a range of business days needs (as renderer/storage/export-source.ts plans it). */
export type MemoryExportRequest = Omit<ExportRequest, 'sink'> & { fileName: string };

export interface ExportOptions {
  /** Business days (YYYY-MM-DD); the whole log when left out. */
  range?: { from: string; to: string };
  labels: Labels;
  locale: Locale;
  masking?: Masking;
  appVersion?: string;
  workbookRowLimit?: number;
}

/** The calendar day after `day` (YYYY-MM-DD). */
const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

const BATCH = 2000;

export class MemoryDevice {
  /** Every record as stored, in sequence order. */
  readonly rows: StoredRecord[] = [];
  /** The fold of the log (a test may set it, e.g. to a v1 log's fold before an upgrade). */
  state: DeviceState = INITIAL_STATE;
  /** The wall clock (epoch ms): the caller moves it. */
  now: number;
  /** Milliseconds the clock moves by itself before each command or append. */
  tick = 0;
  algorithm: KeyAlgorithm;
  private boot: { id: string; at: number };
  private readonly signingKeys = new Map<number, SigningKeyPair>();
  private readonly keepRetiredKeys: boolean;
  private readonly fast: boolean;
  private readonly makeId: (kind: IdKind) => string;
  /** Rows that carry the key chain (identity, restore, checkpoints): an export's keyRecords. */
  private readonly keyRows: StoredRecord[] = [];
  private readonly amendmentRows: StoredRecord[] = [];
  private lastExport: StoredRecord | null = null;
  /** Where each service's records lie among `rows` (first and last index). */
  private readonly spans = new Map<string, { from: number; to: number }>();
  private pinsSet = 0;

  constructor(options: MemoryDeviceOptions = {}) {
    this.now = options.now ?? Date.now();
    this.makeId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.algorithm = options.algorithm ?? 'Ed25519';
    this.keepRetiredKeys = options.keepRetiredKeys ?? false;
    this.fast = options.fast ?? false;
    this.boot = { id: this.makeId('boot'), at: this.now };
  }

  newId(kind: IdKind): string {
    return this.makeId(kind);
  }

  get head(): Head {
    return { seq: this.state.head.seq, hash: this.state.head.hash };
  }

  /** The private keys still held, by index: only the one in force unless `keepRetiredKeys`. */
  get heldKeys(): ReadonlyMap<number, SigningKeyPair> {
    return this.signingKeys;
  }

  /** The app starts again (a reload, the tablet switched on): a new monotonic clock from now. */
  reboot(): void {
    this.boot = { id: this.makeId('boot'), at: this.now };
  }

  /** A service command for the open service (or for none, before a service starts). */
  complete(command: Command | ServiceStep): Command {
    if ('serviceId' in command || !SERVICE_COMMAND_TYPES.has(command.type))
      return command as Command;
    if (command.type === 'start-service') return command;
    const serviceId = openService(this.state)?.serviceId ?? 'none';
    return { ...command, serviceId } as Command;
  }

  /** Decides `command` against the current state and appends what it gives, refused or not. */
  async run(
    command: Command | ServiceStep,
    evidence: Evidence = {},
  ): Promise<Decision & { stored: StoredRecord[] }> {
    this.now += this.tick;
    const full = this.complete(command);
    const env: DecideEnv = { now: this.now, newId: this.makeId('command'), fromDisplay: true };
    const needs = evidenceNeeded(this.state, full);
    let firstKey: SigningKeyPair | undefined;
    if (needs.checkPin) {
      env.pin = {
        staffNo: needs.checkPin.staffNo,
        verdict: evidence.verdict ?? 'match',
        lockout: evidence.lockout ?? NO_LOCKOUT,
      };
    }
    if (needs.newPin) {
      this.pinsSet += 1;
      env.newPin = {
        commitment:
          evidence.commitment ??
          (await sha256Hex(`${needs.newPin.staffNo}:${needs.newPin.pin}:${this.pinsSet}`)),
      };
    }
    if (needs.identity) {
      firstKey = await generateSigningKey(this.algorithm);
      env.identity = {
        deviceId: this.makeId('device'),
        algorithm: firstKey.algorithm,
        publicKey: firstKey.publicKey,
      };
    }
    if (needs.service) env.amendTarget = this.serviceState(needs.service);
    const decision = decide(this.state, full, env);
    const stored =
      decision.records.length > 0 || decision.checkpoint
        ? await this.commit(decision.records, { firstKey, forced: decision.checkpoint })
        : [];
    return { ...decision, stored };
  }

  /** Runs a command that must be accepted; returns the records it stored. */
  async must(command: Command | ServiceStep, evidence: Evidence = {}): Promise<StoredRecord[]> {
    const { refusal, stored } = await this.run(command, evidence);
    if (refusal) throw new Error(`${command.type} refused: ${JSON.stringify(refusal)}`);
    return stored;
  }

  /**
   * Appends records no command decided, sealed and checkpointed as any others: the store's v1
   * upgrade does this, and tests forge records through it.
   */
  append(
    planned: readonly PlannedRecord[],
    extras: { firstKey?: SigningKeyPair; forced?: CheckpointReason } = {},
  ): Promise<StoredRecord[]> {
    this.now += this.tick;
    return this.commit(planned, extras);
  }

  /**
   * Continues a log release 0.1.0 wrote (already folded into `state`) as the store upgrades it: a
   * new device identity, the upgrade record with the credentials' commitments, a checkpoint.
   */
  async upgradeFromV1(
    credentials: { subject: string; commitment: string }[],
  ): Promise<StoredRecord[]> {
    const firstKey = await generateSigningKey(this.algorithm);
    return this.append(
      [
        {
          staffNo: null,
          serviceId: null,
          event: {
            type: 'device-identity',
            deviceId: this.makeId('device'),
            algorithm: firstKey.algorithm,
            publicKey: firstKey.publicKey,
          },
        },
        {
          staffNo: null,
          serviceId: null,
          event: { type: 'log-upgraded', fromSchema: 1, credentials },
        },
      ],
      { firstKey, forced: 'upgrade' },
    );
  }

  /** A service folded from its records, as the store folds an amendment's target. */
  serviceState(serviceId: string): ServiceState | null {
    const span = this.spans.get(serviceId);
    if (!span) return null;
    const events = [];
    for (let index = span.from; index <= span.to; index += 1) {
      const record = this.rows[index] as StoredRecord;
      if (record.serviceId !== serviceId) continue;
      events.push({
        serviceId,
        seq: record.seq,
        atMs: Date.parse(record.at),
        staffNo: record.staffNo,
        event: record.event,
      });
    }
    return foldService(events);
  }

  // -------------------------------------------------------------------------------------------
  // Exports

  /**
   * What buildExport needs for `range` (the whole log by default), read from memory as
   * ExportSource.plan reads it from IndexedDB. Seal first (`seal-for-export`) so the export ends
   * with a fresh checkpoint; a signed-in auditor or manager is the exporter.
   */
  async exportRequest(options: ExportOptions): Promise<MemoryExportRequest> {
    const { state } = this;
    const session = state.session;
    const key = state.keys ? this.signingKeys.get(state.keys.index) : undefined;
    if (!state.identity || !state.keys || !key) throw new Error('the signing key is missing');
    if (!session) throw new Error('nobody is signed in to export');
    const first = this.rows[0];
    const last = this.rows.at(-1);
    if (!first || !last) throw new Error('no records');
    const config = state.config;
    const dayOf = (record: StoredRecord) => businessDay(Date.parse(record.at), config);
    const range = options.range ?? { from: dayOf(first), to: dayOf(last) };
    const firstIndex = this.firstOnOrAfter(range.from);
    let lastIndex = this.firstOnOrAfter(nextDay(range.to)) - 1;
    if (firstIndex > lastIndex) throw new Error('no records in the range');
    // A checkpoint right after the range seals it (the day's close, or the export's own seal).
    if (this.rows[lastIndex + 1]?.event.type === 'checkpoint') lastIndex += 1;
    const from = this.rows[firstIndex] as StoredRecord;
    const to = this.rows[lastIndex] as StoredRecord;
    const days = {
      from: dayOf(from),
      to: range.to < dayOf(to) ? range.to : dayOf(to),
    };
    const previousEnd =
      this.lastExport?.event.type === 'export-made' ? this.lastExport.event.lastSeq : null;
    const previousRow = previousEnd === null ? undefined : this.rowAt(previousEnd);
    const keyIndex = state.keys.index;
    const offset = first.seq;
    const rows = this.rows;
    return {
      fileName: exportFileName(state.counter, days.from, days.to),
      rows: async function* (fromSeq: number, toSeq: number) {
        for (let seq = fromSeq; seq <= toSeq; seq += BATCH) {
          yield rows.slice(seq - offset, Math.min(toSeq, seq + BATCH - 1) - offset + 1);
        }
      },
      first: { seq: from.seq, prevHash: from.prevHash, hash: from.hash },
      last: { seq: to.seq, hash: to.hash },
      range: { ...days, timeZone: config.timeZone, dayStartMinutes: config.dayStartMinutes },
      device: {
        id: state.identity.deviceId,
        counter: state.counter,
        firstKey: state.identity.firstKey,
        fingerprint: await fingerprint(state.identity.firstKey),
      },
      keyRecords: this.keyRows.filter((row) => row.seq <= state.head.seq),
      previousExport:
        previousEnd !== null && previousRow
          ? { lastSeq: previousEnd, lastHash: previousRow.hash }
          : null,
      amendments: amendmentsByService(this.amendmentRows),
      exportedBy: { staffNo: session.staffNo, role: session.role },
      exportedAt: new Date(this.now).toISOString(),
      masking: options.masking ?? 'none',
      locale: options.locale,
      appVersion: options.appVersion ?? 'demo',
      config,
      labels: options.labels,
      sign: async (payload) => ({
        keyIndex,
        algorithm: key.algorithm,
        value: await sign(key, payload),
      }),
      workbookRowLimit: options.workbookRowLimit,
    };
  }

  /**
   * An export as the auditor's Export button makes it: seal the log, plan the range, build the
   * zip, then record the export (with its digests) in the log.
   */
  async exportZip(
    options: ExportOptions,
  ): Promise<{ bytes: Uint8Array; fileName: string; result: ExportResult }> {
    await this.must({ type: 'seal-for-export' });
    const { fileName, ...request } = await this.exportRequest(options);
    const chunks: Uint8Array[] = [];
    const result = await buildExport({
      ...request,
      sink: async (chunk) => void chunks.push(chunk),
    });
    const bytes = concat(chunks);
    await this.must({
      type: 'record-export',
      export: {
        from: request.range.from,
        to: request.range.to,
        firstSeq: result.manifest.records.first.seq,
        lastSeq: result.manifest.records.last.seq,
        masked: request.masking !== 'none',
        manifestSha256: result.manifestSha256,
        files: result.files.map(({ name, sha256 }) => ({ name, sha256 })),
      },
    });
    return { bytes, fileName, result };
  }

  // -------------------------------------------------------------------------------------------

  private rowAt(seq: number): StoredRecord | undefined {
    const first = this.rows[0];
    return first ? this.rows[seq - first.seq] : undefined;
  }

  /** The index of the first row whose business day is on or after `day` (rows.length if none). */
  private firstOnOrAfter(day: string): number {
    const config = this.state.config;
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const row = this.rows[middle] as StoredRecord;
      if (businessDay(Date.parse(row.at), config) >= day) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** As DeviceStore.commit: seal after the head, add a signed checkpoint when one is due. */
  private async commit(
    planned: readonly PlannedRecord[],
    extras: { firstKey?: SigningKeyPair; forced?: CheckpointReason } = {},
  ): Promise<StoredRecord[]> {
    const now = this.now;
    const before = this.state;
    const due = extras.forced ?? checkpointDue(before, planned, now);
    const sealed: StoredRecord[] = [];
    const newKeys = new Map<number, SigningKeyPair>();
    if (extras.firstKey) newKeys.set(0, extras.firstKey);
    let state = before;
    const append = async (records: readonly PlannedRecord[]) => {
      const added = await this.seal(state, records, now);
      sealed.push(...added);
      for (const record of added) state = evolveDevice(state, record);
    };
    const checkpoint = async (reason: CheckpointReason) => {
      if (!state.keys || !state.identity) return;
      const index = state.keys.index;
      const signer =
        index === 0 && extras.firstKey
          ? extras.firstKey
          : (newKeys.get(index) ?? this.signingKeys.get(index));
      if (!signer) throw new Error(`the signing key ${index} is missing`);
      const next = await generateSigningKey(signer.algorithm);
      const event = await makeCheckpoint({
        device: state.identity.deviceId,
        head: state.head,
        reason,
        keyIndex: index,
        key: signer,
        nextKey: next.publicKey,
      });
      await append([{ staffNo: null, serviceId: null, event }]);
      newKeys.set(index + 1, next);
    };
    // The day's close seals yesterday's last record before today's first one; every other
    // checkpoint seals what this command added.
    if (due === 'day-close') await checkpoint(due);
    await append(planned);
    if (due && due !== 'day-close') await checkpoint(due);

    this.store(sealed);
    this.state = state;
    for (const [index, key] of newKeys) this.signingKeys.set(index, key);
    if (!this.keepRetiredKeys && state.keys && newKeys.size > 0) {
      for (const index of [...this.signingKeys.keys()])
        if (index !== state.keys.index) this.signingKeys.delete(index);
    }
    return sealed;
  }

  private store(sealed: readonly StoredRecord[]): void {
    for (const record of sealed) {
      const index = this.rows.length;
      this.rows.push(record);
      const { event, serviceId } = record;
      if (serviceId) {
        const span = this.spans.get(serviceId);
        if (span) span.to = index;
        else this.spans.set(serviceId, { from: index, to: index });
      }
      if (
        event.type === 'device-identity' ||
        event.type === 'device-restored' ||
        event.type === 'checkpoint'
      )
        this.keyRows.push(record);
      else if (event.type === 'service-amended') this.amendmentRows.push(record);
      else if (event.type === 'export-made') this.lastExport = record;
    }
  }

  /** As the storage's Sealer: stamp, link and hash each planned record after `state`'s head. */
  private async seal(
    state: DeviceState,
    planned: readonly PlannedRecord[],
    now: number,
  ): Promise<StoredRecord[]> {
    const at = new Date(now).toISOString();
    const mono = { boot: this.boot.id, ms: Math.max(0, Math.round(now - this.boot.at)) };
    let device = state.identity?.deviceId ?? null;
    let counter = state.counter;
    let prevHash = state.head.hash;
    const sealed: StoredRecord[] = [];
    for (const [offset, { staffNo, serviceId, event }] of planned.entries()) {
      if (event.type === 'device-identity' || event.type === 'device-restored')
        device = event.deviceId;
      if (event.type === 'device-set-up') counter = event.counter;
      if (device === null) throw new Error('no device identity yet');
      const unsealed: UnsealedRecord = {
        v: 2,
        seq: state.head.seq + 1 + offset,
        id: this.makeId('record'),
        at,
        mono,
        device,
        staffNo,
        counter,
        serviceId,
        event,
        prevHash,
      };
      const record = this.fast
        ? ({ ...unsealed, hash: hashOfNow(unsealed) } satisfies StoredRecord)
        : await sealRecord(unsealed);
      sealed.push(record);
      prevHash = record.hash;
    }
    return sealed;
  }
}

/** One array from the zip's chunks. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
