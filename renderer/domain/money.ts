/**
 * Money is integer fen (1 yuan = 100 fen) from the keypad to the log; floats never touch it.
 */
import { accept, refuse, type Decision } from './result';

/** 1,000,000 yuan: far above any counter payment, low enough to catch a slipped finger. */
export const MAX_FEN = 100_000_000;

export type MoneyInputRefusal = 'money-not-a-number' | 'money-too-precise' | 'money-out-of-range';

/** Parses what a clerk types ("100", "99.5", "0.05") into fen without floating point. */
export function parseYuan(input: string): Decision<number, MoneyInputRefusal> {
  const text = input.trim().replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return refuse('money-not-a-number');
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > 2) return refuse('money-too-precise');
  if (whole.length > 9) return refuse('money-out-of-range');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (fen > MAX_FEN) return refuse('money-out-of-range');
  return accept(fen);
}

/** "100", "99.50", "0.05": the amount as a clerk would say it, without currency. */
export function formatYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
