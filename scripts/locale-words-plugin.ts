import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { wordsPart, type WordsPart } from '../core/i18n/parts.ts';

const PREFIX = 'virtual:locale-words/';

/**
 * `import('virtual:locale-words/<locale>-<first|later>')`: that part of a locale's JSON file
 * (core/i18n/parts.ts), as its own module, so the first chunk carries only the words the
 * counter's screens use at start (its chunk is `<locale>-first-<hash>.js`). Used by both builds.
 */
export function localeWords(localesDir: string): Plugin {
  return {
    name: 'counter-steps:locale-words',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [, locale, part] =
        /^([a-zA-Z-]+)-(first|later)$/.exec(id.slice(PREFIX.length + 1)) ?? [];
      if (!locale || !part) this.error(`unknown locale words ${id.slice(1)}`);
      const file = join(localesDir, `${locale}.json`);
      this.addWatchFile(file);
      const words = wordsPart(JSON.parse(readFileSync(file, 'utf8')), part as WordsPart);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(words))});`;
    },
  };
}
