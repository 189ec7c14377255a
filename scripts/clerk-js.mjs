#!/usr/bin/env node
// What the clerk's screen loads before it can run: the entry script of the built index.html and
// every chunk it imports statically (transitively), plus the words of the language on screen
// (zh-CN by default: the first part of its words, a chunk of its own that the app loads at start,
// core/i18n/parts.ts), never the chunks behind the other dynamic imports. Sizes as shipped and gzipped (level 9).
// `node scripts/clerk-js.mjs [dist-web]` prints them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** @returns {Promise<{ files: { file: string, bytes: number, gzip: number }[], bytes: number, gzip: number }>} */
export async function clerkScripts(distDir, { locale = 'zh-CN' } = {}) {
  await init;
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) =>
    resolve(distDir, match[1]),
  );
  const words = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.startsWith(`${locale}-first-`) && name.endsWith('.js'))
    .map((name) => join(distDir, 'assets', name));
  if (words.length !== 1)
    throw new Error(`expected one ${locale}-first chunk, found ${words.length}`);
  const seen = new Set();
  const queue = [...entries, ...words];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'));
    for (const { n: name, d: dynamic } of imports) {
      // d === -1: a static import; d > -1: import(); d === -2: import.meta.
      if (dynamic !== -1 || !name || !name.startsWith('.')) continue;
      queue.push(resolve(dirname(file), name));
    }
  }
  const files = [...seen].map((file) => {
    const content = readFileSync(file);
    return {
      file: relative(distDir, file),
      bytes: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
    };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist-web'));
  const { files, bytes, gzip } = await clerkScripts(dist);
  console.table(
    files.map(({ file, bytes, gzip }) => ({
      file,
      KB: (bytes / 1024).toFixed(1),
      'KB gzip': (gzip / 1024).toFixed(1),
    })),
  );
  console.log(
    `clerk screen JS: ${(bytes / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`,
  );
}
