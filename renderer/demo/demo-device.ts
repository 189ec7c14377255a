/**
 * A demo counter's tablet: the app's own store (renderer/storage: DeviceStore, its committer and
 * sealer, its export workflow) over a database of its own — IndexedDB in a browser or a worker,
 * fake-indexeddb in Node (the scripts import it first) — with a clock the generator moves. Every
 * command goes through `DeviceStore.execute` exactly as a tap on a tablet does: evidence gathered
 * (PINs really checked, with fewer PBKDF2 rounds), decided, sealed, checkpointed and appended.
 * The store serves as the customer display too, so ratings come from it.
 *
 * The database is the demo's scratch space: `close()` deletes it once the export is made.
 */
import type { Command } from '../../core/domain/device/commands';
import { openService, type DeviceState } from '../../core/domain/device/state';
import type { Locale } from '../../core/domain/locale';
import type { LogRecord } from '../../core/domain/log/records';
import type { Refusal } from '../../core/domain/refusal';
import { SERVICE_COMMAND_TYPES, type ServiceCommand } from '../../core/domain/service/engine';
import type { ExportResult } from '../../core/export/build-export';
import type { Labels } from '../../core/export/rows';
import {
  makeExport,
  memoryTarget,
  memoryWitness,
  openStore,
  type Clock,
  type DeviceStore,
  type ExportMade,
  type ExportStore,
  type ExportTarget,
  type IndexedDbBackend,
} from '../storage';

type WithoutService<C> = C extends { serviceId: unknown } ? Omit<C, 'serviceId'> : C;
/** A service command without its service id: the device fills in the open service's. */
export type ServiceStep = WithoutService<ServiceCommand>;

/** PBKDF2 rounds for the demo's PINs: checked for real, without a tablet's deliberate slowness. */
const DEMO_PIN_ITERATIONS = 1_000;

export interface DemoDeviceOptions {
  /** The database's name (unique among those open at once). */
  name: string;
  /** The wall clock at the start (epoch ms). */
  now: number;
  /** Fresh ids: the generator makes them from its seed. */
  newId: () => string;
  /** The IndexedDB the database lives in: the page's (or the global one in Node) by default. */
  backend?: IndexedDbBackend;
  /** Hears each command as it goes to the store, with the clock it is run at (tests replay it). */
  onExecute?: (entry: ExecutedCommand) => void;
}

/** A command the device ran, and its clock: the wall time and the monotonic clock's boot. */
export interface ExecutedCommand {
  command: Command;
  now: number;
  boot: { id: string; at: number };
}

export class DemoDevice {
  /** The wall clock (epoch ms): the generator moves it. */
  now: number;
  /** Records stored, by event type (the truth's counts). */
  readonly events: Record<string, number> = {};
  private boot: { id: string; at: number };
  private readonly newId: () => string;
  private readonly onExecute: ((entry: ExecutedCommand) => void) | undefined;

  private constructor(
    readonly name: string,
    private readonly store: DeviceStore,
    private readonly factory: IDBFactory,
    clock: { now: number; boot: { id: string; at: number } },
    options: DemoDeviceOptions,
  ) {
    this.now = clock.now;
    this.boot = clock.boot;
    this.newId = options.newId;
    this.onExecute = options.onExecute;
  }

  static async open(options: DemoDeviceOptions): Promise<DemoDevice> {
    // The store reads the clock through this object; the device moves what it reads.
    let device: DemoDevice | null = null;
    const start = { now: options.now, boot: { id: options.newId(), at: options.now } };
    const clock: Clock = {
      now: () => device?.now ?? start.now,
      mono: () => {
        const boot = device?.boot ?? start.boot;
        return (device?.now ?? start.now) - boot.at;
      },
      get boot() {
        return (device?.boot ?? start.boot).id;
      },
    };
    const store = await openStore({
      name: options.name,
      clock,
      display: true,
      pinIterations: DEMO_PIN_ITERATIONS,
      witness: memoryWitness(),
      newId: options.newId,
      scratch: true,
      backend: options.backend,
    });
    device = new DemoDevice(
      options.name,
      store,
      options.backend?.indexedDB ?? globalThis.indexedDB,
      start,
      options,
    );
    return device;
  }

  get state(): DeviceState {
    return this.store.snapshot.state;
  }

  /** The app starts again (a reload, the tablet switched on): a new monotonic clock from now. */
  reboot(): void {
    this.boot = { id: this.newId(), at: this.now };
  }

  /** A service command for the open service (or for none, before a service starts). */
  complete(command: Command | ServiceStep): Command {
    if ('serviceId' in command || !SERVICE_COMMAND_TYPES.has(command.type))
      return command as Command;
    if (command.type === 'start-service') return command;
    const serviceId = openService(this.state)?.serviceId ?? 'none';
    return { ...command, serviceId } as Command;
  }

  /** Runs `command` through the store; the refusal when it was refused (records kept all the same). */
  async run(
    command: Command | ServiceStep,
  ): Promise<{ refusal: Refusal | null; stored: LogRecord[] }> {
    const before = this.state.head.seq;
    const result = await this.execute(this.complete(command));
    if (result.ok) return { refusal: null, stored: result.value };
    // The one refusal the demo plays, a wrong PIN, stores the failed sign-in all the same.
    const stored = this.state.head.seq - before;
    if (stored > 0) this.events['sign-in-failed'] = (this.events['sign-in-failed'] ?? 0) + stored;
    return { refusal: result.error, stored: [] };
  }

  /** Runs a command that must be accepted; returns the records it stored. */
  async must(command: Command | ServiceStep): Promise<LogRecord[]> {
    const { refusal, stored } = await this.run(command);
    if (refusal) throw new Error(`${command.type} refused: ${JSON.stringify(refusal)}`);
    return stored;
  }

  /** A service folded from its records, as the store folds an amendment's target. */
  serviceState(serviceId: string) {
    return this.store.serviceState(serviceId);
  }

  /**
   * The export of `range` made by the store's export workflow, the Export button's, into
   * `target` (whoever is signed in exports).
   */
  async exportInto(
    options: {
      range: { from: string; to: string };
      labels: Labels;
      locale: Locale;
      keyChain?: 'whole' | 'from-previous';
    },
    target: ExportTarget,
  ): Promise<ExportMade> {
    const { store } = this;
    // The store, with its commands counted as this device's own are.
    const counted: ExportStore = {
      get snapshot() {
        return store.snapshot;
      },
      archive: store.archive,
      now: () => store.now(),
      execute: (command) => this.execute(command),
    };
    const made = await makeExport(
      counted,
      { ...options, masking: 'none', appVersion: 'demo' },
      target,
    );
    if (!made.ok) throw new Error(`the demo export failed: ${JSON.stringify(made.error)}`);
    return made.value;
  }

  /** The export of `range` (see `exportInto`), in memory. */
  async exportZip(options: {
    range: { from: string; to: string };
    labels: Labels;
    locale: Locale;
  }): Promise<{ bytes: Uint8Array; fileName: string; result: ExportResult }> {
    const target = memoryTarget();
    const { fileName, result } = await this.exportInto(options, target);
    return { bytes: target.bytes(), fileName, result };
  }

  /** Closes the store and deletes its database. */
  async close(): Promise<void> {
    this.store.close();
    await new Promise<void>((resolve, reject) => {
      const request = this.factory.deleteDatabase(this.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('the demo database stayed'));
    });
  }

  private async execute(command: Command) {
    this.onExecute?.({ command, now: this.now, boot: this.boot });
    const result = await this.store.execute(command);
    if (result.ok) {
      for (const { event } of result.value)
        this.events[event.type] = (this.events[event.type] ?? 0) + 1;
    }
    return result;
  }
}
