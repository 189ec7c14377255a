/**
 * The device's side of the store hub: enrolment with a manager's one-time code, and pushes of the
 * log in order from wherever the hub's copy ends (resumable: a week offline is caught up batch by
 * batch, each one stored by the hub before the next goes, with progress). Every request carries
 * the device's key records and is signed with the key in force (core/domain/hub/protocol.ts);
 * the network itself is the platform's (`HubTransport`), which only reaches the configured hub.
 */
import type { DeviceState } from '../../core/domain/device/state';
import {
  EnrolAnswerSchema,
  EnrolCodeSchema,
  HeadAnswerSchema,
  HubErrorSchema,
  MAX_PUSH_ROWS,
  PushAnswerSchema,
  RestoreAnswerSchema,
  WitnessAnswerSchema,
  enrolPayload,
  headPayload,
  pushPayload,
  restorePayload,
  witnessPayload,
  type EnrolAnswer,
  type HubAlert,
  type EnrolRequest,
  type HubError,
  type HubTransport,
  type PushRequest,
  type RestoreAnswer,
  type WitnessAnswer,
} from '../../core/domain/hub/protocol';
import { seqOf } from '../../core/domain/log/records';
import { err, ok, type Result } from '../../core/domain/result';
import type { EventLog } from './event-log';
import type { SigningKeys } from './key-store';

export type { HubTransport };

export type HubProblem =
  /** The hub could not be reached (offline, wrong address, not allowed). */
  | { kind: 'unreachable' }
  /** The hub answered with an error (its code says which). */
  | { kind: 'refused'; error: HubError }
  /** The hub's answer was not one the protocol knows. */
  | { kind: 'bad-answer' }
  /** This device has no identity or key in force yet. */
  | { kind: 'no-key' }
  /** The hub holds another record at `seq` than this device: history differs (tampering). */
  | { kind: 'forked'; seq: number }
  | { kind: 'cancelled' };

export interface PushProgress {
  /** Sequence numbers the hub holds / the device's head. */
  hubSeq: number;
  headSeq: number;
  /** 0..1 of what was missing when this push began. */
  fraction: number;
}

export interface PushDone {
  pushed: number;
  head: { seq: number; hash: string };
  /** This device's alerts on the hub, as its last answer listed them (absent: none was asked). */
  alerts?: HubAlert[];
}

interface Deps {
  log: EventLog;
  keys: SigningKeys;
  state: () => DeviceState;
}

const KEY_TYPES = ['device-identity', 'device-restored', 'checkpoint'] as const;

async function call(
  transport: HubTransport,
  request: Parameters<HubTransport>[0],
): Promise<Result<unknown, HubProblem>> {
  let answer: { status: number; body: unknown };
  try {
    answer = await transport(request);
  } catch {
    return err({ kind: 'unreachable' });
  }
  if (answer.status >= 200 && answer.status < 300) return ok(answer.body);
  const error = HubErrorSchema.safeParse(answer.body);
  return err(error.success ? { kind: 'refused', error: error.data } : { kind: 'bad-answer' });
}

interface PushOptions {
  onProgress?: (progress: PushProgress) => void;
  signal?: AbortSignal;
  batch?: number;
}

export class HubClient {
  /** Pushes one at a time (a manager's and the automatic one): each waits for the one before. */
  private pushing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: Deps) {}

  /** The log's first device id: the hub knows the log by it, whatever tablet it is on now. */
  private async keyRecords(headSeq: number) {
    const rows = (await this.deps.log.rowsOfTypes([...KEY_TYPES])) as Record<string, unknown>[];
    return rows.filter((row) => (seqOf(row) ?? Infinity) <= headSeq);
  }

  private async signer() {
    const state = this.deps.state();
    const index = state.keys?.index;
    if (index === undefined || !state.identity) return null;
    const key = await this.deps.keys.signer(state);
    if (!key || key.keyIndex !== index) return null;
    const keyRecords = await this.keyRecords(state.head.seq);
    const identity = keyRecords[0]?.event as { type?: string; deviceId?: string } | undefined;
    if (identity?.type !== 'device-identity' || !identity.deviceId) return null;
    return {
      device: identity.deviceId,
      keyIndex: index,
      keyRecords,
      sign: async (payload: unknown) => ({ keyIndex: index, value: await key.sign(payload) }),
    };
  }

  /** The signed enrolment request (exposed for tests of the hub). */
  async enrolRequest(code: string): Promise<EnrolRequest | null> {
    const signer = await this.signer();
    if (!signer) return null;
    const { keyIndex } = signer;
    return {
      code,
      device: signer.device,
      counter: this.deps.state().counter,
      keyRecords: signer.keyRecords,
      signature: await signer.sign(enrolPayload({ code, device: signer.device, keyIndex })),
    };
  }

  /** The signed push of `rows` (exposed for tests of the hub). */
  async pushRequest(rows: readonly Record<string, unknown>[]): Promise<PushRequest | null> {
    const signer = await this.signer();
    const first = rows[0];
    const last = rows.at(-1);
    if (!signer || !first || !last) return null;
    const { keyIndex } = signer;
    return {
      device: signer.device,
      rows: [...rows],
      keyRecords: signer.keyRecords,
      signature: await signer.sign(
        pushPayload({
          device: signer.device,
          keyIndex,
          first: { seq: Number(first.seq), prevHash: String(first.prevHash) },
          last: { seq: Number(last.seq), hash: String(last.hash) },
          count: rows.length,
        }),
      ),
    };
  }

  async enrol(transport: HubTransport, code: string): Promise<Result<EnrolAnswer, HubProblem>> {
    const request = await this.enrolRequest(code.trim().toUpperCase());
    if (!request) return err({ kind: 'no-key' });
    const answer = await call(transport, { method: 'POST', path: '/api/v1/enrol', body: request });
    if (!answer.ok) return answer;
    const parsed = EnrolAnswerSchema.safeParse(answer.value);
    return parsed.success ? ok(parsed.data) : err({ kind: 'bad-answer' });
  }

  /**
   * After a restore from a backup: the one-time restore code a manager made for this log's device
   * on the hub, signed with this tablet's key in force, so that the hub takes its new keys (until
   * then every push is refused as `restore-not-approved`).
   */
  async approveRestore(
    transport: HubTransport,
    code: string,
  ): Promise<Result<RestoreAnswer, HubProblem>> {
    const typed = EnrolCodeSchema.safeParse(code);
    if (!typed.success) return err({ kind: 'refused', error: { error: 'bad-code' } });
    const signer = await this.signer();
    if (!signer) return err({ kind: 'no-key' });
    const { device, keyIndex } = signer;
    const body = {
      code: typed.data,
      device,
      keyRecords: signer.keyRecords,
      signature: await signer.sign(restorePayload({ code: typed.data, device, keyIndex })),
    };
    const answer = await call(transport, { method: 'POST', path: '/api/v1/restore', body });
    if (!answer.ok) return answer;
    const parsed = RestoreAnswerSchema.safeParse(answer.value);
    return parsed.success ? ok(parsed.data) : err({ kind: 'bad-answer' });
  }

  /** Where the hub's copy of this log ends. */
  async hubHead(
    transport: HubTransport,
  ): Promise<Result<{ seq: number; hash: string }, HubProblem>> {
    const answer = await this.headAnswer(transport);
    return answer.ok ? ok(answer.value.head) : answer;
  }

  /** The hub's head and the newest head it witnessed, asked with the key in force. */
  private async headAnswer(transport: HubTransport) {
    const signer = await this.signer();
    if (!signer) return err<HubProblem>({ kind: 'no-key' });
    // Signed: the hub tells a log's head only to the device itself (or a signed-in hub user).
    const answer = await call(transport, {
      method: 'POST',
      path: '/api/v1/head',
      body: {
        device: signer.device,
        keyRecords: signer.keyRecords,
        signature: await signer.sign(
          headPayload({ device: signer.device, keyIndex: signer.keyIndex }),
        ),
      },
    });
    if (!answer.ok) return answer;
    const parsed = HeadAnswerSchema.safeParse(answer.value);
    return parsed.success ? ok(parsed.data) : err<HubProblem>({ kind: 'bad-answer' });
  }

  /**
   * Tells the hub this device's head as it is now (hub/witness.ts), with this device's own record
   * at the newest head the hub witnessed, and the tickets this screen called since it opened. The
   * answer lists the device's alerts on the hub.
   */
  async reportHead(
    transport: HubTransport,
    screen: { id: string; calls: number },
  ): Promise<Result<WitnessAnswer, HubProblem>> {
    const asked = await this.headAnswer(transport);
    if (!asked.ok) return asked;
    const signer = await this.signer();
    if (!signer) return err({ kind: 'no-key' });
    const { seq, hash } = this.deps.state().head;
    const witnessed = asked.value.witnessed ?? null;
    let anchor: { seq: number; hash: string | null } | null = null;
    if (witnessed && witnessed.seq > 0 && witnessed.seq !== seq) {
      const mine = (await this.deps.log.rowAt(witnessed.seq)) as { hash?: unknown } | undefined;
      anchor = { seq: witnessed.seq, hash: typeof mine?.hash === 'string' ? mine.hash : null };
    }
    const report = { device: signer.device, head: { seq, hash }, anchor, calls: screen.calls };
    const body = {
      ...report,
      screen: screen.id,
      keyRecords: signer.keyRecords,
      signature: await signer.sign(
        witnessPayload({ ...report, screen: screen.id, keyIndex: signer.keyIndex }),
      ),
    };
    const answer = await call(transport, { method: 'POST', path: '/api/v1/witness', body });
    if (!answer.ok) return answer;
    const parsed = WitnessAnswerSchema.safeParse(answer.value);
    return parsed.success ? ok(parsed.data) : err({ kind: 'bad-answer' });
  }

  /**
   * Pushes everything the hub does not hold yet, in order, `batch` records a request. Resumes
   * from the hub's head each time (and after a gap answer, from where the hub says).
   */
  push(transport: HubTransport, options: PushOptions = {}): Promise<Result<PushDone, HubProblem>> {
    const run = this.pushing.then(() => this.pushNow(transport, options));
    this.pushing = run.catch(() => undefined);
    return run;
  }

  private async pushNow(
    transport: HubTransport,
    options: PushOptions,
  ): Promise<Result<PushDone, HubProblem>> {
    const size = Math.min(options.batch ?? 500, MAX_PUSH_ROWS);
    const started = await this.hubHead(transport);
    if (!started.ok) return started;
    let hub = started.value;
    if (hub.seq > 0) {
      const mine = (await this.deps.log.rowAt(hub.seq)) as { hash?: unknown } | undefined;
      if (mine?.hash !== hub.hash) return err({ kind: 'forked', seq: hub.seq });
    }
    const from = hub.seq;
    let pushed = 0;
    let alerts: HubAlert[] | undefined;
    for (let attempts = 0; attempts < 10_000; attempts += 1) {
      const headSeq = this.deps.state().head.seq;
      options.onProgress?.({
        hubSeq: hub.seq,
        headSeq,
        fraction: headSeq > from ? (hub.seq - from) / (headSeq - from) : 1,
      });
      if (hub.seq >= headSeq) return ok({ pushed, head: hub, ...(alerts ? { alerts } : {}) });
      if (options.signal?.aborted) return err({ kind: 'cancelled' });
      const batches = this.deps.log.batches(size, hub.seq + 1, Math.min(headSeq, hub.seq + size));
      const { value: rows } = await batches.next();
      await batches.return(undefined);
      if (!rows || rows.length === 0)
        return ok({ pushed, head: hub, ...(alerts ? { alerts } : {}) });
      const request = await this.pushRequest(rows as Record<string, unknown>[]);
      if (!request) return err({ kind: 'no-key' });
      const answer = await call(transport, { method: 'POST', path: '/api/v1/push', body: request });
      if (!answer.ok) {
        const { error } = answer;
        // The hub is missing records before these: go back to where it says.
        if (error.kind === 'refused' && error.error.error === 'gap') {
          const head = await this.hubHead(transport);
          if (!head.ok) return head;
          hub = head.value;
          continue;
        }
        if (error.kind === 'refused' && error.error.error === 'fork')
          return err({ kind: 'forked', seq: error.error.seq ?? hub.seq + 1 });
        return answer;
      }
      const parsed = PushAnswerSchema.safeParse(answer.value);
      if (!parsed.success) return err({ kind: 'bad-answer' });
      pushed += parsed.data.added;
      hub = parsed.data.head;
      alerts = parsed.data.alerts ?? alerts;
    }
    return err({ kind: 'bad-answer' });
  }
}
