/**
 * Exports from the hub: one device's business day in the same signed format as the device's own
 * (core/export/build-export.ts, the same code), from the records the device pushed, exactly as
 * it stored them. The manifest names the hub and is signed with the hub's key (the hub holds no
 * device key); the key records inside still prove, from the device's first key, every checkpoint
 * that seals the day. `npx counter-steps verify` checks it like any other export.
 */
import { businessDay } from '../core/domain/device/config';
import { readRecord, type LogRecord } from '../core/domain/log/records';
import { fingerprint } from '../core/domain/log/signing';
import type { Locale } from '../core/domain/locale';
import { amendmentsByService } from '../core/domain/service/projection';
import { buildExport } from '../core/export/build-export';
import { exportFileName } from '../core/export/format';
import type { Db } from './db';
import type { HubKey } from './hub-key';
import type { Translate } from './i18n';
import type { Ingest } from './ingest';

export type HubExportProblem = 'unknown-device' | 'no-records';

const KEY_TYPES = ['device-identity', 'device-restored', 'checkpoint'];

export async function exportDay(input: {
  db: Db;
  ingest: Ingest;
  key: HubKey;
  hubName: string;
  device: string;
  day: string;
  by: { staffNo: string; role: 'manager' | 'auditor' };
  locale: Locale;
  t: Translate;
  now: number;
}): Promise<{ fileName: string; zip: Uint8Array } | HubExportProblem> {
  const { db, device, day } = input;
  const state = await input.ingest.state(device);
  const [held] = await db.query<{ head_seq: number; counter: string | null }>(
    'SELECT head_seq, counter FROM devices WHERE id = $1',
    [device],
  );
  if (!state?.identity || !held) return 'unknown-device';
  const config = state.config;
  const head = held.head_seq;
  const recordAt = async (seq: number): Promise<LogRecord | null> => {
    const [row] = await db.query<{ body: string }>(
      'SELECT body FROM records WHERE device = $1 AND seq = $2',
      [device, seq],
    );
    const read = row ? readRecord(JSON.parse(row.body)) : null;
    return read?.ok ? read.value : null;
  };
  // The first record on or after a business day, by binary search over the sequence.
  const firstOnOrAfter = async (target: string) => {
    let low = 1;
    let high = head + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const record = await recordAt(middle);
      if (record && businessDay(Date.parse(record.at), config) >= target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const nextDay = new Date(`${day}T00:00:00Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  const firstSeq = await firstOnOrAfter(day);
  let lastSeq = (await firstOnOrAfter(nextDay.toISOString().slice(0, 10))) - 1;
  if (firstSeq > lastSeq) return 'no-records';
  // The day's closing checkpoint, when the hub has it, seals the day.
  if ((await recordAt(lastSeq + 1))?.event.type === 'checkpoint') lastSeq += 1;
  const [first, last] = await Promise.all([recordAt(firstSeq), recordAt(lastSeq)]);
  if (!first || !last) return 'no-records';

  const keyRows = await db.query<{ body: string }>(
    'SELECT body FROM records WHERE device = $1 AND type = ANY($2::text[]) ORDER BY seq',
    [device, KEY_TYPES],
  );
  const amendmentRows = await db.query<{ body: string }>(
    'SELECT body FROM records WHERE device = $1 AND type = $2 ORDER BY seq',
    [device, 'service-amended'],
  );
  const amendments = amendmentsByService(
    amendmentRows.flatMap((row) => {
      const read = readRecord(JSON.parse(row.body));
      return read.ok ? [read.value] : [];
    }),
  );
  const chunks: Uint8Array[] = [];
  const { t } = input;
  await buildExport({
    rows: async function* (fromSeq, toSeq) {
      for (let from = fromSeq; from <= toSeq; from += 2000) {
        const batch = await db.query<{ body: string }>(
          'SELECT body FROM records WHERE device = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
          [device, from, Math.min(toSeq, from + 1999)],
        );
        yield batch.map((row) => JSON.parse(row.body) as unknown);
      }
    },
    first: { seq: first.seq, prevHash: first.prevHash, hash: first.hash },
    last: { seq: last.seq, hash: last.hash },
    range: {
      from: day,
      to: day,
      timeZone: config.timeZone,
      dayStartMinutes: config.dayStartMinutes,
    },
    device: {
      id: state.identity.deviceId,
      counter: held.counter ?? state.counter,
      firstKey: state.identity.firstKey,
      fingerprint: await fingerprint(state.identity.firstKey),
    },
    keyRecords: keyRows.map((row) => JSON.parse(row.body) as Record<string, unknown>),
    previousExport: null,
    amendments,
    exportedBy: input.by,
    exportedAt: new Date(input.now).toISOString(),
    masking: 'none',
    locale: input.locale,
    appVersion: 'hub',
    config,
    labels: {
      business: (code) => t(`business.${code}`, { ns: 'translation', defaultValue: code }),
      step: (id) => t(`steps.${id}.name`, { ns: 'translation', defaultValue: id }),
      complaintCategory: (code) =>
        t(`complaint.category.${code}`, { ns: 'translation', defaultValue: code }),
    },
    hub: {
      name: input.hubName,
      publicKey: input.key.publicKey,
      fingerprint: input.key.fingerprint,
    },
    sign: async (payload) => ({
      keyIndex: state.keys?.index ?? 0,
      algorithm: 'Ed25519',
      value: await input.key.sign(payload),
      signer: 'hub',
    }),
    sink: async (chunk) => void chunks.push(chunk),
  });
  const zip = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    zip.set(chunk, offset);
    offset += chunk.length;
  }
  return { fileName: exportFileName(held.counter, day, day), zip };
}
