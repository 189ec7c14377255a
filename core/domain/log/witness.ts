/**
 * The witness of the log's head: a (seq, hash) kept outside the log that only ever moves forward.
 * A hash chain cannot see its own truncation; comparing the log with its witness can. This is the
 * rule every keeper of a witness applies (Electron's main process, the browser build's second
 * storage area, the hub later).
 */
import { z } from '../zod';
import type { Result } from '../result';
import { HashSchema } from './events';

export const HeadSchema = z.strictObject({ seq: z.int().check(z.gte(0)), hash: HashSchema });
export type Head = z.infer<typeof HeadSchema>;

export type WitnessRefusal = 'behind' | 'forked' | 'unavailable';

export function judgeAdvance(current: Head | null, next: Head): WitnessRefusal | null {
  if (!current) return null;
  if (next.seq < current.seq) return 'behind';
  if (next.seq === current.seq && next.hash !== current.hash) return 'forked';
  return null;
}

/** Where a witness is kept: the platform implements this (Electron's main process, the browser). */
export interface Witness {
  read(): Promise<Head | null>;
  /** Moves forward to `head`; a lower seq, or the same seq with another hash, is refused. */
  advance(head: Head): Promise<Result<null, WitnessRefusal>>;
}
