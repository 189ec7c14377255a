/**
 * Exports coming back onto a device, checked in full before a single row is written:
 *
 * - another counter's log, added read-only (tables `chains` and `chainRecords`) so a manager can
 *   review several counters before the store hub exists: the export must verify intact, must not
 *   be this device's own log, and must continue what is held of that counter without a gap; a
 *   record held with another hash is a fork, refused and reported as tampering. The same export
 *   twice adds nothing.
 * - a backup restored onto a new tablet (an export from the log's beginning, onto an empty device):
 *   its rows go in exactly as they were; the store then finishes the restore (new device id, new
 *   key chain, a manager's new PIN).
 */
import { foldDevice, type DeviceState } from '../../core/domain/device/state';
import {
  heldSeqsNeeded,
  judgeContinuation,
  type ChainRow as ContinuedRow,
} from '../../core/domain/log/continuation';
import { importCautions, type ImportCaution } from '../../core/domain/log/import-caution';
import type { PersonalValue } from '../../core/domain/log/personal';
import { readRecords } from '../../core/domain/log/records';
import { err, ok, type Result } from '../../core/domain/result';
import type { Manifest } from '../../core/export/format';
import type { ReadExportProblem } from '../../core/export/read-export';
import type { ExportVerdict } from '../../core/export/verify-export';
import type { ExportEntries } from '../../core/export/zip-entries';
import type { ChainRow, CounterStepsDb } from './db';
import type { EventLog } from './event-log';

export type ImportProblem =
  | { kind: 'unreadable'; problem: ReadExportProblem }
  | { kind: 'not-intact'; verdict: ExportVerdict }
  | { kind: 'own-log' }
  | { kind: 'other-first-key' }
  | { kind: 'gap'; from: number; to: number }
  | { kind: 'fork'; seq: number }
  | { kind: 'not-a-backup' }
  /** Intact, and nothing written yet: the manager confirms first, for these reasons. */
  | { kind: 'needs-confirmation'; cautions: ImportCaution[] }
  | { kind: 'device-not-empty' };

/** A verdict of intact, which always comes with its manifest. */
export type IntactVerdict = ExportVerdict & { manifest: Manifest };

export interface Imported {
  verdict: IntactVerdict;
  /** Records added (0: the export was already held). */
  added: number;
  chain: ChainRow;
}

/** log.jsonl: the name export/format.ts gives it, here without loading that module. */
const LOG_FILE = 'log.jsonl';
const PERSONAL_FILE = 'personal.jsonl';

/** log.jsonl's records (already verified), read line by line from the zip. */
async function rowsOf(files: ExportEntries): Promise<unknown[]> {
  const { lineJson, rawLines } = await import('../../core/export/log-lines');
  const rows: unknown[] = [];
  for await (const raw of rawLines(files.open(LOG_FILE))) rows.push(lineJson(raw));
  return rows;
}

/**
 * A full backup's personal values (personal.jsonl), each already checked against its record's
 * commitment by the verifier, dated by its record for the retention rule; none in a masked one.
 */
async function personalValuesOf(
  files: ExportEntries,
  rows: readonly unknown[],
): Promise<PersonalValue[]> {
  if (!files.names.includes(PERSONAL_FILE)) return [];
  const { lineJson, rawLines } = await import('../../core/export/log-lines');
  const atOf = new Map<number, string>();
  for (const row of rows) {
    const { seq, at } = row as { seq?: unknown; at?: unknown };
    if (typeof seq === 'number' && typeof at === 'string') atOf.set(seq, at);
  }
  const values: PersonalValue[] = [];
  for await (const raw of rawLines(files.open(PERSONAL_FILE))) {
    const line = lineJson(raw) as Omit<PersonalValue, 'at'>;
    const at = atOf.get(line.seq);
    if (at) values.push({ ...line, at });
  }
  return values;
}

/** The export checked in full, its files inflated a part at a time, none held whole. */
async function opened(
  bytes: Uint8Array,
): Promise<Result<{ files: ExportEntries; verdict: IntactVerdict }, ImportProblem>> {
  // The zip reader and the verifier load only when an export is opened: the clerk never needs them.
  const [{ bytesSource, openZip }, { verifyExport }] = await Promise.all([
    import('../../core/export/zip-entries'),
    import('../../core/export/verify-export'),
  ]);
  const read = await openZip(bytesSource(bytes));
  if (!read.ok) return err({ kind: 'unreadable', problem: read.error });
  const verdict = await verifyExport(read.value);
  const { manifest } = verdict;
  if (verdict.status !== 'intact' || !manifest) return err({ kind: 'not-intact', verdict });
  return ok({ files: read.value, verdict: { ...verdict, manifest } });
}

export class Importer {
  constructor(
    private readonly db: CounterStepsDb,
    private readonly log: EventLog,
  ) {}

  /**
   * Another counter's log, added or continued read-only. A new device, a log starting mid-way or
   * a counter another device uses here is refused with the reasons until `confirmed`.
   */
  async addChain(
    bytes: Uint8Array,
    own: DeviceState,
    confirmed = false,
  ): Promise<Result<Imported, ImportProblem>> {
    const opening = await opened(bytes);
    if (!opening.ok) return opening;
    const { files, verdict } = opening.value;
    const { manifest } = verdict;
    const device = manifest.device.id;
    const ownKey = own.identity ? JSON.stringify(own.identity.firstKey) : null;
    if (device === own.identity?.deviceId || JSON.stringify(manifest.device.firstKey) === ownKey) {
      return err({ kind: 'own-log' });
    }
    const rows = (await rowsOf(files)) as ContinuedRow[];
    const held = await this.db.chains.get(device);
    if (held && JSON.stringify(held.firstKey) !== JSON.stringify(manifest.device.firstKey)) {
      return err({ kind: 'other-first-key' });
    }
    const first = manifest.records.first.seq;
    if (!confirmed) {
      const cautions = importCautions({
        device,
        counter: manifest.device.counter,
        fingerprint: manifest.device.fingerprint,
        firstSeq: first,
        held: held ? { counter: held.counter } : null,
        devicesHere: [
          ...(await this.db.chains.toArray()).map((chain) => ({
            device: chain.device,
            counter: chain.counter,
          })),
          ...(own.identity ? [{ device: own.identity.deviceId, counter: own.counter }] : []),
        ],
      });
      if (cautions.length > 0) return err({ kind: 'needs-confirmation', cautions });
    }
    const head = held ? { seq: held.headSeq, hash: held.headHash } : null;
    const needed = heldSeqsNeeded(head, rows);
    const stored = await this.db.chainRecords.bulkGet(
      needed.map((seq) => [device, seq] as [string, number]),
    );
    const heldHashes = new Map<number, string>();
    for (const entry of stored) {
      const hash = (entry?.row as { hash?: unknown } | undefined)?.hash;
      if (entry && typeof hash === 'string') heldHashes.set(entry.seq, hash);
    }
    const judged = judgeContinuation(head, rows, heldHashes);
    if (judged.kind === 'gap') return err(judged);
    if (judged.kind === 'fork') return err(judged);
    const fresh = judged.kind === 'continues' ? judged.fresh : [];
    const last = rows.at(-1);
    const chain: ChainRow = {
      device,
      counter: manifest.device.counter,
      firstKey: manifest.device.firstKey,
      fingerprint: manifest.device.fingerprint,
      firstSeq: held?.firstSeq ?? first,
      headSeq: Math.max(held?.headSeq ?? 0, last?.seq ?? 0),
      headHash: fresh.length > 0 ? (last?.hash ?? '') : (held?.headHash ?? ''),
      importedAt: new Date().toISOString(),
    };
    if (fresh.length > 0) {
      await this.db.transaction('rw', this.db.chains, this.db.chainRecords, async () => {
        await this.db.chainRecords.bulkAdd(fresh.map((row) => ({ device, seq: row.seq, row })));
        await this.db.chains.put(chain);
      });
    }
    return ok({ verdict, added: fresh.length, chain: held && fresh.length === 0 ? held : chain });
  }

  /** The other counters' logs held here. */
  chains(): Promise<ChainRow[]> {
    return this.db.chains.toArray();
  }

  /** A chain's records as that device stored them, in order. */
  async *chainRows(device: string, size = 2000): AsyncGenerator<unknown[]> {
    let after = 0;
    for (;;) {
      const batch = await this.db.chainRecords
        .where('[device+seq]')
        .between([device, after + 1], [device, Infinity])
        .limit(size)
        .toArray();
      if (batch.length === 0) return;
      yield batch.map((entry) => entry.row);
      after = batch.at(-1)?.seq ?? Infinity;
      if (batch.length < size) return;
    }
  }

  /**
   * A backup onto this empty device: checked, then its rows put in as they were. Returns the
   * state they fold to, for the store to finish the restore with (see finish-restore).
   */
  async restore(
    bytes: Uint8Array,
    current: DeviceState,
  ): Promise<Result<{ verdict: IntactVerdict; state: DeviceState }, ImportProblem>> {
    if (current.head.seq > 0) return err({ kind: 'device-not-empty' });
    const opening = await opened(bytes);
    if (!opening.ok) return opening;
    const { files, verdict } = opening.value;
    if (verdict.manifest.records.first.seq !== 1) return err({ kind: 'not-a-backup' });
    const rows = await rowsOf(files);
    const values = await personalValuesOf(files, rows);
    await this.log.restore(rows, values);
    const held = new Map(values.map((kept) => [kept.commitment, kept.value]));
    const records = readRecords(rows, (commitment) => held.get(commitment)).records;
    return ok({ verdict, state: foldDevice(records) });
  }
}
