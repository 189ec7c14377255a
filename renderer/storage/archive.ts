/**
 * Logs leaving and coming back: what an export needs (export-source.ts), another counter's log
 * added read-only, and a backup restored onto a new tablet (importer.ts) — each import recorded
 * in this device's own log through the store's one command path.
 */
import { activeSession } from '../../core/domain/access/active-session';
import { checkNewPin } from '../../core/domain/access/pin';
import type { Command } from '../../core/domain/device/commands';
import { restoredState, type DeviceState } from '../../core/domain/device/state';
import { sha256Hex } from '../../core/domain/log/canonical';
import type { LogRecord } from '../../core/domain/log/records';
import type { Head } from '../../core/domain/log/witness';
import { refusal, type Refusal } from '../../core/domain/refusal';
import { err, type Result } from '../../core/domain/result';
import type { ChainRow } from './db';
import type { ExportPlan, ExportPlanProblem, ExportSource } from './export-source';
import type { ImportProblem, Imported, Importer } from './importer';
import type { ReviewIndex } from './review-index';

/** The parts of the store the archive works through. */
export interface StoreAccess {
  state(): DeviceState;
  execute(command: Command): Promise<Result<LogRecord[], Refusal>>;
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  replaceState(state: DeviceState): void;
  advanceWitness(head: Head): Promise<void>;
  /** Starts bringing the review up to date behind the clerk (review-catch-up.ts). */
  reviewFollows(): void;
}

export class Archive {
  constructor(
    private readonly exports: ExportSource,
    private readonly importer: Importer,
    private readonly review: ReviewIndex,
    private readonly store: StoreAccess,
  ) {}

  /**
   * What exporting `range` (business days) needs, read from the log as it is now; seal it first
   * (the `seal-for-export` command) so the export ends with a fresh checkpoint.
   */
  planExport(range: { from: string; to: string }): Promise<Result<ExportPlan, ExportPlanProblem>> {
    return this.store.exclusive(() => this.exports.plan(this.store.state(), range));
  }

  /**
   * Adds (or continues) another counter's log from its export, read-only, after checking it in
   * full; then records the import in this device's log. Managers only. A device never held here,
   * a log starting mid-way or a counter already in use here waits for `confirmed`.
   */
  async importChain(
    bytes: Uint8Array,
    options: { confirmed?: boolean } = {},
  ): Promise<Result<Imported, ImportProblem | Refusal>> {
    const gate = activeSession(this.store.state(), 'import-log');
    if ('refusal' in gate) return err(gate.refusal);
    const imported = await this.importer.addChain(
      bytes,
      this.store.state(),
      options.confirmed === true,
    );
    if (!imported.ok || imported.value.added === 0) return imported;
    const { chain } = imported.value;
    await this.review.refreshChain(
      chain.device,
      chain.headSeq,
      this.importer.chainRows(chain.device),
    );
    const { manifest } = imported.value.verdict;
    const recorded = await this.store.execute({
      type: 'record-import',
      import: {
        device: chain.device,
        counter: chain.counter,
        firstSeq: manifest.records.first.seq,
        lastSeq: manifest.records.last.seq,
        manifestSha256: await sha256Hex(new TextEncoder().encode(JSON.stringify(manifest))),
      },
    });
    return recorded.ok ? imported : err(recorded.error);
  }

  /** The other counters' logs held on this device. */
  chains(): Promise<ChainRow[]> {
    return this.importer.chains();
  }

  /**
   * Restores a backup (an export from the log's beginning) onto this new, empty device, then
   * finishes it: the log goes on under this tablet's id and key chain, and the manager named
   * sets a new PIN and is signed in.
   */
  async restoreBackup(
    bytes: Uint8Array,
    manager: { staffNo: string; pin: string; confirmation: string },
  ): Promise<Result<LogRecord[], ImportProblem | Refusal>> {
    const pinProblem = checkNewPin(manager.pin, manager.confirmation);
    if (pinProblem) return err(refusal(pinProblem));
    const restored = await this.store.exclusive(async () => {
      const result = await this.importer.restore(bytes, this.store.state());
      if (result.ok) {
        this.store.replaceState(restoredState(result.value.state));
      }
      return result;
    });
    if (!restored.ok) return restored;
    await this.store.advanceWitness(this.store.state().head);
    // The log is written and verified: the counter is usable now, the review follows.
    this.store.reviewFollows();
    return this.store.execute({ type: 'finish-restore', ...manager });
  }
}
