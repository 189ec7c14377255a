/**
 * The canonical JSON that records are hashed and every payload signed over is RFC 8785's JSON
 * Canonicalization Scheme: checked against the RFC's own examples (tests/fixtures/jcs, typed in
 * from the RFC) — here for the app's `canonicalize`, and for the second verifier's in Python,
 * so an independent implementation written from the spec agrees byte for byte.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../core/domain/log/canonical';
import examples from '../../../fixtures/jcs/rfc8785-examples.json' with { type: 'json' };

const fromBits = (hex: string) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

describe('canonical JSON (RFC 8785)', () => {
  it.each(examples.documents)('canonicalises the RFC’s example of $name', ({ input, output }) => {
    expect(canonicalize(JSON.parse(input))).toBe(output);
  });

  it('writes every number of the RFC’s Appendix B as the RFC does, and refuses NaN and Infinity', () => {
    for (const [bits, text] of examples.numbers)
      expect(canonicalize(fromBits(bits!)), bits).toBe(text);
    for (const bits of examples.notANumber) expect(() => canonicalize(fromBits(bits))).toThrow();
  });

  it('is what the second verifier (Python, from the spec) writes too, for every example', async () => {
    const script = `
import importlib.util, json, struct, sys
spec = importlib.util.spec_from_file_location("v", sys.argv[1])
v = importlib.util.module_from_spec(spec); spec.loader.exec_module(v)
f = json.load(open(sys.argv[2], encoding="utf-8"))
out = [v.jcs(json.loads(d["input"])) for d in f["documents"]]
out += [v.jcs(struct.unpack(">d", bytes.fromhex(b))[0]) for b, _ in f["numbers"]]
refused = 0
for b in f["notANumber"]:
    try: v.jcs(struct.unpack(">d", bytes.fromhex(b))[0])
    except ValueError: refused += 1
print(json.dumps({"out": out, "refused": refused}))
`;
    const root = join(import.meta.dirname, '../../../..');
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      script,
      join(root, 'tools/verify-export.py'),
      join(root, 'tests/fixtures/jcs/rfc8785-examples.json'),
    ]);
    const answer = JSON.parse(stdout) as { out: string[]; refused: number };
    expect(answer.out).toEqual([
      ...examples.documents.map((document) => document.output),
      ...examples.numbers.map(([, text]) => text),
    ]);
    expect(answer.refused).toBe(examples.notANumber.length);
  });
});
