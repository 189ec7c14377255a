/**
 * What the service engine decides with. On its own, apart from the engine, because the device's
 * configuration builds it (device/config.ts `serviceContext`) and the engine's records are part of
 * what the configuration's own events are made of: with the type in engine.ts the two imported
 * each other through the log's events.
 */
import type { BusinessType, ListEntry } from '../catalog';
import type { DayBoundary } from '../device/business-day';
import type { ComplaintFlow } from '../flow/complaint-flow';
import type { FlowDefinition } from '../flow/flow-definition';
import type { MonoStamp } from '../log/clock';

export interface ServiceContext {
  flow: FlowDefinition;
  complaintFlow: ComplaintFlow;
  /** The store's business day (a follow-up cannot be promised for a day already past). */
  day: DayBoundary;
  businessTypes: readonly BusinessType[];
  /** The configured lists; a code not on them is refused. */
  skipReasons: readonly ListEntry[];
  offers: readonly ListEntry[];
  now: number;
  /** Who decides (the signed-in clerk): an escalation goes to someone else. */
  clerk?: string | null;
  /** The monotonic clock now (the store's page load); without it durations fall back to the wall clock. */
  mono?: MonoStamp | null;
}
