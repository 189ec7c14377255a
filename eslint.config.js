// ESLint: strict TypeScript everywhere, React hooks rules, and the architecture's boundaries.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const mutatingCalls = [
  'put',
  'update',
  'delete',
  'clear',
  'bulkPut',
  'bulkDelete',
  'bulkUpdate',
  'modify',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist-web/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
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
    // The domain is pure: no UI, storage, platform or DOM.
    files: ['renderer/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'dexie',
                'dexie-*',
                'electron',
                'i18next',
                '**/storage/**',
                '**/features/**',
                '**/platform/**',
                '**/ui/**',
              ],
              message: 'renderer/domain must stay pure.',
            },
          ],
        },
      ],
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
    // Screens talk to repositories, never to tables.
    files: ['renderer/features/**/*', 'renderer/ui/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', '**/storage/db', '**/storage/event-log'],
              message: 'Use a repository from storage/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The log is append-only: no code may update or delete stored rows.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...mutatingCalls.map((name) => ({
          selector: `CallExpression[callee.property.name='${name}'][callee.object.property.name=/^(events|credentials)$/]`,
          message:
            'Stored data is append-only: corrections are new events, a new PIN is a new row.',
        })),
      ],
    },
  },
  {
    files: ['tests/**/*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
