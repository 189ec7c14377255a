import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../core/domain/log/canonical';

/** The definition, written the plain way: keys sorted at every depth, no whitespace. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${reference(item)}`).join(',')}}`;
}

describe('canonical JSON', () => {
  it('equals the definition for any JSON value, keys in any script included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalize(value)).toBe(reference(value));
        expect(JSON.parse(canonicalize(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
    const keyed = fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(fc.integer(), fc.string()));
    fc.assert(
      fc.property(keyed, (value) => {
        expect(canonicalize(value)).toBe(reference(value));
      }),
    );
  });

  it('drops undefined members, sorts nested keys and refuses what JSON cannot hold', () => {
    expect(canonicalize({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(() => canonicalize({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalize([undefined])).toThrow(TypeError);
    expect(() => canonicalize({ a: 1n })).toThrow(TypeError);
  });
});
