import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The programs that run in Node — the store hub (hub/server.ts) and the command-line verifier
 * (cli/main.ts) — built once into plain JavaScript (out/node), so that nothing compiles TypeScript
 * at run time. Their npm dependencies stay external: each program's package.json (hub/, cli/)
 * declares them. The hub's SQL migrations and style sheet are files it reads beside itself.
 */
const root = import.meta.dirname;
const outDir = resolve(root, 'out/node');

const hubFiles = (): Plugin => ({
  name: 'hub-files',
  writeBundle() {
    cpSync(resolve(root, 'hub/migrations'), resolve(outDir, 'migrations'), { recursive: true });
    cpSync(resolve(root, 'hub/web/hub.css'), resolve(outDir, 'hub.css'));
  },
});

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [hubFiles()],
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { hub: resolve(root, 'hub/server.ts'), cli: resolve(root, 'cli/main.ts') },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
  ssr: { target: 'node' },
});
