/**
 * The app's translations: the part of i18next the app, the hub and the command-line verifier use,
 * with i18next's semantics (Decision 56), and nothing else. Pure: no React, no DOM.
 *
 * - Words are trees of strings per language and namespace; a key is a path through them, its
 *   parts separated by dots (`steps.greet.name`). A key that finds no string gives the
 *   `defaultValue` if one was passed (even ''), else the key itself. A key that finds a subtree
 *   gives i18next's "returned an object" sentence. No other language is tried (fallbackLng false:
 *   zh-TW never shows zh-CN's words).
 * - `{{name}}` is replaced by `options.name` as it is (no HTML escaping: the app renders text, the
 *   hub's templates escape); null and a present-but-undefined value give '', a name not passed at
 *   all leaves `{{name}}` in place. The text is read once: a value's own `{{…}}` stays literal.
 * - Plurals: with a numeric `count`, `key_zero` (count 0 only), then `key_<Intl.PluralRules
 *   category>` (en: one/other; zh: other), then `key`.
 * - Not supported, because no text or call uses them (the comparison test with i18next fails if
 *   a text starts to): nesting `$t(…)`, `{{x, format}}`, `{{- x}}`, context, `ns:key`, arrays of
 *   keys, returnObjects, ordinal plurals.
 */

/** A namespace's words: strings, or subtrees of them. */
export type Words = { readonly [key: string]: string | Words };

/** Values for placeholders, and the options i18next's `t` takes that the app uses. */
export type TOptions = {
  readonly count?: number;
  readonly defaultValue?: string;
  /** The namespace to read, else the translator's own. */
  readonly ns?: string;
  /** The language to read, else the one on screen. */
  readonly lng?: string;
  readonly [name: string]: unknown;
};

export type TFunction = (key: string, options?: TOptions) => string;

export interface I18nOptions {
  /** The language on screen at first. */
  lng: string;
  /** The namespace `t` reads when a call names none ('translation' unless given). */
  defaultNS?: string;
  /** Words by language, then namespace. */
  resources?: { readonly [lng: string]: { readonly [ns: string]: Words } };
}

export interface I18n {
  /** The language on screen. */
  readonly language: string;
  /** Translates in the language on screen (or `options.lng`), in the default namespace (or `options.ns`). */
  t: TFunction;
  /** A `t` fixed to one language (the one on screen at each call if null) and namespace; the same function each time for the same pair. */
  getFixedT(lng: string | null, ns?: string): TFunction;
  /** Whether `key` finds anything (a string or a subtree) in that language and namespace. */
  exists(key: string, options?: Pick<TOptions, 'lng' | 'ns'>): boolean;
  /** Adds words to a language's namespace; words already there are kept (i18next's deep add without overwrite). */
  addResourceBundle(lng: string, ns: string, words: Words): void;
  hasResourceBundle(lng: string, ns: string): boolean;
  /** Puts another language on screen and tells every listener. */
  changeLanguage(lng: string): void;
  /** Calls `listener` after each change of language; returns how to stop. */
  onLanguageChanged(listener: (lng: string) => void): () => void;
}

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

type Tree = { [key: string]: string | Tree };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null;
}

/** What `path` finds in `tree`: a string, a subtree, or undefined. */
function lookUp(tree: Words | undefined, path: string): string | Words | undefined {
  let node: string | Words | undefined = tree;
  for (const part of path.split('.')) {
    if (!isTree(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** `text` with each `{{name}}` replaced by `values.name`, i18next's way (see the module's note). */
export function interpolate(text: string, values: TOptions): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name];
    return value == null ? '' : String(value);
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of `count` in `lng` ('one', 'other'…), as i18next names its suffixes. */
export function pluralCategory(lng: string, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) {
    rules = new Intl.PluralRules(lng.replace('_', '-'), { type: 'cardinal' });
    pluralRules.set(lng, rules);
  }
  return rules.select(count);
}

/** Copies `source` into `target`, keeping what `target` has (i18next's deepExtend, no overwrite). */
function mergeInto(target: Tree, source: Words): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTree(existing) && isTree(value)) mergeInto(existing, value);
    else if (existing === undefined) target[key] = isTree(value) ? structuredClone(value) : value;
  }
}

export function createI18n({ lng, defaultNS = 'translation', resources = {} }: I18nOptions): I18n {
  const store = new Map<string, Map<string, Tree>>();
  const listeners = new Set<(lng: string) => void>();
  const fixed = new Map<string, TFunction>();
  let language = lng;

  function bundle(lng: string, ns: string): Tree | undefined {
    return store.get(lng)?.get(ns);
  }

  function resolve(key: string, options: TOptions): string | Words | undefined {
    const words = bundle(options.lng ?? language, options.ns ?? defaultNS);
    const { count } = options;
    const candidates = [key];
    if (count !== undefined && typeof count !== 'string') {
      candidates.push(`${key}_${pluralCategory(options.lng ?? language, count)}`);
      if (count === 0) candidates.push(`${key}_zero`);
    }
    // The most precise form first, as i18next tries them.
    for (const candidate of candidates.reverse()) {
      const found = lookUp(words, candidate);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  const t: TFunction = (key, options = {}) => {
    const found = resolve(key, options);
    if (isTree(found)) {
      return `key '${key} (${language})' returned an object instead of string.`;
    }
    const text = found ?? options.defaultValue ?? key;
    return interpolate(text, options);
  };

  const i18n: I18n = {
    get language() {
      return language;
    },
    t,
    getFixedT(lng, ns = defaultNS) {
      const id = `${lng ?? ''}|${ns}`;
      let fixedT = fixed.get(id);
      if (!fixedT) {
        fixedT = (key, options = {}) => t(key, { lng: lng ?? language, ns, ...options });
        fixed.set(id, fixedT);
      }
      return fixedT;
    },
    exists(key, options = {}) {
      return resolve(key, options) !== undefined;
    },
    addResourceBundle(lng, ns, words) {
      const namespaces = store.get(lng) ?? new Map<string, Tree>();
      store.set(lng, namespaces);
      const tree = namespaces.get(ns) ?? {};
      namespaces.set(ns, tree);
      mergeInto(tree, words);
    },
    hasResourceBundle(lng, ns) {
      return bundle(lng, ns) !== undefined;
    },
    changeLanguage(lng) {
      language = lng;
      for (const listener of [...listeners]) listener(lng);
    },
    onLanguageChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  for (const [lng, namespaces] of Object.entries(resources)) {
    for (const [ns, words] of Object.entries(namespaces)) i18n.addResourceBundle(lng, ns, words);
  }
  return i18n;
}
