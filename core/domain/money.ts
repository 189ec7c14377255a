/**
 * Money is integer fen (1 yuan = 100 fen) from the keypad to the log; floats never touch it.
 */
import { err, ok, type Result } from './result';

/** 1,000,000 yuan: far above any counter payment, low enough to catch a slipped finger. */
export const MAX_FEN = 100_000_000;

export type MoneyInputProblem =
  | 'money-empty'
  | 'money-negative'
  | 'money-comma'
  | 'money-space'
  | 'money-not-a-number'
  | 'money-too-precise'
  | 'money-out-of-range';

/** Full-width digits and point, as a Chinese input method may type them. */
const toAscii = (text: string) =>
  text.replace(/[０-９．]/g, (char) =>
    char === '．' ? '.' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );

/**
 * Parses what a clerk types ("100", "99.5", "0.05") into fen without floating point. A comma is
 * refused rather than guessed at: "10,50" could be 10.50 or 1,050, and money is not guessed.
 * Spaces: those around the amount are dropped (a stray tap of the space bar), but a space inside it
 * is refused, for the same reason: "1 00" is a slip (100? 1? 1.00?), and reading it as 100
 * silently would record a sum nobody typed. Full-width digits ("８０") are the same digits from a
 * Chinese input method and are read as such.
 */
export function parseYuan(input: string): Result<number, MoneyInputProblem> {
  const text = toAscii(input).trim();
  if (text === '') return err('money-empty');
  if (/^[-−－]/.test(text)) return err('money-negative');
  if (/[,，]/.test(text)) return err('money-comma');
  if (/\s/.test(text)) return err('money-space');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return err('money-not-a-number');
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > 2) return err('money-too-precise');
  if (whole.replace(/^0+/, '').length > 9) return err('money-out-of-range');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (fen > MAX_FEN) return err('money-out-of-range');
  return ok(fen);
}

/** "100", "99.50", "0.05": the amount as a clerk would say it, without currency. */
export function formatYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
