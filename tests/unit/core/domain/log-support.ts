/**
 * What the log tests share beyond device-log.ts: the log release 0.1.0 wrote (a fixture) and a
 * fresh copy of one of its rows, whether rows' hashes link, and a verdict's problem (or null).
 */
import { readFileSync } from 'node:fs';
import { GENESIS_HASH } from '../../../../core/domain/log/events';
import { hashOf } from '../../../../core/domain/log/records';
import type { Verdict } from '../../../../core/domain/log/verify';
import type { Row } from './device-log';

export const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/release-0.1.0.json', import.meta.url), 'utf8'),
) as { events: Row[] };
export const v1Row = (seq: number): Row => structuredClone(fixture.events[seq - 1]!);

/** Whether every row's hash is its content's and links to the row before. */
export async function linked(rows: readonly Row[]): Promise<boolean> {
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prevHash || row.hash !== (await hashOf(row))) return false;
    prevHash = row.hash as string;
  }
  return true;
}

export const problemOf = (verdict: Verdict) => (verdict.intact ? null : verdict.problem);
