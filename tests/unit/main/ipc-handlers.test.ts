// @vitest-environment node
/**
 * Main's IPC handlers: one per contract channel, the sender check every channel makes before the
 * payload, the app's info and the display's keep-awake blocker.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../preload/contract';
import { IPC_ERRORS, handlersByChannel } from '../../../main/ipc-handlers';
import { APP, HOSTILE_SENDERS, fakeDisplay, goodExport, setup } from './ipc-support';

describe('handlersByChannel', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setup();
    const channels = handlersByChannel(handlers).map(([channel]) => channel);
    expect(channels.sort()).toEqual(Object.values(CHANNELS).sort());
  });
});

describe('sender check', () => {
  it.each(HOSTILE_SENDERS)(
    'every channel refuses %s before looking at the payload',
    async (_label, sender) => {
      const { handlers, fs, keepAwake } = setup();
      expect(await handlers.getAppInfo(sender, [])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(await handlers.setKeepAwake(sender, [{ on: true }])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(await handlers.beginExport(sender, [goodExport])).toEqual({
        ok: false,
        error: IPC_ERRORS.forbiddenSender,
      });
      expect(fs.calls).toEqual([]);
      expect(keepAwake.calls).toEqual([]);
    },
  );
});

describe('getAppInfo', () => {
  it('reports the Electron shell, app version and kiosk flag', async () => {
    const { handlers } = setup({ kiosk: true, appVersion: '1.2.3' });
    expect(await handlers.getAppInfo(APP, [])).toEqual({
      ok: true,
      value: { shell: 'electron', version: '1.2.3', kiosk: true, view: 'counter' },
    });
  });

  it('tells the display window it is the display, and every other window it is the counter', async () => {
    const { handlers } = setup({ display: fakeDisplay(42).display });
    expect(await handlers.getAppInfo(APP, [], 42)).toMatchObject({ value: { view: 'display' } });
    expect(await handlers.getAppInfo(APP, [], 7)).toMatchObject({ value: { view: 'counter' } });
    expect(await handlers.getAppInfo(APP, [])).toMatchObject({ value: { view: 'counter' } });
  });

  it.each([[[{}]], [[null]], [['x']], [[undefined, undefined]]])(
    'refuses arguments %j',
    async (args) => {
      const { handlers } = setup();
      expect(await handlers.getAppInfo(APP, args)).toEqual({
        ok: false,
        error: IPC_ERRORS.invalidPayload,
      });
    },
  );
});

describe('setKeepAwake', () => {
  it('turns the display blocker on and off', async () => {
    const { handlers, keepAwake } = setup();
    expect(await handlers.setKeepAwake(APP, [{ on: true }])).toEqual({ ok: true, value: null });
    expect(await handlers.setKeepAwake(APP, [{ on: false }])).toEqual({ ok: true, value: null });
    expect(keepAwake.calls).toEqual([true, false]);
  });

  it.each([
    ['no payload', []],
    ['a bare boolean', [true]],
    ['a string flag', [{ on: 'true' }]],
    ['a number flag', [{ on: 1 }]],
    ['an extra key', [{ on: true, type: 'prevent-app-suspension' }]],
    ['a missing key', [{}]],
    ['two arguments', [{ on: true }, { on: false }]],
  ])('refuses %s without touching the blocker', async (_label, args) => {
    const { handlers, keepAwake, logs } = setup();
    expect(await handlers.setKeepAwake(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(keepAwake.calls).toEqual([]);
    if (args.length <= 1) expect(logs.join('\n')).toMatch(/invalid payload/);
  });

  it('turns a blocker failure into a short error code', async () => {
    const { handlers, keepAwake } = setup();
    keepAwake.fail = true;
    expect(await handlers.setKeepAwake(APP, [{ on: true }])).toEqual({
      ok: false,
      error: IPC_ERRORS.keepAwakeFailed,
    });
  });
});
