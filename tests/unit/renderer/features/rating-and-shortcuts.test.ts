import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, type DeviceState } from '../../../../core/domain/device/state';
import { evolveService, type ServiceState } from '../../../../core/domain/service/engine';
import type { RecordedEvent } from '../../../../core/domain/log/events';
import {
  RATING_TIMEOUT_MS,
  RATING_WINDOW_MS,
  serviceAwaitingRating,
} from '../../../../renderer/features/shared/rating';
import { shortcutOf } from '../../../../renderer/features/clerk/use-shortcuts';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

function service(...events: { atMs: number; event: unknown }[]): ServiceState | null {
  return events.reduce<ServiceState | null>(
    (state, { atMs, event }, seq) =>
      evolveService(state, {
        serviceId: 's1',
        seq: seq + 1,
        atMs,
        staffNo: '9001',
        event: event as RecordedEvent,
      }),
    null,
  );
}

const started = {
  atMs: T0,
  event: {
    type: 'service-started',
    ticket: 'A025',
    title: 'ms',
    surname: null,
    businessType: 'bill-payment',
    targetSeconds: 180,
  },
};
const finished = { atMs: T0 + 60_000, event: { type: 'service-finished' } };
const withService = (latest: ServiceState | null): DeviceState => ({
  ...INITIAL_STATE,
  service: latest,
});

describe('when the customer is asked', () => {
  it('asks about a service that has just ended and has no rating', () => {
    const state = withService(service(started, finished));
    expect(serviceAwaitingRating(state, T0 + 61_000)?.serviceId).toBe('s1');
    expect(serviceAwaitingRating(state, T0 + 60_000 + RATING_WINDOW_MS)?.serviceId).toBe('s1');
  });

  it('never asks during a service, after the window, or once it is rated', () => {
    expect(serviceAwaitingRating(withService(service(started)), T0 + 1_000)).toBeNull();
    expect(
      serviceAwaitingRating(
        withService(service(started, finished)),
        T0 + 60_001 + RATING_WINDOW_MS,
      ),
    ).toBeNull();
    const rated = service(started, finished, {
      atMs: T0 + 70_000,
      event: { type: 'service-rated', rating: 'unanswered', reasons: [] },
    });
    expect(serviceAwaitingRating(withService(rated), T0 + 71_000)).toBeNull();
    expect(serviceAwaitingRating(INITIAL_STATE, T0)).toBeNull();
  });

  it('waits a minute for an answer, well inside the two-minute window', () => {
    expect(RATING_TIMEOUT_MS).toBe(60_000);
    expect(RATING_WINDOW_MS).toBeGreaterThan(RATING_TIMEOUT_MS);
  });
});

describe('keyboard shortcuts', () => {
  it.each([
    [{ key: ' ', code: 'Space' }, 'space'],
    [{ key: 's', code: 'KeyS' }, 's'],
    [{ key: 'S', code: 'KeyS' }, 's'],
    [{ key: 'n', code: 'KeyN' }, 'n'],
    [{ key: '?', code: 'Slash' }, '?'],
    // A Russian or Greek layout still has S and N where they are.
    [{ key: 'ы', code: 'KeyS' }, 's'],
    [{ key: 'x', code: 'KeyX' }, null],
    [{ key: 'Enter', code: 'Enter' }, null],
  ])('reads %j as %s', (event, expected) => {
    expect(shortcutOf(event)).toBe(expected);
  });
});
