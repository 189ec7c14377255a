// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type DisplayPlanInput,
  displayUrl,
  planDisplayWindow,
  viewOf,
} from '../../../main/display-window';

const TABLET = { id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } };
const CUSTOMER = { id: 2, bounds: { x: 1280, y: 0, width: 1024, height: 600 } };
const COUNTER_WINDOW = { x: 10, y: 20, width: 1280, height: 780 };

const input = (overrides: Partial<DisplayPlanInput>): DisplayPlanInput => ({
  event: 'start',
  screens: [TABLET],
  counterScreenId: TABLET.id,
  counterBounds: COUNTER_WINDOW,
  kiosk: false,
  display: null,
  ...overrides,
});

describe('the customer display window', () => {
  it('opens full screen on a second screen at start', () => {
    expect(planDisplayWindow(input({ screens: [TABLET, CUSTOMER] }))).toEqual({
      action: 'open',
      bounds: CUSTOMER.bounds,
      fullscreen: true,
      turned: false,
      screenId: CUSTOMER.id,
    });
  });

  it('picks the screen the counter is not on, whichever is primary', () => {
    const plan = planDisplayWindow(
      input({ screens: [TABLET, CUSTOMER], counterScreenId: CUSTOMER.id }),
    );
    expect(plan).toMatchObject({ action: 'open', bounds: TABLET.bounds, screenId: TABLET.id });
  });

  it('does not open at all with one screen unless asked', () => {
    expect(planDisplayWindow(input({}))).toEqual({ action: 'none' });
    expect(planDisplayWindow(input({ event: 'screens-changed' }))).toEqual({ action: 'none' });
  });

  it('opens over the counter when the clerk turns to the customer on a one-screen tablet', () => {
    expect(planDisplayWindow(input({ event: 'turn' }))).toEqual({
      action: 'open',
      bounds: COUNTER_WINDOW,
      fullscreen: false,
      turned: true,
      screenId: null,
    });
    expect(planDisplayWindow(input({ event: 'turn', kiosk: true }))).toMatchObject({
      fullscreen: true,
      turned: true,
    });
  });

  it('brings an open display forward rather than opening a second one', () => {
    const display = { screenId: CUSTOMER.id, turned: false };
    expect(
      planDisplayWindow(input({ event: 'turn', screens: [TABLET, CUSTOMER], display })),
    ).toEqual({ action: 'focus' });
    expect(planDisplayWindow(input({ screens: [TABLET, CUSTOMER], display }))).toEqual({
      action: 'none',
    });
  });

  it('opens on a screen plugged in later, and closes when that screen goes', () => {
    expect(
      planDisplayWindow(input({ event: 'screens-changed', screens: [TABLET, CUSTOMER] })),
    ).toMatchObject({ action: 'open', screenId: CUSTOMER.id });
    const display = { screenId: CUSTOMER.id, turned: false };
    expect(planDisplayWindow(input({ event: 'screens-changed', display }))).toEqual({
      action: 'close',
    });
  });

  it('leaves a turned display alone when screens change: it closes itself after the answer', () => {
    const display = { screenId: null, turned: true };
    expect(planDisplayWindow(input({ event: 'screens-changed', display }))).toEqual({
      action: 'none',
    });
  });

  it('loads the app itself, marked as the display in its hash', () => {
    expect(displayUrl(false)).toBe('app://counter-steps/#display');
    expect(displayUrl(true)).toBe('app://counter-steps/#display-turned');
  });

  it('says a window is the display only when it is the window main opened as the display', () => {
    expect(viewOf(7, 7)).toBe('display');
    expect(viewOf(3, 7)).toBe('counter');
    expect(viewOf(null, 7)).toBe('counter');
    expect(viewOf(3, null)).toBe('counter');
    expect(viewOf(null, null)).toBe('counter');
  });
});
