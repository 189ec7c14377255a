/**
 * Only a customer's surname is ever stored (privacy): never a full name, an ID or a phone number.
 * A surname is one Chinese character, a compound surname (复姓 such as 欧阳, 司马), or one Latin
 * word (Zhang, O'Brien, Smith-Jones). Two Chinese characters that are not a compound surname are a
 * surname and a given name, so they are refused with the reason. Latin letters may carry accents
 * (Müller, José).
 */
import { z } from './zod';

/** Compound surnames (复姓) in simplified and traditional characters. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  ...['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文'],
  ...['司徒', '夏侯', '轩辕', '令狐', '钟离', '澹台', '公冶', '太史', '申屠', '端木', '独孤'],
  ...['南宫', '西门', '百里', '呼延', '万俟', '闻人', '赫连', '东郭', '司空', '拓跋', '单于'],
  ...['左丘', '第五', '梁丘', '濮阳', '淳于', '仲孙', '叔孙', '公羊', '谷梁', '宰父', '乐正'],
  ...['歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '軒轅', '鍾離', '澹臺', '獨孤'],
  ...['南宮', '呼延', '萬俟', '聞人', '赫連', '東郭', '單于', '濮陽', '樂正', '申屠', '端木'],
]);

export type SurnameProblem = 'empty' | 'has-digits' | 'full-name' | 'not-a-surname';

const CHINESE = /^[\u4e00-\u9fff]+$/u;
const LATIN_WORD = /^\p{Script=Latin}(?:\p{Script=Latin}|['’-](?=\p{Script=Latin})){0,29}$/u;

/** Why `input` (trimmed) is not a surname, or null when it is one. */
export function surnameProblem(input: string): SurnameProblem | null {
  const text = input.trim();
  if (text === '') return 'empty';
  if (/\d/.test(text)) return 'has-digits';
  if (CHINESE.test(text)) {
    const characters = [...text];
    if (characters.length === 1) return null;
    if (characters.length === 2 && COMPOUND_SURNAMES.has(text)) return null;
    return 'full-name';
  }
  if (/\s/.test(text)) return 'full-name';
  return LATIN_WORD.test(text) ? null : 'not-a-surname';
}

export const SurnameSchema = z.string().check(
  z.maxLength(30),
  z.refine((text) => text === text.trim() && surnameProblem(text) === null, 'not a surname'),
);
