/**
 * The store's own words never to say: a manager adds a pair (numbered by the domain) and retires
 * one; every bad change is refused with what is wrong and nothing recorded; only a manager may;
 * and verification catches the same changes written by hand into the log, each by its rule.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, applyConfigChange } from '../../../../core/domain/device/config';
import {
  PHRASE_LIMITS,
  cardPhrases,
  phraseIn,
} from '../../../../core/domain/device/config-phrases';
import { configProblem } from '../../../../core/domain/device/config-problem';
import { FORBIDDEN_PHRASES } from '../../../../core/domain/flow/forbidden-phrases';
import { verifyRows } from '../../../../core/domain/log/verify';
import { logJsonSchema } from '../../../../core/export/log-schema';
import {
  AUDITOR,
  CLERK,
  MANAGER,
  eventOf,
  forgeAfter,
  signIn,
  staffedLog,
  type DeviceLog,
  type Row,
} from './device-log';
import { linked, problemOf } from './log-support';

const BUSY = {
  'zh-CN': { never: '没看我正忙着吗？', instead: '请您稍等，我马上为您办理。' },
};
const BUSY_TW = { never: '沒看我正忙著嗎？', instead: '請您稍等，我馬上為您辦理。' };
const LUNCH = { en: { never: 'We are on lunch.', instead: 'Let me serve you now.' } };

const add = (text: unknown) =>
  ({ type: 'change-config', change: { key: 'phrase-added', text } }) as const;
const retire = (id: unknown) =>
  ({ type: 'change-config', change: { key: 'phrase-retired', id } }) as const;

async function managerSignedIn(): Promise<DeviceLog> {
  const log = await staffedLog();
  await signIn(log, MANAGER);
  return log;
}

/** Runs `command`, expecting it refused with `config` and nothing written. */
async function refusedWith(
  log: DeviceLog,
  command: ReturnType<typeof add | typeof retire>,
  config: unknown,
) {
  const before = log.head.seq;
  const { refusal, stored } = await log.run(command);
  expect(refusal).toEqual({ code: 'invalid-config', ...(config ? { config } : {}) });
  expect(stored).toEqual([]);
  expect(log.head.seq).toBe(before);
}

describe('a manager adds and retires pairs', () => {
  it('records the pair numbered by the domain, whatever id the screen sent', async () => {
    const log = await managerSignedIn();
    const [record] = await log.must({
      type: 'change-config',
      change: { key: 'phrase-added', id: 'p9', text: BUSY },
    });
    expect(record?.staffNo).toBe(MANAGER);
    expect(record?.event).toEqual({
      type: 'config-changed',
      change: { key: 'phrase-added', id: 'p1', text: BUSY },
    });
    await log.must(add(LUNCH));
    expect(log.state.config.phrases.map((pair) => [pair.id, pair.retired])).toEqual([
      ['p1', false],
      ['p2', false],
    ]);
    // The card: the standard's pairs, then the store's own in the order added.
    const card = cardPhrases(log.state.config.phrases);
    expect(card).toHaveLength(FORBIDDEN_PHRASES.length + 2);
    expect(card.slice(-2).map((pair) => pair.id)).toEqual(['p1', 'p2']);
  });

  it('retires a pair with a new record: it leaves the card, stays in the state, and its words may come back', async () => {
    const log = await managerSignedIn();
    await log.must(add(BUSY));
    await log.must(add(LUNCH));
    const [record] = await log.must(retire('p1'));
    expect(record?.event).toEqual({
      type: 'config-changed',
      change: { key: 'phrase-retired', id: 'p1' },
    });
    expect(cardPhrases(log.state.config.phrases).map((pair) => pair.id)).toEqual([
      ...FORBIDDEN_PHRASES.map(() => null),
      'p2',
    ]);
    expect(log.state.config.phrases[0]).toMatchObject({ id: 'p1', retired: true });
    // Retired twice, or a pair never added: refused, nothing written.
    await refusedWith(log, retire('p1'), { kind: 'phrase-not-added' });
    await refusedWith(log, retire('p7'), { kind: 'phrase-not-added' });
    // The same words again: a new pair, with the next number.
    const [again] = await log.must(add(BUSY));
    expect(again?.event).toMatchObject({ change: { id: 'p3' } });
    expect(await verifyRows(log.rows)).toMatchObject({ intact: true });
  });

  it('cannot retire a pair of the standard (they have no id to name)', async () => {
    const log = await managerSignedIn();
    await refusedWith(log, retire('standard'), null);
    await refusedWith(log, retire('p1'), { kind: 'phrase-not-added' });
  });

  it('refuses every bad pair with what is wrong, and records nothing', async () => {
    const log = await managerSignedIn();
    const long = (n: number) => '话'.repeat(n);
    const cases: [unknown, unknown][] = [
      [{}, { kind: 'phrase-empty' }],
      [null, { kind: 'phrase-empty' }],
      [
        { 'zh-TW': { never: '不關我的事', instead: '' } },
        { kind: 'phrase-instead-missing', locale: 'zh-TW' },
      ],
      [
        { en: { never: '   ', instead: 'Let me help.' } },
        { kind: 'phrase-never-missing', locale: 'en' },
      ],
      [
        { 'zh-CN': { never: long(PHRASE_LIMITS.never + 1), instead: '好的' } },
        { kind: 'phrase-too-long', locale: 'zh-CN', side: 'never', max: PHRASE_LIMITS.never },
      ],
      [
        { en: { never: 'Hm.', instead: 'x'.repeat(PHRASE_LIMITS.instead + 1) } },
        { kind: 'phrase-too-long', locale: 'en', side: 'instead', max: PHRASE_LIMITS.instead },
      ],
      [
        { 'zh-CN': { never: '不知道\n真的', instead: '我帮您问问。' } },
        { kind: 'phrase-one-line', locale: 'zh-CN' },
      ],
      // The standard's own words, without the full stop, in the other script, or in English.
      [
        { 'zh-CN': { never: '不知道', instead: '我帮您问问。' } },
        { kind: 'phrase-duplicate', words: '不知道' },
      ],
      [
        { 'zh-TW': { never: '我不管, 問別人去', instead: '我幫您問問。' } },
        { kind: 'phrase-duplicate', words: '我不管, 問別人去' },
      ],
      [
        { en: { never: "I don't know", instead: 'Let me ask.' } },
        { kind: 'phrase-duplicate', words: "I don't know" },
      ],
    ];
    for (const [text, problem] of cases) await refusedWith(log, add(text), problem);
    // The exact limits are accepted.
    await log.must(
      add({ en: { never: 'n'.repeat(PHRASE_LIMITS.never), instead: 'i'.repeat(150) } }),
    );
    // A pair already added, written again in another language of the same pair.
    await log.must(add(BUSY));
    await refusedWith(
      log,
      add({ 'zh-TW': BUSY_TW, 'zh-CN': { never: '没看我正忙着吗', instead: '马上好。' } }),
      { kind: 'phrase-duplicate', words: '没看我正忙着吗' },
    );
  });

  it(`keeps at most ${PHRASE_LIMITS.added} of the store's own on the card`, async () => {
    const log = await managerSignedIn();
    for (let n = 1; n <= PHRASE_LIMITS.added; n += 1) {
      await log.must(add({ en: { never: `Rude thing ${n}`, instead: `Kind thing ${n}` } }));
    }
    const extra = add({ en: { never: 'One too many', instead: 'Kind words' } });
    await refusedWith(log, extra, { kind: 'phrase-full', max: PHRASE_LIMITS.added });
    await log.must(retire('p4'));
    await log.must(extra);
    expect(log.state.config.phrases.at(-1)?.id).toBe(`p${PHRASE_LIMITS.added + 1}`);
  });

  it.each([
    ['a clerk', CLERK],
    ['an auditor', AUDITOR],
  ])('is refused to %s, and nothing is recorded', async (_, staffNo) => {
    const log = await staffedLog();
    await signIn(log, staffNo);
    const before = log.head.seq;
    expect((await log.run(add(BUSY))).refusal).toEqual({ code: 'forbidden' });
    expect(log.head.seq).toBe(before);
  });
});

describe('the configuration fold and the card', () => {
  it('applies an addition and a retirement, and retiring an unknown pair changes nothing', () => {
    const added = applyConfigChange(DEFAULT_CONFIG, { key: 'phrase-added', id: 'p1', text: BUSY });
    expect(added.phrases).toEqual([{ id: 'p1', text: BUSY, retired: false }]);
    expect(DEFAULT_CONFIG.phrases).toEqual([]);
    const retired = applyConfigChange(added, { key: 'phrase-retired', id: 'p1' });
    expect(retired.phrases).toEqual([{ id: 'p1', text: BUSY, retired: true }]);
    expect(applyConfigChange(retired, { key: 'phrase-retired', id: 'p5' }).phrases).toEqual(
      retired.phrases,
    );
  });

  it('shows a pair in the screen’s language, else the nearest one it was written in', () => {
    const both = { 'zh-TW': BUSY_TW, ...LUNCH };
    expect(phraseIn(BUSY, 'en')).toEqual({ ...BUSY['zh-CN'], locale: 'zh-CN' });
    expect(phraseIn(BUSY, 'zh-TW')).toEqual({ ...BUSY['zh-CN'], locale: 'zh-CN' });
    expect(phraseIn(both, 'zh-CN')).toEqual({ ...BUSY_TW, locale: 'zh-TW' });
    expect(phraseIn(both, 'en')).toEqual({ ...LUNCH.en, locale: 'en' });
    expect(phraseIn(LUNCH, 'zh-CN')).toEqual({ ...LUNCH.en, locale: 'en' });
    // The standard's pairs are in every language.
    const [first] = cardPhrases([]);
    expect(phraseIn(first!.text, 'zh-TW')).toEqual({
      never: FORBIDDEN_PHRASES[0]!.never['zh-TW'],
      instead: FORBIDDEN_PHRASES[0]!.instead['zh-TW'],
      locale: 'zh-TW',
    });
  });

  it('explains a malformed pair without the state (the settings screen’s message)', () => {
    expect(configProblem({ key: 'phrase-added', id: 'p1', text: BUSY })).toBeNull();
    expect(configProblem({ key: 'phrase-added', id: 'p1', text: { fr: BUSY['zh-CN'] } })).toEqual({
      kind: 'phrase-empty',
    });
    expect(configProblem({ key: 'phrase-retired', id: 'x' })).toBeNull();
  });
});

describe('verification of pairs written by hand', () => {
  /** The manager signed in, with pair p1 added; the rows and the next seq. */
  async function withOnePair() {
    const log = await managerSignedIn();
    await log.must(add(BUSY));
    return { rows: log.rows as Row[], seq: log.head.seq + 1 };
  }

  async function verdictOf(rows: Row[]) {
    expect(await linked(rows)).toBe(true);
    return problemOf(await verifyRows(rows));
  }

  const changed = (change: object, staffNo = MANAGER) => ({
    staffNo,
    event: { type: 'config-changed', change },
  });

  it.each([
    [
      'a pair of the standard’s words',
      { key: 'phrase-added', id: 'p2', text: { 'zh-CN': { never: '不知道', instead: '好。' } } },
      'phrase-repeated',
    ],
    [
      'a pair already on the card',
      { key: 'phrase-added', id: 'p2', text: { 'zh-TW': BUSY_TW, 'zh-CN': BUSY['zh-CN'] } },
      'phrase-repeated',
    ],
    [
      'a pair numbered out of order',
      { key: 'phrase-added', id: 'p5', text: LUNCH },
      'phrase-out-of-order',
    ],
    [
      'a pair numbered again',
      { key: 'phrase-added', id: 'p1', text: LUNCH },
      'phrase-out-of-order',
    ],
    [
      'the retirement of a pair never added',
      { key: 'phrase-retired', id: 'p2' },
      'phrase-not-added',
    ],
  ])('%s breaks its rule', async (_, change, rule) => {
    const { rows, seq } = await withOnePair();
    const forged = await forgeAfter(rows, [changed(change)]);
    expect(await verdictOf(forged)).toEqual({
      kind: 'rule',
      seq,
      rule,
      eventType: 'config-changed',
      staffNo: MANAGER,
    });
  });

  it('a pair retired twice breaks its rule', async () => {
    const { rows, seq } = await withOnePair();
    const retirement = changed({ key: 'phrase-retired', id: 'p1' });
    const forged = await forgeAfter(rows, [retirement, retirement]);
    expect(await verdictOf(forged)).toMatchObject({ seq: seq + 1, rule: 'phrase-not-added' });
  });

  it('a pair added under a clerk’s staff number is not allowed for the role', async () => {
    const log = await staffedLog();
    await signIn(log, CLERK);
    const forged = await forgeAfter(log.rows, [
      changed({ key: 'phrase-added', id: 'p1', text: BUSY }, CLERK),
    ]);
    expect(await verdictOf(forged)).toMatchObject({
      kind: 'rule',
      rule: 'not-allowed-for-role',
      staffNo: CLERK,
    });
  });

  it.each([
    ['with no words at all', { key: 'phrase-added', id: 'p2', text: {} }],
    [
      'with a line break',
      { key: 'phrase-added', id: 'p2', text: { en: { never: 'a\nb', instead: 'c' } } },
    ],
    [
      'too long',
      { key: 'phrase-added', id: 'p2', text: { en: { never: 'n'.repeat(61), instead: 'c' } } },
    ],
    ['with a made-up id', { key: 'phrase-retired', id: 'standard-1' }],
  ])('a pair %s is not a valid record', async (_, change) => {
    const { rows, seq } = await withOnePair();
    const forged = await forgeAfter(rows, [changed(change)]);
    expect(await verdictOf(forged)).toMatchObject({ kind: 'invalid-record', seq });
  });

  it('an edited pair breaks its hash; a log of additions and retirements verifies and meets the export’s JSON Schema', async () => {
    const log = await managerSignedIn();
    await log.must(add(BUSY));
    await log.must(add(LUNCH));
    await log.must(retire('p1'));
    expect(await verifyRows(log.rows)).toMatchObject({ intact: true });

    const isPhrase = (each: Row) =>
      eventOf(each).type === 'config-changed' &&
      String((eventOf(each).change as { key: string }).key).startsWith('phrase-');
    const edited = structuredClone(log.rows) as Row[];
    const row = edited.find(isPhrase)!;
    (eventOf(row).change as { text: typeof BUSY }).text['zh-CN'].instead = '随便。';
    expect(await verifyRows(edited)).toMatchObject({ intact: false });

    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(logJsonSchema());
    const phraseRows = (log.rows as Row[]).filter(isPhrase);
    expect(phraseRows).toHaveLength(3);
    expect(phraseRows.filter((each) => !validate(each))).toEqual([]);
  });
});
