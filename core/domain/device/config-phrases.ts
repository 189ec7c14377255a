/**
 * The store's own words never to say (服务禁语), added by a manager after the standard's pairs
 * (flow/forbidden-phrases.ts). Adding a pair and retiring one are each a `config-changed` record;
 * nothing is deleted: a retired pair stays in the log and in the state, marked retired, and leaves
 * the card. The standard's pairs cannot be retired: they are the standard.
 *
 * A pair is written in one language or more (the manager types what they have): for each language
 * given, the words not to say and what to say instead. The card shows the screen's language when
 * the pair has it, else the nearest one it has (traditional ↔ simplified, then English), marked
 * with its language so the screen reads it in the right script.
 *
 * What one change may hold is the schema's (`PhraseChangeSchemas`, in the config union, so a
 * forged record fails verification); what it may do given the pairs already there — no second
 * pair with the same words, at most `PHRASE_LIMITS.added` on the card, retire only a pair that is
 * there, ids in order — is `phraseProblem`'s, which the decider and the verification rules both
 * ask.
 */
import { z } from '../zod';
import { FORBIDDEN_PHRASES } from '../flow/forbidden-phrases';
import { LOCALES, type Locale } from '../locale';

export const PHRASE_LIMITS = {
  /** Characters of the words not to say, per language. */
  never: 60,
  /** Characters of what to say instead, per language. */
  instead: 150,
  /** Pairs a manager added that are on the card at once. */
  added: 30,
} as const;

/** A line break, a tab or another control character: the card shows one line per side. */
const hasControl = (text: string) =>
  [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029;
  });

const wordsLine = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((text) => text.trim() !== '', 'empty'),
    z.refine((text) => !hasControl(text), 'one line only'),
  );

/** One language's pair. */
export const PhraseWordsSchema = z.object({
  never: wordsLine(PHRASE_LIMITS.never),
  instead: wordsLine(PHRASE_LIMITS.instead),
});
export type PhraseWords = z.infer<typeof PhraseWordsSchema>;

/** A pair in the languages it was written in: at least one. */
export const PhraseTextSchema = z
  .object({
    'zh-CN': z.optional(PhraseWordsSchema),
    'zh-TW': z.optional(PhraseWordsSchema),
    en: z.optional(PhraseWordsSchema),
  })
  .check(z.refine((text) => LOCALES.some((locale) => text[locale] !== undefined), 'no language'));
export type PhraseText = z.infer<typeof PhraseTextSchema>;

/** p1, p2…: the added pairs in the order they were added (the domain numbers them). */
export const PhraseIdSchema = z.string().check(z.regex(/^p[1-9][0-9]{0,5}$/));

/** The two changes, members of `ConfigChangeSchema`. */
export const PhraseChangeSchemas = [
  z.object({ key: z.literal('phrase-added'), id: PhraseIdSchema, text: PhraseTextSchema }),
  z.object({ key: z.literal('phrase-retired'), id: PhraseIdSchema }),
] as const;
type PhraseChange =
  z.infer<(typeof PhraseChangeSchemas)[0]> | z.infer<(typeof PhraseChangeSchemas)[1]>;

/** A pair a manager added, retired or not. */
export interface AddedPhrase {
  id: string;
  text: PhraseText;
  retired: boolean;
}

export type PhraseProblemKind =
  | 'phrase-empty'
  | 'phrase-never-missing'
  | 'phrase-instead-missing'
  | 'phrase-too-long'
  | 'phrase-one-line'
  | 'phrase-duplicate'
  | 'phrase-full'
  | 'phrase-not-added'
  | 'phrase-out-of-order';

/** What is wrong with a change given the pairs already there. */
export type PhrasePlaceProblem =
  | { kind: 'phrase-not-added' | 'phrase-out-of-order' }
  | { kind: 'phrase-duplicate'; words: string }
  | { kind: 'phrase-full'; max: number };

export type PhraseProblem =
  | PhrasePlaceProblem
  | { kind: 'phrase-empty' }
  | { kind: 'phrase-never-missing' | 'phrase-instead-missing' | 'phrase-one-line'; locale: Locale }
  | { kind: 'phrase-too-long'; locale: Locale; side: 'never' | 'instead'; max: number };

/** The id the next added pair gets. */
export const nextPhraseId = (phrases: readonly AddedPhrase[]): string => `p${phrases.length + 1}`;

/**
 * A change as the settings screen sends it, numbered: a new pair gets the next id whatever the
 * screen sent, so two tablets' screens never race for one. Anything else is left as it is.
 */
export function numberPhrase(phrases: readonly AddedPhrase[], input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const change = input as Record<string, unknown>;
  return change.key === 'phrase-added' ? { ...change, id: nextPhraseId(phrases) } : input;
}

/** The pairs after `change` (a retire of an unknown id changes nothing). */
export function applyPhraseChange(
  phrases: readonly AddedPhrase[],
  change: PhraseChange,
): readonly AddedPhrase[] {
  if (change.key === 'phrase-added') {
    return [...phrases, { id: change.id, text: change.text, retired: false }];
  }
  return phrases.map((pair) => (pair.id === change.id ? { ...pair, retired: true } : pair));
}

/** Words compared as a clerk would hear them: no punctuation, spaces, case or width. */
const spoken = (words: string) =>
  words
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');

/** The standard's pairs in the shape of an added one. */
const STANDARD_TEXTS: readonly PhraseText[] = FORBIDDEN_PHRASES.map((pair) =>
  Object.fromEntries(
    LOCALES.map((locale) => [locale, { never: pair.never[locale], instead: pair.instead[locale] }]),
  ),
);

const nevers = (text: PhraseText) =>
  LOCALES.flatMap((locale) => {
    const words = text[locale];
    return words ? [words.never] : [];
  });

/**
 * Why `change` cannot follow `phrases` (the pairs already added), or null. The same question for
 * the decider (a refusal with this problem) and for verification (a rule broken).
 */
export function phraseProblem(
  phrases: readonly AddedPhrase[],
  change: PhraseChange,
): PhrasePlaceProblem | null {
  const active = phrases.filter((pair) => !pair.retired);
  if (change.key === 'phrase-retired') {
    return active.some((pair) => pair.id === change.id) ? null : { kind: 'phrase-not-added' };
  }
  if (change.id !== nextPhraseId(phrases)) return { kind: 'phrase-out-of-order' };
  const taken = new Set(
    [...STANDARD_TEXTS, ...active.map((pair) => pair.text)].flatMap(nevers).map(spoken),
  );
  const repeated = nevers(change.text).find((words) => taken.has(spoken(words)));
  if (repeated !== undefined) return { kind: 'phrase-duplicate', words: repeated };
  if (active.length >= PHRASE_LIMITS.added)
    return { kind: 'phrase-full', max: PHRASE_LIMITS.added };
  return null;
}

/** What is wrong with the words of a change the schema refused (null: nothing more to say). */
export function phraseTextProblem(text: unknown): PhraseProblem | null {
  if (typeof text !== 'object' || text === null) return { kind: 'phrase-empty' };
  const given = text as Record<string, unknown>;
  const locales = LOCALES.filter((locale) => given[locale] !== undefined);
  if (locales.length === 0) return { kind: 'phrase-empty' };
  for (const locale of locales) {
    const words = given[locale];
    const pair = (typeof words === 'object' && words !== null ? words : {}) as Record<
      string,
      unknown
    >;
    for (const side of ['never', 'instead'] as const) {
      const value = pair[side];
      if (typeof value !== 'string' || value.trim() === '') {
        return {
          kind: side === 'never' ? 'phrase-never-missing' : 'phrase-instead-missing',
          locale,
        };
      }
      if (value.length > PHRASE_LIMITS[side]) {
        return { kind: 'phrase-too-long', locale, side, max: PHRASE_LIMITS[side] };
      }
      if (hasControl(value)) return { kind: 'phrase-one-line', locale };
    }
  }
  return null;
}

/** A pair as the card and the settings list show it. */
export interface ShownPhrase {
  /** Null for the standard's own. */
  id: string | null;
  text: PhraseText;
}

/** The card's pairs: the standard's, then the store's own that are not retired, oldest first. */
export const cardPhrases = (phrases: readonly AddedPhrase[]): ShownPhrase[] => [
  ...STANDARD_TEXTS.map((text) => ({ id: null, text })),
  ...phrases.filter((pair) => !pair.retired).map(({ id, text }) => ({ id, text })),
];

/** Which written language stands in for another: the other Chinese script first, then English. */
const NEAREST: Record<Locale, readonly Locale[]> = {
  'zh-CN': ['zh-CN', 'zh-TW', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
  en: ['en', 'zh-CN', 'zh-TW'],
};

/** The pair in `locale`, or in the nearest language it was written in (and which that is). */
export function phraseIn(text: PhraseText, locale: Locale): PhraseWords & { locale: Locale } {
  for (const candidate of NEAREST[locale]) {
    const words = text[candidate];
    if (words) return { ...words, locale: candidate };
  }
  // The schema requires one language; a pair without any shows as nothing.
  return { never: '', instead: '', locale };
}
