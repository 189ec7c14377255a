// @vitest-environment node
/**
 * Bad input at main's door: random and hostile payloads on every IPC channel. Each is refused with
 * the typed `invalid-payload` (or `forbidden-sender`) answer before anything reaches the export
 * files, the witness or the display blocker — nothing is written, nothing moves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from '../../../core/domain/zod';
import {
  BeginExportRequestSchema,
  CHANNELS,
  ExportHandleRequestSchema,
  KeepAwakeRequestSchema,
  SetHubRequestSchema,
  PrintReportRequestSchema,
  WitnessAdvanceRequestSchema,
  WitnessReadRequestSchema,
  WriteExportRequestSchema,
  FirstKeyRequestSchema,
  CheckpointRequestSchema,
  StatementRequestSchema,
  KeyInForceRequestSchema,
} from '../../../preload/contract';
import {
  GetAppInfoRequestSchema,
  GetHubRequestSchema,
  IPC_ERRORS,
  OpenDisplayRequestSchema,
  createIpcHandlers,
  type IpcHandlers,
} from '../../../main/ipc-handlers';

const APP = 'app://counter-steps/index.html';

/** Every dependency main's handlers reach, each recording that it was reached. */
function spies() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args.map((arg) => typeof arg))}`);
      return Promise.resolve({ ok: true as const, value: null });
    };
  const handlers = createIpcHandlers({
    appVersion: '0.1.0',
    kiosk: false,
    exports: {
      begin: record('exports.begin'),
      write: record('exports.write'),
      finish: record('exports.finish'),
      abort: record('exports.abort'),
    } as never,
    keepAwake: { set: (on: boolean) => void record('keepAwake.set')(on), isOn: () => false },
    witness: { read: record('witness.read'), advance: record('witness.advance') },
    display: { viewOf: () => 'counter', open: record('display.open') },
    keys: {
      firstKey: record('keys.firstKey'),
      signCheckpoint: record('keys.signCheckpoint'),
      signStatement: record('keys.signStatement'),
      keyInForce: record('keys.keyInForce'),
      settle: record('keys.settle'),
    } as never,
    hub: {
      read: record('hub.read'),
      write: record('hub.write'),
      origin: () => null,
      load: () => Promise.resolve(),
    },
    printPdf: (...args: unknown[]) => {
      calls.push(`printPdf ${JSON.stringify(args.map((arg) => typeof arg))}`);
      return Promise.resolve(new Uint8Array([37, 80, 68, 70]));
    },
  });
  return { handlers, calls };
}

const SCHEMAS: Record<keyof IpcHandlers, z.ZodMiniType> = {
  getAppInfo: GetAppInfoRequestSchema,
  setKeepAwake: KeepAwakeRequestSchema,
  beginExport: BeginExportRequestSchema,
  writeExport: WriteExportRequestSchema,
  finishExport: ExportHandleRequestSchema,
  abortExport: ExportHandleRequestSchema,
  readWitness: WitnessReadRequestSchema,
  advanceWitness: WitnessAdvanceRequestSchema,
  firstKey: FirstKeyRequestSchema,
  signCheckpoint: CheckpointRequestSchema,
  signStatement: StatementRequestSchema,
  keyInForce: KeyInForceRequestSchema,
  openDisplay: OpenDisplayRequestSchema,
  getHub: GetHubRequestSchema,
  setHub: SetHubRequestSchema,
  printReport: PrintReportRequestSchema,
};

const HOSTILE_STRINGS = [
  '../../../../etc/passwd',
  '..\\..\\windows\\system32\\config',
  'CON.zip',
  'x'.repeat(100_000),
  '\u0000.zip',
  'export.zip\u0000.exe',
  '/absolute/path.zip',
  'COUNTER-STEPS',
  '__proto__',
  '<img src=x onerror=alert(1)>',
];

/** A payload close to a valid one: each field replaced by something hostile, or extra fields. */
const nearMiss = fc.oneof(
  fc.record({ fileName: fc.constantFrom(...HOSTILE_STRINGS) }),
  fc.record({ handle: fc.constantFrom(...HOSTILE_STRINGS, '', 42, null) }),
  fc.record({
    handle: fc.uuid(),
    chunk: fc.oneof(
      fc.constant(new Uint8Array(16 * 1024 * 1024 + 1)),
      fc.constant('AAAA'),
      fc.array(fc.nat({ max: 255 }), { maxLength: 8 }),
      fc.constant(new ArrayBuffer(8)),
    ),
  }),
  fc.record({ on: fc.constantFrom('true', 1, null, 'yes') }),
  fc.record({ log: fc.constantFrom(...HOSTILE_STRINGS, 'Counter-Steps', '') }),
  fc.record({
    log: fc.constant('counter-steps'),
    head: fc.oneof(
      fc.record({
        seq: fc.constantFrom(-1, 0.5, NaN, Infinity, '5'),
        hash: fc.constant('0'.repeat(64)),
      }),
      fc.record({ seq: fc.nat(), hash: fc.constantFrom('', 'g'.repeat(64), '0'.repeat(63)) }),
    ),
  }),
  fc.record({ on: fc.boolean(), extra: fc.anything() }),
  fc.record({
    log: fc.constant('counter-steps'),
    device: fc.uuid(),
    keyIndex: fc.constantFrom(-1, 0.5, '0', 0),
    head: fc.constant({ seq: 1, hash: '0'.repeat(64) }),
    rows: fc.constantFrom([], 'rows', null),
    nextKey: fc.constantFrom(undefined, { kty: 'OKP', crv: 'Ed25519', x: 'planted' }),
  }),
  fc.record({
    log: fc.constant('counter-steps'),
    device: fc.uuid(),
    keyIndex: fc.constant(0),
    payload: fc.record({
      purpose: fc.constantFrom('counter-steps/checkpoint', 'anything', 42),
      upToSeq: fc.nat(),
    }),
  }),
  fc.record({
    settings: fc.record({
      origin: fc.constantFrom(...HOSTILE_STRINGS, 'http://a.b/path', "http://a.b 'unsafe-eval'"),
      enrolment: fc.constant(null),
      lastPush: fc.constant(null),
    }),
  }),
  fc.record({ log: fc.constant('counter-steps'), __proto__: fc.anything() }),
);
const payload = fc.oneof(fc.anything({ maxDepth: 3 }), nearMiss);

describe('every IPC channel, fed random and hostile payloads', () => {
  for (const method of Object.keys(CHANNELS) as (keyof IpcHandlers)[]) {
    it(`${method}: refuses what its schema does not accept, reaching nothing`, async () => {
      const schema = SCHEMAS[method];
      await fc.assert(
        fc.asyncProperty(fc.array(payload, { maxLength: 3 }), async (args) => {
          const acceptable = args.length <= 1 && schema.safeParse(args[0]).success;
          fc.pre(!acceptable);
          const { handlers, calls } = spies();
          const result = await handlers[method](APP, args);
          expect(result).toEqual({ ok: false, error: IPC_ERRORS.invalidPayload });
          expect(calls).toEqual([]);
        }),
        { numRuns: 300 },
      );
    }, 30_000);
  }

  it('refuses every channel from any sender that is not the app, whatever the payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(CHANNELS) as (keyof IpcHandlers)[])),
        fc.oneof(
          fc.webUrl(),
          fc.constantFrom(null, undefined, '', 'file:///x', 'app://counter-steps.evil/'),
        ),
        fc.array(payload, { maxLength: 2 }),
        async (method, sender, args) => {
          const { handlers, calls } = spies();
          expect(await handlers[method](sender, args)).toEqual({
            ok: false,
            error: IPC_ERRORS.forbiddenSender,
          });
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('passes a valid payload through (so the refusals above are the schemas’, not a broken gate)', async () => {
    const { handlers, calls } = spies();
    await handlers.setKeepAwake(APP, [{ on: true }]);
    await handlers.readWitness(APP, [{ log: 'counter-steps' }]);
    expect(calls).toEqual(['keepAwake.set ["boolean"]', 'witness.read ["string"]']);
  });
});
