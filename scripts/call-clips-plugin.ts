/**
 * A Vite plugin that ships the ticket-calling clips (assets/call/*.opus, made offline by
 * make-call-clips.mjs) with the renderer: emitted into the build as `call/<name>.opus` (the
 * browser build's service worker then precaches them, and Electron's app:// protocol serves them
 * from out/renderer), and served from assets/call by the dev server. Used by both builds
 * (vite.web.config.mts and electron.vite.config.ts), so the two can never ship different clips.
 * Only the clips go out; the manifest stays a build-time file (the player derives a clip's file
 * from its name, which tests/unit/assets/call-clips.test.ts holds the manifest to).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Where the clips sit in the built app, relative to index.html. */
export const CALL_CLIPS_URL_PATH = 'call';

/** Every clip file under `dir`, as paths relative to it with forward slashes. */
export function clipFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.opus'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * `dir` is assets/call, resolved by the config (configs are bundled before they run, so this
 * file cannot know where it sits).
 */
export function callClips(dir: string): Plugin {
  return {
    name: 'counter-steps:call-clips',
    configureServer(server) {
      const files = new Set(clipFiles(dir));
      server.middlewares.use(`/${CALL_CLIPS_URL_PATH}/`, (request, response, next) => {
        // Only a listed clip, by its exact name: nothing else in the folder, no traversal.
        const name = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!files.has(name)) return next();
        response.setHeader('Content-Type', 'audio/ogg');
        response.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of clipFiles(dir)) {
        this.emitFile({
          type: 'asset',
          fileName: `${CALL_CLIPS_URL_PATH}/${name}`,
          source: readFileSync(join(dir, name)),
        });
      }
    },
  };
}
