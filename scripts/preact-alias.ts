/**
 * The renderer is written against React's API and runs on Preact through preact/compat (Decision
 * 45): the same components, a tenth of react-dom's weight. Both builds (vite.web.config.mts and
 * electron.vite.config.ts) resolve React's entry points, in the app and in its dependencies
 * (react-i18next), to Preact's.
 */
export const preactAlias = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];
