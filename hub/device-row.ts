/** A device as the hub holds it (table devices): what ingest.ts and head-reports.ts read. */
import type { PublicKeyJwk } from '../core/domain/log/events';

export interface DeviceRow {
  id: string;
  store_id: string;
  counter: string | null;
  first_key: PublicKeyJwk;
  head_seq: number;
  head_hash: string;
  /** The review code's version its service rows and rollups were written by. */
  review_version: number;
}
