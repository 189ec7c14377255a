// ESLint: strict TypeScript everywhere, React hooks rules, and the architecture's boundaries.
//
// Floors: core/ (what every program shares, pure) ← renderer/, main/, preload/, hub/, cli/.
// Inside renderer/: storage, platform ← features ← app. Features reach storage only through its
// public entry, never another feature; only storage/event-log.ts touches the log's tables; nothing
// anywhere updates or deletes a stored record. A test lints a fixture breaking each rule
// (tests/unit/lint-rules.test.ts; docs/architecture.md).
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder under renderer/features is a feature: a new one is covered without a list to update.
const FEATURES = readdirSync(new URL('./renderer/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const restricted = (group, message) => ({ group, message });
/**
 * zod itself (classic or mini) only through core/domain/zod.ts: classic zod brings all of zod
 * to the clerk's screen, and zod/mini without that module has no messages (Decision 55).
 */
const zodDirect = {
  regex: '^zod(/.*)?$',
  message: "Import z from core/domain/zod (zod/mini with zod's messages), never zod itself.",
};
/** The patterns, and zod only through core/domain/zod.ts (the device's code: page, preload, main). */
const noImports = (...patterns) => ['error', { patterns: [...patterns, zodDirect] }];
/** The store hub runs in Node alone: its own routes may use classic zod. */
const noImportsNode = (...patterns) => ['error', { patterns }];
/** What the hub and its tests never import: screens, device storage's engine, Electron. */
const hubNoScreens = restricted(
  ['react', 'react-*', 'dexie', 'dexie-*', 'electron', '**/renderer', '**/renderer/**'],
  'The hub and the command line use core/, never the renderer, its storage or Electron.',
);
/** What core/ never imports: the programs built on it. */
const coreAlone = restricted(
  ['**/renderer/**', '**/main/**', '**/preload/**', '**/hub/**', '**/cli/**', '**/scripts/**'],
  'core/ is what every program shares: it imports none of them.',
);

const pure = restricted(
  [
    'react',
    'react-*',
    'dexie',
    'dexie-*',
    'electron',
    'node:*',
    '**/storage/**',
    '**/features/**',
    '**/platform/**',
    '**/ui/**',
    '**/app/**',
    '**/renderer/**',
    '**/main/**',
    '**/preload/**',
    '**/hub/**',
    '**/cli/**',
  ],
  'core/ must stay pure: no UI, storage, platform, Node or DOM, and none of the programs built on it.',
);
/**
 * i18next's types only: core/ names the words' shape (core/i18n/i18next.d.ts) and takes a typed
 * `t` (core/export/messages.ts), while each program makes its own instance.
 */
const i18nextTypesOnly = {
  group: ['i18next', 'react-i18next'],
  allowTypeImports: true,
  message: 'core/ uses i18next for its types only: each program makes and configures its own.',
};
const upward = restricted(
  ['**/features/**', '**/app/**', '**/ui/**'],
  'No upward imports: storage and platform never import screens.',
);
const storageInternals = restricted(
  ['dexie', '**/storage/*', '!**/storage/index'],
  'Screens use storage only through its public entry (renderer/storage).',
);

/** Mutating or raw calls on the log's tables. */
const LOG_TABLE_SYNTAX = [
  {
    selector:
      'MemberExpression[property.name=/^(events|credentials)$/][object.type!="ThisExpression"][object.property.name="db"], MemberExpression[property.name=/^(events|credentials)$/][object.name="db"]',
    message: 'Only storage/event-log.ts touches the log and its credentials.',
  },
  {
    // db['events'], and `const { events } = db` (or this.db): the same tables by other spellings.
    selector:
      'MemberExpression[computed=true][property.value=/^(events|credentials)$/], VariableDeclarator[init.name="db"] > ObjectPattern > Property[key.name=/^(events|credentials)$/], VariableDeclarator[init.property.name="db"] > ObjectPattern > Property[key.name=/^(events|credentials)$/]',
    message: 'Only storage/event-log.ts touches the log and its credentials.',
  },
  {
    selector: 'CallExpression[callee.property.name="table"]',
    message:
      'Tables are reached through their typed properties in storage/db.ts, and the log only through storage/event-log.ts.',
  },
];
const APPEND_ONLY_SYNTAX = [
  'put',
  'update',
  'delete',
  'clear',
  'bulkPut',
  'bulkDelete',
  'bulkUpdate',
  'modify',
].map((name) => ({
  selector: `CallExpression[callee.property.name='${name}'][callee.object.property.name=/^(events|credentials)$/], CallExpression[callee.property.name='${name}'][callee.object.property.value=/^(events|credentials)$/]`,
  message: 'Stored data is append-only: corrections are new events, a new PIN is a new row.',
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist-web/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-duplicate-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word on screen goes through i18n.
      'react/jsx-no-literals': [
        'error',
        { noStrings: true, ignoreProps: true, allowedStrings: ['—', '·', ':', ' — '] },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/node/**'],
    rules: {
      'no-restricted-imports': noImports(pure),
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [i18nextTypesOnly] }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
  {
    // The zod wrapper itself: still pure, and the one file that imports zod.
    files: ['core/domain/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pure] }] },
  },
  {
    // Node's own speed-ups for the programs that run in Node (the hub, the command line).
    files: ['core/node/**/*.ts'],
    rules: { 'no-restricted-imports': noImports(coreAlone) },
  },
  {
    // What no layer rule above covers: zod still only through core/domain/zod.ts.
    files: ['renderer/demo/**/*', 'preload/**/*', 'main/**/*'],
    rules: { 'no-restricted-imports': noImports() },
  },
  {
    files: ['renderer/storage/**/*', 'renderer/platform/**/*', 'renderer/i18n/**/*'],
    rules: {
      'no-restricted-imports': noImports(
        upward,
        restricted(['**/core/node/**'], 'core/node is for Node programs, not the page.'),
      ),
    },
  },
  {
    files: ['renderer/ui/**/*'],
    rules: {
      'no-restricted-imports': noImports(
        restricted(
          ['**/storage', '**/storage/**', '**/features/**', '**/app/**', '**/platform/**'],
          'ui holds shared components only: no storage, screens or platform.',
        ),
      ),
    },
  },
  // Each feature: storage through its public entry only, and no other feature but `shared`.
  ...FEATURES.map((feature) => ({
    files: [`renderer/features/${feature}/**/*`],
    rules: {
      'no-restricted-imports': noImports(
        storageInternals,
        restricted(
          [
            ...FEATURES.filter((other) => other !== feature && other !== 'shared').flatMap(
              (other) => [`**/features/${other}/**`, `../${other}/**`],
            ),
            '**/app/**',
          ],
          'Features do not import each other (only features/shared) nor the app shell.',
        ),
      ),
    },
  })),
  {
    files: ['renderer/app/**/*', 'renderer/main.tsx'],
    rules: { 'no-restricted-imports': noImports(storageInternals) },
  },
  {
    // The log's tables: only the log module; and nothing updates or deletes a stored record.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/storage/event-log.ts', 'renderer/storage/db.ts'],
    rules: { 'no-restricted-syntax': ['error', ...LOG_TABLE_SYNTAX, ...APPEND_ONLY_SYNTAX] },
  },
  {
    files: ['renderer/storage/event-log.ts', 'renderer/storage/db.ts'],
    rules: { 'no-restricted-syntax': ['error', ...APPEND_ONLY_SYNTAX] },
  },
  {
    // The store hub shares the domain, the export format and the locale files with the device,
    // never its storage, screens or platform; and its SQL is parameterised, never built.
    files: ['hub/**/*', 'cli/**/*'],
    rules: {
      'no-restricted-imports': noImportsNode(hubNoScreens),
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name="query"] > TemplateLiteral[expressions.length>0], CallExpression[callee.property.name="query"] > BinaryExpression[operator="+"]',
          message: 'SQL is never built from strings: pass values as $1, $2… parameters.',
        },
      ],
    },
  },
  {
    // A later block's rule replaces an earlier one's for the same files: both lists, here.
    files: ['hub/**/*'],
    rules: {
      'no-restricted-imports': noImportsNode(
        hubNoScreens,
        restricted(['**/tests/**', '**/cli/**'], 'The hub imports core/ and its own files only.'),
      ),
    },
  },
  {
    // What ships (the app, the hub, the verifier) uses its own production dependencies only: the
    // nearest package.json is each program's (hub/ and cli/ declare what they run, the root the
    // app's). main/ and preload/ import Electron, which the packager provides.
    files: ['core/**/*', 'renderer/**/*', 'hub/**/*', 'cli/**/*'],
    ignores: ['cli/bin.mjs'],
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: false, optionalDependencies: false, peerDependencies: false },
      ],
    },
  },
  {
    files: ['tests/**/*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
