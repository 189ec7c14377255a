/**
 * Every verdict the verifiers can give, in the words shown — the Log screen's Verify (VerdictView),
 * the start-up check's banner and `npx counter-steps verify` — whole, in English and in simplified
 * Chinese: each is one message, and none says one thing in its first line and the opposite after.
 * The log's verdicts come from real logs, tampered with the way a person with DevTools would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashOf } from '../../../../core/domain/log/records';
import { generateSigningKey } from '../../../../core/domain/log/signing';
import { verifyRows, type Verdict, type VerifierOptions } from '../../../../core/domain/log/verify';
import {
  hubNotIntactText,
  logProblemText,
  logVerdictLines,
  verdictLines,
} from '../../../../core/export/messages';
import type { ExportProblem } from '../../../../core/export/export-problem';
import type { ExportVerdict } from '../../../../core/export/verify-export';
import { testI18n } from '../../helpers/i18n';
import { startCommand } from '../../helpers/builders';
import {
  CLERK,
  MANAGER,
  eventOf,
  forgeAfter,
  fullService,
  indexOfSeq,
  rawCopy,
  rewrite,
  signIn,
  staffedLog,
  type DeviceLog,
  type Row,
} from '../domain/device-log';

const translate = (lng: 'en' | 'zh-CN') => testI18n(lng).getFixedT(lng, 'translation');
const t = { en: translate('en'), 'zh-CN': translate('zh-CN') };

let log: DeviceLog;
let rows: Row[];
/** The first service's start: a record in the middle of the log, before several checkpoints. */
let middle: number;

beforeAll(async () => {
  log = await staffedLog();
  await signIn(log, CLERK);
  middle = log.head.seq + 1;
  await fullService(log, 'A025', '张');
  await log.must({ type: 'sign-out' });
  await signIn(log, CLERK);
  await log.must(startCommand({ ticket: 'A027' }));
  rows = rawCopy(log.rows);
});

/** Re-hashes every row from `index` on, as someone who knows the hash but not the checkpoints. */
async function rehashFrom(source: readonly Row[], index: number, edit: (row: Row) => void) {
  const copy = rawCopy(source);
  edit(copy[index]!);
  for (let at = index; at < copy.length; at += 1) {
    if (at > index) copy[at]!.prevHash = copy[at - 1]!.hash;
    copy[at]!.hash = await hashOf(copy[at]);
  }
  return copy;
}

const firstCheckpointAfter = (seq: number) =>
  rows.find((row) => (row.seq as number) > seq && eventOf(row).type === 'checkpoint')!
    .seq as number;

async function verdictOf(tampered: unknown[], options: VerifierOptions = {}): Promise<Verdict> {
  const verdict = await verifyRows(tampered, options);
  expect(verdict.intact).toBe(false);
  return verdict;
}

describe('the verdict on this device’s log, as the Log screen shows it', () => {
  it('says intact with its count and seal, and what predates per-person signatures', async () => {
    const verdict = await verifyRows(rows, { witness: log.head });
    const sealed = log.state.keys!.lastCheckpointSeq - 1;
    const { length } = rows;
    // The in-memory device's PINs commit no signing key: as a log from before decision 0063.
    const unsigned = verdict.predateSignatures;
    expect(unsigned).toBeGreaterThan(0);
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Intact: ${length} records, every hash, link, rule and signature checked.`,
      `${verdict.checkpoints} signed checkpoints seal the log up to record ${sealed} of ${length}.`,
      `${unsigned} records carrying a person’s authority predate per-person signatures (their authors’ PINs were set before them): they could not be signed.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `完整：共 ${length} 条记录，每个哈希、链接、规则和签名都已校验。`,
      `${verdict.checkpoints} 个签名检查点已封存至第 ${sealed} 条（共 ${length} 条）。`,
      `有 ${unsigned} 条代表个人权限的记录早于个人签名功能（作者的密码设置于此前），无法签名。`,
    ]);
  });

  it('says intact, then names a record dated later than the clock here (a warning, not a break)', async () => {
    const now = Date.parse(rows[0]!.at as string) - 26 * 3_600_000;
    const verdict = await verifyRows(rows, { witness: log.head, now });
    expect(verdict.intact).toBe(true);
    const lines = logVerdictLines(t.en, verdict);
    // Intact, the seal, the records that predate person signatures, then the clock's warning.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Intact: /);
    expect(lines[3]).toBe(
      'Record 1 is dated 26:00:00 later than the clock here: the clock of the device that wrote it was ahead, so dates from that record on are not to be trusted.',
    );
    expect(logVerdictLines(t['zh-CN'], verdict)[3]).toBe(
      '记录 1 的日期比此处的时钟晚 26:00:00：写入它的设备时钟当时偏快，从该记录起的日期不可信。',
    );
  });

  it('says which clock rule a backdated record breaks', async () => {
    const last = rows.at(-1)!;
    const forged = await forgeAfter(rows, [
      {
        staffNo: CLERK,
        event: { type: 'screen-locked', reason: 'manual' },
        row: { at: new Date(Date.parse(last.at as string) - 26 * 3_600_000).toISOString() },
      },
    ]);
    const verdict = await verdictOf(forged);
    expect(logVerdictLines(t.en, verdict)[0]).toBe(
      `Not intact: record ${(last.seq as number) + 1} (screen-locked by ${CLERK}) breaks a rule: dated before the record before it by more than the clock tolerance: the device's clock went back.`,
    );
  });

  it('says a field changed without a new hash: the content of that record was changed', async () => {
    const copy = rawCopy(rows);
    eventOf(copy[indexOfSeq(copy, middle)]!).ticket = 'A026';
    const verdict = await verdictOf(copy);
    const before = middle - 1;
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: the content of record ${middle} was changed.`,
      `The ${before} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${middle} 条的内容被改动。`,
      `它之前的 ${before} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a field added beside a record’s own is not a valid record', async () => {
    const copy = rawCopy(rows);
    copy[indexOfSeq(copy, middle)]!.note = 'added';
    const verdict = await verdictOf(copy);
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: record ${middle} is not a valid record.`,
      `The ${middle - 1} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${middle} 条不是有效记录。`,
      `它之前的 ${middle - 1} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a record removed from the middle is missing before the next one', async () => {
    const verdict = await verdictOf(rawCopy(rows).filter((row) => row.seq !== middle));
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: a record is missing before record ${middle + 1}.`,
      `The ${middle - 1} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${middle + 1} 条之前缺少记录。`,
      `它之前的 ${middle - 1} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a record edited and re-hashed alone no longer links to the next', async () => {
    const copy = rawCopy(rows);
    const index = indexOfSeq(copy, middle);
    eventOf(copy[index]!).ticket = 'A026';
    copy[index]!.hash = await hashOf(copy[index]);
    const verdict = await verdictOf(copy);
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: record ${middle + 1} does not link to the record before it.`,
      `The ${middle} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${middle + 1} 条未链接到上一条记录。`,
      `它之前的 ${middle} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says the whole chain re-hashed from the middle: the next checkpoint does not seal it, and no “no checkpoint yet”', async () => {
    const copy = await rehashFrom(rows, indexOfSeq(rows, middle), (row) => {
      eventOf(row).ticket = 'A026';
    });
    const verdict = await verdictOf(copy);
    const checkpoint = firstCheckpointAfter(middle);
    const en = logVerdictLines(t.en, verdict);
    expect(en).toEqual([
      `Not intact: checkpoint ${checkpoint} does not seal the record before it.`,
      `The ${checkpoint - 1} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(en.join(' ')).not.toContain('No signed checkpoint yet');
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${checkpoint} 条检查点未封存其前一条记录。`,
      `它之前的 ${checkpoint - 1} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a checkpoint re-signed with the only key left has the wrong signature', async () => {
    const newest = log.keys.at(-1)!;
    const copy = await rewrite(
      rows,
      indexOfSeq(rows, middle),
      (row) => void (eventOf(row).ticket = 'A026'),
      (keyIndex) => ({ key: newest, keyIndex }),
    );
    const verdict = await verdictOf(copy);
    const checkpoint = firstCheckpointAfter(middle);
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: the signature of checkpoint ${checkpoint} is wrong: the records it seals were changed.`,
      `The ${checkpoint - 1} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${checkpoint} 条检查点的签名不符：它封存的记录被改动过。`,
      `它之前的 ${checkpoint - 1} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a checkpoint claiming the newest key names the wrong key', async () => {
    const newest = log.keys.length - 1;
    const copy = await rewrite(
      rows,
      indexOfSeq(rows, middle),
      (row) => void (eventOf(row).ticket = 'A026'),
      () => ({ key: log.keys[newest]!, keyIndex: newest }),
    );
    const verdict = await verdictOf(copy);
    const checkpoint = firstCheckpointAfter(middle);
    expect(logVerdictLines(t.en, verdict)[0]).toBe(
      `Not intact: checkpoint ${checkpoint} names the wrong signing key.`,
    );
    expect(logVerdictLines(t['zh-CN'], verdict)[0]).toBe(
      `不完整：第 ${checkpoint} 条检查点使用了错误的签名密钥。`,
    );
  });

  it('says which rule a forged record breaks, and who it claims wrote it', async () => {
    const copy = await forgeAfter(rows, [
      { staffNo: MANAGER, event: { type: 'signed-in', role: 'manager', replaced: null } },
    ]);
    const verdict = await verdictOf(copy);
    const seq = rows.length + 1;
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: record ${seq} (signed-in by ${MANAGER}) breaks a rule: a sign-in while someone else was still signed in.`,
      `The ${rows.length} records before it hold: every hash, link, rule and signature checked. Nothing after it can be trusted until this is explained.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${seq} 条（signed-in，工号 ${MANAGER}）违反规则：他人仍在登录时又有人登录。`,
      `它之前的 ${rows.length} 条记录无误，每个哈希、链接、规则和签名都已校验。查明原因之前，其后的记录都不可信。`,
    ]);
  });

  it('says a row that is not a record at all, with no line about records before the first', async () => {
    const copy: unknown[] = rawCopy(rows);
    copy[0] = { seq: 1, garbage: true };
    const verdict = await verdictOf(copy);
    expect(logVerdictLines(t.en, verdict)).toEqual(['Not intact: record 1 is not a valid record.']);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual(['不完整：第 1 条不是有效记录。']);
  });

  it('says the first key is not the one the auditor holds', async () => {
    const other = await generateSigningKey();
    const verdict = await verdictOf(rows, { expectedFirstKey: other.publicKey });
    expect(logVerdictLines(t.en, verdict)).toEqual([
      "Not intact: the log's first key (record 1) is not the device's known key.",
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      '不完整：日志的第一把密钥（第 1 条）不是该设备已知的密钥。',
    ]);
  });

  it('says records removed from the end, and that those left hold among themselves', async () => {
    const left = rows.length - 2;
    const verdict = await verdictOf(rawCopy(rows).slice(0, left), { witness: log.head });
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: records were removed: the log ends at record ${left}, but record ${rows.length} had been written.`,
      `The ${left} records still here hold among themselves; only the head kept outside the log shows the change.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：记录被删除：日志止于第 ${left} 条，但曾写入第 ${rows.length} 条。`,
      `现存的 ${left} 条记录彼此无误；只有日志之外保存的记录头显示出这一改动。`,
    ]);
  });

  it('says the head was rewritten when only the witness can tell', async () => {
    const copy = await rewrite(rows, rows.length - 1, (row) => {
      row.at = new Date(Date.parse(row.at as string) - 60_000).toISOString();
    });
    const verdict = await verdictOf(copy, { witness: log.head });
    expect(logVerdictLines(t.en, verdict)).toEqual([
      `Not intact: record ${log.head.seq} is not the one that was written there.`,
      `The ${rows.length} records still here hold among themselves; only the head kept outside the log shows the change.`,
    ]);
    expect(logVerdictLines(t['zh-CN'], verdict)).toEqual([
      `不完整：第 ${log.head.seq} 条不是当初写入的那一条。`,
      `现存的 ${rows.length} 条记录彼此无误；只有日志之外保存的记录头显示出这一改动。`,
    ]);
  });
});

describe('the verdict on an export file, as the app and `counter-steps verify` print it', () => {
  const notIntact = (problem: ExportProblem): ExportVerdict => ({
    status: 'not-intact',
    problem,
    manifest: null,
    records: 0,
    sealedUpTo: 0,
    rulesChecked: false,
    keyCheck: 'self-consistent',
    fingerprint: null,
    continuesPrevious: null,
    signedBy: 'device',
    hubFingerprint: null,
    datedAhead: null,
    personalValues: null,
  });

  it.each<[ExportProblem, string, string]>([
    [
      { kind: 'file-missing', file: 'services.csv' },
      'NOT INTACT: services.csv is listed in the manifest but missing.',
      '不完整：清单中列出了 services.csv，但文件缺失。',
    ],
    [
      { kind: 'file-not-listed', file: 'extra.txt' },
      'NOT INTACT: extra.txt is in the export but not in its manifest.',
      '不完整：导出中有 extra.txt，但清单中没有。',
    ],
    [
      { kind: 'file-changed', file: 'log.jsonl' },
      'NOT INTACT: log.jsonl was changed after the export was made.',
      '不完整：log.jsonl 在导出之后被改动过。',
    ],
    [
      { kind: 'log-line-unreadable', line: 12 },
      'NOT INTACT: line 12 of log.jsonl is not JSON.',
      '不完整：log.jsonl 第 12 行不是 JSON。',
    ],
    [
      { kind: 'manifest-mismatch', field: 'count' },
      'NOT INTACT: the manifest does not describe log.jsonl (the number of records).',
      '不完整：清单与 log.jsonl 不符（记录条数）。',
    ],
    [
      { kind: 'key-record', seq: 9, detail: 'signature' },
      'NOT INTACT: the key records are not a valid chain at record 9 (the signature is wrong): the records they seal were changed.',
      '不完整：密钥记录在第 9 条处不成链（签名不符）：它们封存的记录被改动过。',
    ],
    [
      { kind: 'first-key-mismatch' },
      "NOT INTACT: the log's first key is not the device key you gave.",
      '不完整：日志的第一把密钥不是您提供的设备密钥。',
    ],
    [
      { kind: 'manifest-signature' },
      'NOT INTACT: the manifest was changed after the export was made (its signature is wrong).',
      '不完整：清单在导出之后被改动过（签名不符）。',
    ],
    [
      { kind: 'log', problem: { kind: 'checkpoint-link', seq: 9 } },
      'NOT INTACT: checkpoint 9 does not seal the record before it.',
      '不完整：第 9 条检查点未封存其前一条记录。',
    ],
    [
      { kind: 'previous-other-device' },
      'NOT INTACT: the earlier export is from another device.',
      '不完整：之前的导出来自另一台设备。',
    ],
    [
      { kind: 'previous-gap', from: 40, to: 44 },
      'NOT INTACT: records 40 to 44 are in neither export.',
      '不完整：第 40 至 44 条不在任何一个导出中。',
    ],
    [
      { kind: 'previous-fork', seq: 41 },
      'NOT INTACT: record 41 is not the same in the two exports.',
      '不完整：第 41 条在两个导出中不一致。',
    ],
    [
      {
        kind: 'previous-not-intact',
        problem: { kind: 'log', problem: { kind: 'hash-mismatch', seq: 7 } },
      },
      'NOT INTACT: the earlier export is not intact: the content of record 7 was changed.',
      '不完整：之前的导出不完整：第 7 条的内容被改动。',
    ],
  ])('says %j in one line, in English and Chinese', (problem, english, chinese) => {
    expect(verdictLines(t.en, notIntact(problem))).toEqual([english]);
    expect(verdictLines(t['zh-CN'], notIntact(problem))).toEqual([chinese]);
  });
});

describe('the same problem where else it is shown', () => {
  it('is named in the red banner by the check at start, in Verify’s words', () => {
    const problem = { kind: 'hash-mismatch', seq: 9 } as const;
    expect(t.en('integrity.logCheck', { problem: logProblemText(t.en, problem) })).toBe(
      "This device's log is not intact: the content of record 9 was changed. Tell the manager and the auditor.",
    );
    expect(t['zh-CN']('integrity.logCheck', { problem: logProblemText(t['zh-CN'], problem) })).toBe(
      '本设备日志不完整：第 9 条的内容被改动。请告知值班经理和稽核人员。',
    );
  });

  it('is named when the store hub refuses a push its verifier found not intact', () => {
    const problem = {
      kind: 'rule',
      seq: 44,
      rule: 'not-signed-in',
      eventType: 'step-marked',
      staffNo: '4242',
    } as const;
    expect(hubNotIntactText(t.en, problem)).toBe(
      'The hub found this log not intact and stored nothing: record 44 (step-marked by 4242) breaks a rule: nobody was signed in. Verify the log and tell the auditor.',
    );
    expect(hubNotIntactText(t['zh-CN'], problem)).toBe(
      '汇总服务发现本日志不完整，未保存任何内容：第 44 条（step-marked，工号 4242）违反规则：当时无人登录。请校验日志并告知稽核。',
    );
  });
});
