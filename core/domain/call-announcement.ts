/**
 * What calling a ticket (叫号) says, as the ordered names of pre-recorded clips (assets/call/,
 * made by scripts/make-call-clips.mjs): the chime, then "请 A 二十五 号顾客到 三 号窗口办理" or
 * "Ticket A twenty-five, please go to counter three". Numbers are read as numbers, without
 * leading zeros, the Chinese way (一百零一, 一千零一十; never 两) or the British English way
 * ("one hundred and one"). zh-TW is read with the same Mandarin clips.
 */
import { CounterSchema, TicketSchema } from './catalog';
import type { Locale } from './locale';

/** The clip every call opens with. */
export const CHIME_CLIP = 'chime';

/** The largest number read as a number; longer digit runs in a counter are read digit by digit. */
export const MAX_SPOKEN_NUMBER = 9999;

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const CHINESE_UNITS = ['', '十', '百', '千'] as const;

const ENGLISH_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const ENGLISH_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

/** The Mandarin clip of each character a number reading uses (file names are pinyin). */
const MANDARIN_CLIP: Readonly<Record<string, string>> = {
  零: 'ling',
  一: 'yi',
  二: 'er',
  三: 'san',
  四: 'si',
  五: 'wu',
  六: 'liu',
  七: 'qi',
  八: 'ba',
  九: 'jiu',
  十: 'shi',
  百: 'bai',
  千: 'qian',
};

/** `list[index]`, for indexes the arithmetic above guarantees; a slip there fails loudly. */
function wordAt(list: readonly string[], index: number): string {
  const word = list[index];
  if (word === undefined) throw new RangeError(`No word at ${index}.`);
  return word;
}

function assertSpokenNumber(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`Only whole numbers 0–${MAX_SPOKEN_NUMBER} are read aloud, not ${n}.`);
  }
}

/**
 * The characters of a number read in Chinese: 0 → 零, 10 → 十, 11 → 十一, 110 → 一百一十,
 * 101 → 一百零一, 1005 → 一千零五, 1010 → 一千零一十. One 零 stands for any run of zeros
 * followed by a non-zero digit; trailing zeros are silent; only a leading 一十 drops its 一.
 */
export function chineseNumberWords(n: number): string[] {
  assertSpokenNumber(n);
  if (n === 0) return ['零'];
  const digits = [...String(n)].map(Number);
  const words: string[] = [];
  let zeros = false;
  digits.forEach((digit, index) => {
    const place = digits.length - 1 - index;
    if (digit === 0) {
      zeros = true;
      return;
    }
    if (zeros) words.push('零');
    zeros = false;
    const leadingTen = index === 0 && place === 1 && digit === 1;
    if (!leadingTen) words.push(wordAt(CHINESE_DIGITS, digit));
    if (place > 0) words.push(wordAt(CHINESE_UNITS, place));
  });
  return words;
}

/** 一百零一: the Chinese reading as text. */
export function chineseNumber(n: number): string {
  return chineseNumberWords(n).join('');
}

/** The English reading in written parts: 125 → one, hundred, and, twenty-five. */
function englishParts(n: number): string[] {
  assertSpokenNumber(n);
  if (n === 0) return ['zero'];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (thousands > 0) parts.push(wordAt(ENGLISH_ONES, thousands), 'thousand');
  if (hundreds > 0) parts.push(wordAt(ENGLISH_ONES, hundreds), 'hundred');
  if (rest > 0) {
    if (parts.length > 0) parts.push('and');
    const tens = wordAt(ENGLISH_TENS, Math.floor(rest / 10));
    const ones = wordAt(ENGLISH_ONES, rest % 10);
    parts.push(rest < 20 ? wordAt(ENGLISH_ONES, rest) : rest % 10 === 0 ? tens : `${tens}-${ones}`);
  }
  return parts;
}

/**
 * The words of a number read in English, one clip each: 25 → twenty five, 110 → one hundred and
 * ten, 1005 → one thousand and five ("and" before the last part, as in British English).
 */
export function englishNumberWords(n: number): string[] {
  return englishParts(n).flatMap((part) => part.split('-'));
}

/** "one hundred and twenty-five": the English reading as text. */
export function englishNumber(n: number): string {
  return englishParts(n).join(' ');
}

type Voice = 'zh-CN' | 'en';

function mandarinClip(character: string): string {
  const name = MANDARIN_CLIP[character];
  if (name === undefined) throw new RangeError(`No Mandarin clip for ${character}.`);
  return name;
}

function numberClips(n: number, voice: Voice): string[] {
  return voice === 'en'
    ? englishNumberWords(n).map((word) => `en/${word}`)
    : chineseNumberWords(n).map((character) => `zh-CN/${mandarinClip(character)}`);
}

const letterClip = (letter: string, voice: Voice) => `${voice}/letter-${letter.toLowerCase()}`;

/**
 * Letters as letters, each run of digits as a number (leading zeros dropped); a run longer than
 * four digits, which only a counter can have, digit by digit. Anything else ('-') is not read.
 */
function codeClips(code: string, voice: Voice): string[] {
  return [...code.matchAll(/[A-Za-z]|\d+/g)].flatMap(([part]) => {
    if (/[A-Za-z]/.test(part)) return [letterClip(part, voice)];
    if (part.length > String(MAX_SPOKEN_NUMBER).length) {
      return [...part].flatMap((digit) => numberClips(Number(digit), voice));
    }
    return numberClips(Number(part), voice);
  });
}

/**
 * The clips, in order, that call `ticket` to `counter` in the clerk's language. Throws a
 * RangeError for a ticket or counter the domain would not accept (callers pass stored values).
 */
export function announcementClips(ticket: string, counter: string, locale: Locale): string[] {
  if (!TicketSchema.safeParse(ticket).success) {
    throw new RangeError(`Not a ticket: ${JSON.stringify(ticket)}.`);
  }
  if (!CounterSchema.safeParse(counter).success || !/[A-Za-z0-9]/.test(counter)) {
    throw new RangeError(`Not a counter that can be read aloud: ${JSON.stringify(counter)}.`);
  }
  const voice: Voice = locale === 'en' ? 'en' : 'zh-CN';
  const ticketClips = codeClips(ticket, voice);
  const counterClips = codeClips(counter, voice);
  return voice === 'en'
    ? [CHIME_CLIP, 'en/ticket', ...ticketClips, 'en/please-go-to-counter', ...counterClips]
    : [
        CHIME_CLIP,
        'zh-CN/qing',
        ...ticketClips,
        'zh-CN/hao-guke-dao',
        ...counterClips,
        'zh-CN/hao-chuangkou-banli',
      ];
}
