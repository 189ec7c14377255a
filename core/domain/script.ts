/**
 * Fills a script template with the customer's address and the service's facts. Pure string work:
 * the clerk screen, exports and tests all render the same sentence the same way.
 */
import type { Title } from './catalog';
import type { Locale, LocalizedText } from './locale';
import { formatYuan } from './money';

export interface ScriptFacts {
  title: Title | null;
  surname: string | null;
  ticket?: string;
  counter?: string;
  dueFen?: number;
  receivedFen?: number;
  changeFen?: number;
}

/** What the standard itself writes for a figure not yet known ("收您××元"). */
const UNKNOWN = '××';
const ZH_TITLES: Record<Title, string> = { mr: '先生', ms: '女士' };
const EN_TITLES: Record<Title, string> = { mr: 'Mr', ms: 'Ms' };
const EN_BARE: Record<Title, string> = { mr: 'sir', ms: 'madam' };

/** 张先生 / 先生 / Mr Zhang / sir: surname + title once the surname is known, the title alone before. */
export function addressCustomer(
  locale: Locale,
  title: Title | null,
  surname: string | null,
): string {
  if (locale === 'en') {
    if (!title) return surname ?? '';
    return surname ? `${EN_TITLES[title]} ${surname}` : EN_BARE[title];
  }
  if (!title) return surname ?? '';
  return `${surname ?? ''}${ZH_TITLES[title]}`;
}

export function renderScript(template: LocalizedText, locale: Locale, facts: ScriptFacts): string {
  const values: Record<string, string> = {
    customer: addressCustomer(locale, facts.title, facts.surname),
    title: facts.title ? (locale === 'en' ? EN_TITLES : ZH_TITLES)[facts.title] : '',
    surname: facts.surname ?? '',
    ticket: facts.ticket ?? UNKNOWN,
    counter: facts.counter ?? UNKNOWN,
    due: facts.dueFen === undefined ? UNKNOWN : formatYuan(facts.dueFen),
    received: facts.receivedFen === undefined ? UNKNOWN : formatYuan(facts.receivedFen),
    change: facts.changeFen === undefined ? UNKNOWN : formatYuan(facts.changeFen),
  };
  const text = template[locale].replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  // "sir, here is…" starts a sentence: capitalise it the way it is said.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The placeholders a script may use. */
export const SCRIPT_PLACEHOLDERS = [
  'customer',
  'title',
  'surname',
  'ticket',
  'counter',
  'due',
  'received',
  'change',
] as const;

/** What is wrong with a script a manager typed (an unknown placeholder, a stray brace), or null. */
export function scriptProblem(
  text: string,
): { kind: 'unknown-placeholder'; name: string } | { kind: 'stray-brace' } | null {
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!(SCRIPT_PLACEHOLDERS as readonly string[]).includes(name))
      return { kind: 'unknown-placeholder', name };
  }
  return /[{}]/.test(text.replace(/\{[^{}]*\}/g, '')) ? { kind: 'stray-brace' } : null;
}
