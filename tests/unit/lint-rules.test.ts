// @vitest-environment node
/**
 * The architecture's walls are lint rules (eslint.config.js); these snippets, linted as if they
 * were files at the paths given, prove each wall stands: the log's tables are reached only by the
 * log module, however spelt; nothing updates or deletes a stored record; the domain imports no
 * React, Dexie or storage; features reach storage only through its entry and never each other;
 * screens in ui/ never reach storage; zod comes only through core/domain/zod.ts (zod/mini with
 * its messages; the hub's own routes may use classic zod); core/ takes only i18next's types;
 * what ships imports no dev dependency.
 * A clean snippet at each path shows the rules are not simply refusing everything.
 */
import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const STORE = 'renderer/storage/review.ts';
const FEATURE = 'renderer/features/manager/Example.tsx';

const REFUSED: [string, string, string, RegExp][] = [
  [
    'the log table by property',
    STORE,
    'export const f = (db: any) => db.events.count();',
    /event-log/,
  ],
  [
    'the log table by a computed key',
    STORE,
    "export const f = (db: any) => db['events'].count();",
    /event-log/,
  ],
  [
    'the credentials table destructured',
    STORE,
    'export function f(db: any) { const { credentials } = db; return credentials; }',
    /event-log/,
  ],
  [
    'a table by name',
    STORE,
    "export const f = (db: any) => db.table('events');",
    /typed properties/,
  ],
  [
    'deleting a record, even in the log module',
    'renderer/storage/event-log.ts',
    "export const f = (db: any) => db['events'].delete(1);",
    /append-only/,
  ],
  [
    'updating a stored record',
    'renderer/storage/event-log.ts',
    'export const f = (db: any) => db.events.update(1, {});',
    /append-only/,
  ],
  [
    'React in the domain',
    'core/domain/example.ts',
    "import { useState } from 'react';\nexport const x = useState;",
    /./,
  ],
  [
    'Dexie in the domain',
    'core/domain/example.ts',
    "import Dexie from 'dexie';\nexport const x = Dexie;",
    /./,
  ],
  [
    'classic zod in the domain',
    'core/domain/example.ts',
    "import { z } from 'zod';\nexport const x = z.string();",
    /core\/domain\/zod/,
  ],
  [
    'zod/mini in a screen, around the module that gives it its messages',
    FEATURE,
    "import { z } from 'zod/mini';\nexport const x = z.string();",
    /core\/domain\/zod/,
  ],
  [
    'classic zod in the preload contract',
    'preload/contract.ts',
    "import { z } from 'zod';\nexport const x = z.string();",
    /core\/domain\/zod/,
  ],
  [
    'storage internals in a feature',
    FEATURE,
    "import { EventLog } from '../../storage/event-log';\nexport const x = EventLog;",
    /public entry/,
  ],
  [
    'another feature from a feature',
    FEATURE,
    "import { StartPanel } from '../clerk/StartPanel';\nexport const x = StartPanel;",
    /./,
  ],
  [
    'storage from ui',
    'renderer/ui/Example.tsx',
    "import { openStore } from '../storage';\nexport const x = openStore;",
    /./,
  ],
  [
    'React in the hub',
    'hub/example.ts',
    "import { useState } from 'react';\nexport const x = useState;",
    /use core\/, never the renderer/,
  ],
  [
    'device storage in the hub',
    'hub/example.ts',
    "import { openStore } from '../renderer/storage';\nexport const x = openStore;",
    /use core\/, never the renderer/,
  ],
  [
    'the renderer in the command line',
    'cli/example.ts',
    "import { resources } from '../renderer/i18n/resources';\nexport const x = resources;",
    /use core\/, never the renderer/,
  ],
  [
    'the command line in the hub',
    'hub/example.ts',
    "import { main } from '../cli/verify';\nexport const x = main;",
    /core\/ and its own files/,
  ],
  [
    'the renderer in the shared core',
    'core/export/example.ts',
    "import { openStore } from '../../renderer/storage';\nexport const x = openStore;",
    /./,
  ],
  [
    'the hub in the shared core',
    'core/words/example.ts',
    "import { app } from '../../hub/app';\nexport const x = app;",
    /./,
  ],
  [
    'Node built-ins in the shared core outside core/node',
    'core/domain/example.ts',
    "import { createHash } from 'node:crypto';\nexport const x = createHash;",
    /./,
  ],
  [
    "Node's helpers in the page",
    'renderer/storage/example.ts',
    "import { NODE_SHA256 } from '../../core/node/sha256';\nexport const x = NODE_SHA256;",
    /core\/node is for Node programs/,
  ],
  [
    'a dev dependency (vitest) in what ships',
    'core/export/example.ts',
    "import { expect } from 'vitest';\nexport const x = expect;",
    /no-extraneous-dependencies/,
  ],
  [
    "the hub's server in the app",
    'renderer/storage/example.ts',
    "import Fastify from 'fastify';\nexport const x = Fastify;",
    /no-extraneous-dependencies/,
  ],
  [
    "a package the hub's own package.json does not declare",
    'hub/example.ts',
    "import uPlot from 'uplot';\nexport const x = uPlot;",
    /no-extraneous-dependencies/,
  ],
  [
    'an i18next instance in the shared core (each program makes its own)',
    'core/export/example.ts',
    "import i18next from 'i18next';\nexport const x = i18next;",
    /i18next for its types only/,
  ],
];

// Each lint walks the fixture's imports (import-x resolves them): seconds on a busy machine.
describe('the architecture’s lint rules', { timeout: 60_000 }, () => {
  it.each(REFUSED)('refuse %s', async (_name, path, code, message) => {
    const found = await problems(path, code);
    expect(
      found.some((text) => message.test(text)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    [STORE, 'export const f = (log: { batches(): unknown }) => log.batches();'],
    [FEATURE, "import { useStore } from '../shared/store-context';\nexport const x = useStore;"],
    ['core/domain/example.ts', "import { z } from './zod';\nexport const x = z.string();"],
    ['core/domain/zod.ts', "import { z } from 'zod/mini';\nexport const x = z.string();"],
    [
      'core/node/example.ts',
      "import { createHash } from 'node:crypto';\nexport const x = createHash;",
    ],
    ['hub/example.ts', "import { z } from 'zod';\nexport const x = z.string();"],
    [
      'cli/example.ts',
      "import i18next from 'i18next';\nimport { I18N_OPTIONS } from '../core/i18n/options';\nexport const x = [i18next, I18N_OPTIONS];",
    ],
    [
      'core/export/example.ts',
      "import type { TFunction } from 'i18next';\nexport const f = (t: TFunction) => t('steps.greet.name');",
    ],
  ])('let clean code at %s through', async (path, code) => {
    const found = (await problems(path, code)).filter(
      (text) => !/no-unused|File ignored/.test(text),
    );
    expect(found).toEqual([]);
  });
});

/**
 * Import circles, type imports included: ESLint's import-x/no-cycle skips every `import type`, so
 * `npm run lint` also runs dependency-cruiser (.dependency-cruiser.mjs). Each case is two files
 * written to a fresh folder and cruised with the project's own configuration, as lint runs it.
 */
describe('the import-circle rule (dependency-cruiser)', () => {
  const root = join(import.meta.dirname, '../..');
  const depcruise = join(root, 'node_modules/.bin/depcruise');

  async function cruise(files: Record<string, string>): Promise<{ code: number; output: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'cycle-'));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      const config = join(root, '.dependency-cruiser.mjs');
      const args = ['--config', config, '--output-type', 'err', '.'];
      const done = await run(depcruise, args, { cwd: dir }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code?: number; stdout?: string }) => ({
          code: error.code ?? -1,
          output: error.stdout ?? '',
        }),
      );
      return done;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('refuses two files that import each other’s types only', async () => {
    const { code, output } = await cruise({
      'a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
      'b.ts': "import { type A } from './a';\nexport interface B { a: A | null }\n",
    });
    expect(output).toMatch(/no-circular: a\.ts/);
    expect(code).toBe(1);
  }, 60_000);

  it('lets types shared through a third file through', async () => {
    const { code, output } = await cruise({
      'shared.ts': 'export interface A { b: B }\nexport interface B { a: A | null }\n',
      'a.ts': "import type { A } from './shared';\nexport const a = (x: A) => x;\n",
      'b.ts':
        "import type { B } from './shared';\nimport { a } from './a';\nexport const b = (x: B) => a(x.a!);\n",
    });
    expect(output).not.toMatch(/no-circular/);
    expect(code).toBe(0);
  }, 60_000);

  it('is part of npm run lint, which CI runs', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.lint).toContain('npm run lint:cycles');
    expect(manifest.scripts['lint:cycles']).toContain('depcruise --config .dependency-cruiser.mjs');
  });
});
