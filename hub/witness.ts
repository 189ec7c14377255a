/**
 * The hub as a witness within seconds. A device reports its head (seq, hash, signed with its key in
 * force) as soon as it moved — after every finished service and checkpoint, and whenever a screen
 * opens — long before the records themselves are pushed. The hub keeps every head it heard of
 * (table witnessed_heads, as first heard) and raises an alert, shown on its devices page and
 * dashboard and sent back to the device with every answer, when:
 *
 * - `rollback`: a head behind one the hub heard of (or behind the records it holds): the device's
 *   stores were put back to an earlier state — a snapshot restored, an old backup;
 * - `fork`: another hash at a sequence number the hub heard of — reported as the head, as the
 *   device's own record at the newest witnessed head (the report's anchor), or in a pushed log
 *   (ingest.ts refuses that push): history rewritten after the hub heard of it;
 * - `stalled`: a screen that called tickets aloud at least STALLED_CALLS times since its head last
 *   moved. Every call the counter makes follows a `next-called` record, so a screen that keeps
 *   calling with a head that stays put is writing its log somewhere the hub does not see. The hub
 *   knows of the calls only from the screen's own count (in each report, outside the log); a page
 *   changed from DevTools can lie about it, or stop reporting — then its records, when pushed, are
 *   still checked against every head the hub heard of.
 *
 * A report that raised an alert is not kept as a witnessed head (the first history stays the one
 * the hub compares with). Pure judgement here, the queries in `recordReport`.
 */
import type { HubAlert, WitnessRequest } from '../core/domain/hub/protocol';
import type { Queryable } from './db';

/** Calls since the head last moved that make a screen `stalled` (one may race its own record). */
export const STALLED_CALLS = 2;

export type AlertKind = HubAlert['kind'];
export interface NewAlert {
  kind: AlertKind;
  seq: number | null;
  heldHash: string | null;
  pushedHash: string | null;
}

export interface ScreenSeen {
  screen: string;
  /** The screen's calls when its head last moved, and that head. */
  calls: number;
  headSeq: number;
}

export interface ReportFacts {
  report: Pick<WitnessRequest, 'head' | 'anchor' | 'calls' | 'screen'>;
  /** The newest head the hub witnessed, or null. */
  newest: { seq: number; hash: string } | null;
  /** The head of the records the hub holds. */
  held: { seq: number };
  /** What the hub knows at the reported head's and the anchor's sequence numbers. */
  atHead: string | null;
  atAnchor: string | null;
  screen: ScreenSeen | null;
}

export function judgeReport(facts: ReportFacts): NewAlert[] {
  const { report, newest, held, atHead, atAnchor, screen } = facts;
  const alerts: NewAlert[] = [];
  const behind = Math.max(newest?.seq ?? 0, held.seq);
  if (report.head.seq < behind) {
    alerts.push({
      kind: 'rollback',
      seq: behind,
      heldHash: newest?.seq === behind ? newest.hash : null,
      pushedHash: report.head.hash,
    });
  }
  if (atHead !== null && atHead !== report.head.hash) {
    alerts.push({
      kind: 'fork',
      seq: report.head.seq,
      heldHash: atHead,
      pushedHash: report.head.hash,
    });
  }
  const { anchor } = report;
  if (
    anchor?.hash &&
    atAnchor !== null &&
    atAnchor !== anchor.hash &&
    anchor.seq !== report.head.seq
  )
    alerts.push({ kind: 'fork', seq: anchor.seq, heldHash: atAnchor, pushedHash: anchor.hash });
  if (
    screen?.screen === report.screen &&
    report.head.seq <= screen.headSeq &&
    report.calls - screen.calls >= STALLED_CALLS
  )
    alerts.push({ kind: 'stalled', seq: report.head.seq, heldHash: null, pushedHash: null });
  return alerts;
}

/** The screen as the hub remembers it after this report. */
export function nextScreen(previous: ScreenSeen | null, report: ReportFacts['report']): ScreenSeen {
  if (previous?.screen !== report.screen || report.head.seq > previous.headSeq)
    return { screen: report.screen, calls: report.calls, headSeq: report.head.seq };
  return previous;
}

/** The hash the hub knows at `seq`: as witnessed first, else the record it holds. */
async function knownAt(tx: Queryable, device: string, seq: number): Promise<string | null> {
  if (seq <= 0) return null;
  const [row] = await tx.query<{ hash: string }>(
    `SELECT hash FROM witnessed_heads WHERE device = $1 AND seq = $2
     UNION ALL SELECT hash FROM records WHERE device = $1 AND seq = $2 LIMIT 1`,
    [device, seq],
  );
  return row?.hash ?? null;
}

export async function newestWitnessed(
  tx: Queryable,
  device: string,
): Promise<{ seq: number; hash: string } | null> {
  const [row] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM witnessed_heads WHERE device = $1 ORDER BY seq DESC LIMIT 1',
    [device],
  );
  return row ?? null;
}

/** An alert, unless the same one (device, kind, sequence number) is held already. */
export async function raiseAlert(
  tx: Queryable,
  device: string,
  alert: NewAlert,
  now: number,
): Promise<void> {
  const [held] = await tx.query(
    'SELECT id FROM alerts WHERE device = $1 AND kind = $2 AND seq IS NOT DISTINCT FROM $3 LIMIT 1',
    [device, alert.kind, alert.seq],
  );
  if (held) return;
  await tx.query(
    'INSERT INTO alerts (device, kind, seq, held_hash, pushed_hash, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [device, alert.kind, alert.seq, alert.heldHash, alert.pushedHash, now],
  );
}

/** The device's alerts, newest first (every answer to it carries them). */
export async function deviceAlerts(tx: Queryable, device: string): Promise<HubAlert[]> {
  const rows = await tx.query<{ kind: AlertKind; seq: number | null; at: number | string }>(
    'SELECT kind, seq, at FROM alerts WHERE device = $1 ORDER BY at DESC, id DESC LIMIT 20',
    [device],
  );
  return rows.map((row) => ({ kind: row.kind, seq: row.seq, at: Number(row.at) }));
}

/** Judges a signed report, keeps it (or its alerts), and answers with the device's alerts. */
export async function recordReport(
  tx: Queryable,
  input: {
    device: string;
    heldSeq: number;
    keyIndex: number;
    report: ReportFacts['report'];
    now: number;
  },
): Promise<{ witnessed: { seq: number; hash: string }; alerts: HubAlert[] }> {
  const { device, report, now } = input;
  const [seen] = await tx.query<{ screen: string; calls: number; head_seq: number }>(
    'SELECT screen, calls, head_seq FROM witness_screens WHERE device = $1',
    [device],
  );
  const screen = seen ? { screen: seen.screen, calls: seen.calls, headSeq: seen.head_seq } : null;
  const newest = await newestWitnessed(tx, device);
  const raised = judgeReport({
    report,
    newest,
    held: { seq: input.heldSeq },
    atHead: await knownAt(tx, device, report.head.seq),
    atAnchor: report.anchor ? await knownAt(tx, device, report.anchor.seq) : null,
    screen,
  });
  for (const alert of raised) await raiseAlert(tx, device, alert, now);
  if (raised.length === 0 && report.head.seq > 0) {
    await tx.query(
      `INSERT INTO witnessed_heads (device, seq, hash, key_index, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (device, seq) DO NOTHING`,
      [device, report.head.seq, report.head.hash, input.keyIndex, now],
    );
  }
  const next = nextScreen(screen, report);
  await tx.query(
    `INSERT INTO witness_screens (device, screen, calls, head_seq, at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (device) DO UPDATE SET screen = $2, calls = $3, head_seq = $4, at = $5`,
    [device, next.screen, next.calls, next.headSeq, now],
  );
  const witnessed = raised.length === 0 && report.head.seq > 0 ? report.head : newest;
  return {
    witnessed: witnessed ?? { seq: 0, hash: report.head.hash },
    alerts: await deviceAlerts(tx, device),
  };
}

/**
 * A pushed log against the heads the hub witnessed: the first pushed record whose hash is not the
 * one witnessed at its sequence number, or null.
 */
export async function forkFromWitness(
  tx: Queryable,
  device: string,
  rows: readonly { seq: number; hash: string }[],
): Promise<NewAlert | null> {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return null;
  const witnessed = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM witnessed_heads WHERE device = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
    [device, first.seq, last.seq],
  );
  for (const head of witnessed) {
    const pushed = rows[head.seq - first.seq];
    if (pushed && pushed.hash !== head.hash)
      return { kind: 'fork', seq: head.seq, heldHash: head.hash, pushedHash: pushed.hash };
  }
  return null;
}
