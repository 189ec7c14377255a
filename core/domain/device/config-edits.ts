/**
 * The manager's edits to the configurable lists and the numbers typed on the settings screen, as
 * pure functions: each returns the whole new value that goes into one `config-changed` event. What
 * is valid is the schema's to decide (config.ts); these never refuse, they only build.
 */
import type { BusinessType, ListEntry } from '../catalog';
import type { LocalizedText } from '../locale';

/** A new entry's code, from its English name: "Senior's plan" → "seniors-plan", unique in `taken`. */
export function codeFromName(name: string, taken: readonly string[]): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Room for "-2"… within the schema's 32 characters; cut between words where there is one.
  const space = slug.lastIndexOf('-', 28);
  const cut = (slug.length <= 28 ? slug : slug.slice(0, space >= 8 ? space : 28)).replace(
    /-+$/,
    '',
  );
  const base = cut.length >= 2 ? cut : 'item';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export const addEntry = <T extends ListEntry>(list: readonly T[], entry: T): T[] => [
  ...list,
  entry,
];

export const removeEntry = <T extends ListEntry>(list: readonly T[], code: string): T[] =>
  list.filter((entry) => entry.code !== code);

/** The entry `code` with new names in every language (a built-in one is then named by them). */
export const renameEntry = <T extends ListEntry>(
  list: readonly T[],
  code: string,
  labels: LocalizedText,
): T[] => list.map((entry) => (entry.code === code ? { ...entry, labels } : entry));

export const setTarget = (
  types: readonly BusinessType[],
  code: string,
  targetSeconds: number,
): BusinessType[] => types.map((type) => (type.code === code ? { ...type, targetSeconds } : type));

/** Whether the entry may be removed: never the last one, never the skip reason "other". */
export const removable = (list: readonly ListEntry[], code: string, keep: readonly string[] = []) =>
  list.length > 1 && !keep.includes(code);

/** Labels as typed: trimmed; the schema refuses an empty one. */
export const trimLabels = (labels: LocalizedText): LocalizedText => ({
  'zh-CN': labels['zh-CN'].trim(),
  'zh-TW': labels['zh-TW'].trim(),
  en: labels.en.trim(),
});

/** "08:30" → 510 minutes after midnight; NaN when it is not a time of day (the schema refuses). */
export function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

export const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A plain number as typed ("2", "0.5", "1.25"); NaN for anything else (a comma, a sign, words). */
export function parseNumber(text: string): number {
  return /^\d{1,5}(\.\d{1,2})?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** Whole minutes as typed → seconds; NaN when not whole minutes. */
export function minutesToSeconds(text: string): number {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) * 60 : Number.NaN;
}
