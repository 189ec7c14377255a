/**
 * The customer display's window: when main opens it, where, when it closes, and which view a
 * window that asks is showing. Pure, so every rule is tested in Node; main/index.ts only hands the
 * plan to Electron.
 *
 * - With a second screen, the display opens full screen on it at start (and when a screen is
 *   plugged in later), and closes when that screen goes away.
 * - With one screen, it opens only when asked ("Turn to the customer" on the counter): over the
 *   counter's own window, full screen when the counter is in kiosk mode. Such a "turned" display
 *   closes itself once the customer has answered (the renderer does that; see features/display).
 * - A window is the display only if main opened it as the display: the page's own URL or claims
 *   never make it one (the customer's rating is accepted only from the display's store).
 */
import { APP_ENTRY_URL } from './app-origin';
import type { View } from '../preload/contract';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenInfo {
  id: number;
  bounds: Rect;
}

/** The display window as main holds it, or null when there is none. */
export interface OpenDisplay {
  screenId: number | null;
  turned: boolean;
}

export type DisplayEvent = 'start' | 'screens-changed' | 'turn';

export type DisplayPlan =
  | { action: 'none' }
  | { action: 'focus' }
  | { action: 'close' }
  | { action: 'open'; bounds: Rect; fullscreen: boolean; turned: boolean; screenId: number | null };

export interface DisplayPlanInput {
  event: DisplayEvent;
  screens: readonly ScreenInfo[];
  /** The screen the counter's window is on. */
  counterScreenId: number | null;
  /** The counter's window, where a turned display opens. */
  counterBounds: Rect;
  kiosk: boolean;
  display: OpenDisplay | null;
}

/** The hash a display window is loaded with (the page still asks main which view it is). */
export const DISPLAY_HASH = 'display';
export const TURNED_DISPLAY_HASH = 'display-turned';

export function displayUrl(turned: boolean): string {
  return `${APP_ENTRY_URL}#${turned ? TURNED_DISPLAY_HASH : DISPLAY_HASH}`;
}

/** A screen other than the counter's, if there is one: the customer's. */
function customerScreen(
  screens: readonly ScreenInfo[],
  counterScreenId: number | null,
): ScreenInfo | null {
  if (screens.length < 2) return null;
  return screens.find((screen) => screen.id !== counterScreenId) ?? null;
}

export function planDisplayWindow(input: DisplayPlanInput): DisplayPlan {
  const { event, screens, counterScreenId, display } = input;
  const other = customerScreen(screens, counterScreenId);

  if (event === 'turn') {
    if (display) return { action: 'focus' };
    if (other) {
      return {
        action: 'open',
        bounds: other.bounds,
        fullscreen: true,
        turned: false,
        screenId: other.id,
      };
    }
    return {
      action: 'open',
      bounds: input.counterBounds,
      fullscreen: input.kiosk,
      turned: true,
      screenId: null,
    };
  }

  // At start and whenever screens come and go: a display on a second screen, if there is one.
  if (display) {
    const stillThere =
      display.screenId === null || screens.some((screen) => screen.id === display.screenId);
    if (!display.turned && (!stillThere || !other)) return { action: 'close' };
    return { action: 'none' };
  }
  if (!other) return { action: 'none' };
  return {
    action: 'open',
    bounds: other.bounds,
    fullscreen: true,
    turned: false,
    screenId: other.id,
  };
}

/** Which view the window that sent an IPC call shows: only main's display window is the display. */
export function viewOf(senderId: number | null, displayContentsId: number | null): View {
  return senderId !== null && displayContentsId !== null && senderId === displayContentsId
    ? 'display'
    : 'counter';
}
