/**
 * Import circles, type imports included. ESLint's import-x/no-cycle skips every `import type`
 * (no option turns that off), and four circles closed through type imports alone had grown under
 * it; a circle of types still ties the files' designs together and turns into a runtime circle the
 * day one side imports a value. dependency-cruiser reads type-only imports too
 * (`tsPreCompilationDeps`), and `npm run lint` runs it (tests/unit/lint-rules.test.ts proves it
 * refuses a type-only circle). Decision 0061 (docs/decisions).
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A file reaches itself through its imports (type imports count): move what both sides ' +
        'share into a file of its own that neither imports back.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports (`import type`, `import { type X }`) are dependencies like any other.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist-web|test-results|playwright-report|bench)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
