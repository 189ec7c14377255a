// @vitest-environment node
/**
 * Translation keys are typed (core/i18n/i18next.d.ts): TypeScript, with the renderer's settings
 * (tsconfig.web.json), refuses each misspelt key in a fixture — a plain one, one built from a
 * step's id, one of the other namespace — and accepts the same calls spelt right.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../../..');
const fixture = (name: string) => join(repo, 'tests/fixtures/typed-keys', name);

/** The type errors of each fixture, as `line: message`. */
let errors: Map<string, string[]>;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repo, 'tsconfig.web.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (problem) => console.error(problem) },
  );
  if (!config) throw new Error('tsconfig.web.json could not be read');
  const names = [fixture('correct.tsx'), fixture('misspelt.tsx')];
  const program = ts.createProgram({
    // The fixtures, and the one file that types the words (as every project that translates has).
    rootNames: [...names, join(repo, 'core/i18n/i18next.d.ts')],
    options: { ...config.options, noEmit: true, composite: false, emitDeclarationOnly: false },
  });
  errors = new Map(
    names.map((name) => {
      const file = program.getSourceFile(name)!;
      return [
        name,
        ts.getPreEmitDiagnostics(program, file).map((diagnostic) => {
          const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
          return `${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
        }),
      ];
    }),
  );
}, 180_000);

describe('typed translation keys', () => {
  it('accept keys the words have', () => {
    expect(errors.get(fixture('correct.tsx'))).toEqual([]);
  });

  it('refuse each misspelt key, and only those', () => {
    const found = errors.get(fixture('misspelt.tsx'))!;
    const lines = [...new Set(found.map((error) => Number(error.split(':')[0])))];
    expect(lines, found.join('\n')).toEqual([11, 12, 13, 14]);
    expect(found.join('\n')).toMatch(/"step\.doen"|step\.doen/);
  });
});
