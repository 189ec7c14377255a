/**
 * The thin layer that hands the pure policies to Electron's APIs. Besides main/index.ts this
 * is the only module that imports 'electron'; each function here is a few lines of wiring
 * and the decisions it wires are tested in tests/unit/main.
 */
import { type IpcMainInvokeEvent, type Session, ipcMain } from 'electron';
import { type IpcHandlers, handlersByChannel } from './ipc-handlers';
import { isPermissionAllowed } from './permissions';
import { isRequestAllowed } from './request-policy';

function senderUrlOf(event: IpcMainInvokeEvent): string | null {
  try {
    // senderFrame is null once the frame has navigated away or been destroyed.
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

export function registerIpcHandlers(handlers: IpcHandlers): void {
  for (const [channel, handler] of handlersByChannel(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handler(senderUrlOf(event), args, event.sender.id),
    );
  }
}

export function installPermissionHandlers(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // HID, serial and USB: the app talks to no devices.
  ses.setDevicePermissionHandler(() => false);
}

export function installRequestFilter(
  ses: Session,
  log: (message: string) => void,
  hubOrigin: () => string | null = () => null,
): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, hubOrigin());
    if (!allowed) log(`blocked request ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
