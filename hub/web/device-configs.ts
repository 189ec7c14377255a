/**
 * What the hub's pages need of each device's configuration now, from the hub's copy of its log:
 * the configuration itself (its time zone, its names for list entries, its complaint targets),
 * and its business day today (when a promised follow-up is overdue).
 */
import { businessDay, DEFAULT_CONFIG, type Config } from '../../core/domain/device/config';
import type { Ingest } from '../ingest';

/** Each device's configuration now, or null for a device the hub does not hold. */
export async function deviceConfigs(
  ingest: Ingest,
  devices: Iterable<string>,
): Promise<Map<string, Config | null>> {
  const unique = [...new Set(devices)];
  const states = await Promise.all(unique.map((device) => ingest.state(device)));
  return new Map(unique.map((device, index) => [device, states[index]?.config ?? null]));
}

/** A device's business day at `now`, by its own time zone and day start. */
export function deviceToday(ingest: Ingest, now: number): (device: string) => Promise<string> {
  return async (device) => businessDay(now, (await ingest.state(device))?.config ?? DEFAULT_CONFIG);
}
