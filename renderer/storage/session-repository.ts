/**
 * "Who is at this counter": the current session, read from the log's latest `device-set-up` event.
 * Until staff accounts exist (a later issue) the first-run setup records the counter and the
 * clerk's staff number; screens only ever see the `CurrentSession` shape, so accounts can replace
 * how it is obtained without touching them.
 */
import { z } from 'zod';
import { CounterSchema, StaffNumberSchema } from '../domain/catalog';
import type { EventLog } from './event-log';

export interface CurrentSession {
  counter: string;
  staffNo: string;
}

export const SetupInputSchema = z.object({ counter: CounterSchema, staffNo: StaffNumberSchema });

export type SetupRefusal = 'invalid-counter' | 'invalid-staff-number';

export class SessionRepository {
  constructor(private readonly log: EventLog) {}

  async current(): Promise<CurrentSession | null> {
    const { records } = await this.log.lastOfType('device-set-up');
    const event = records[0]?.event;
    return event?.type === 'device-set-up'
      ? { counter: event.counter, staffNo: event.staffNo }
      : null;
  }

  async setUp(input: {
    counter: string;
    staffNo: string;
  }): Promise<{ ok: true; session: CurrentSession } | { ok: false; refusal: SetupRefusal }> {
    const counter = input.counter.trim();
    const staffNo = input.staffNo.trim();
    if (!CounterSchema.safeParse(counter).success) return { ok: false, refusal: 'invalid-counter' };
    if (!StaffNumberSchema.safeParse(staffNo).success) {
      return { ok: false, refusal: 'invalid-staff-number' };
    }
    await this.log.append({ counter, staffNo, serviceId: null }, [
      { type: 'device-set-up', counter, staffNo },
    ]);
    return { ok: true, session: { counter, staffNo } };
  }
}
