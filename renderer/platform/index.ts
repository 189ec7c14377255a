import type { CounterStepsApi } from './bridge';
import { browserBridge } from './browser';
import { electronBridge } from './electron';

/** The platform this renderer runs on: Electron's bridge when the preload provided one. */
export function platform(): CounterStepsApi {
  return electronBridge() ?? browserBridge;
}
