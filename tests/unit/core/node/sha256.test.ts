import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_SHA256 } from '../../../../core/node/sha256';
import { JS_SHA256 } from '../../../../core/domain/log/canonical';

describe('Node’s SHA-256 and the JavaScript one the browser uses', () => {
  it('give the same digests, whole and a part at a time, for any text and bytes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 6 }),
        (text, parts) => {
          expect(NODE_SHA256.hex(text)).toBe(JS_SHA256.hex(text));
          const node = NODE_SHA256.incremental();
          const js = JS_SHA256.incremental();
          for (const part of parts) {
            node.update(part);
            js.update(part);
          }
          expect(node.hex()).toBe(js.hex());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is SHA-256 (a known digest)', () => {
    expect(NODE_SHA256.hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(JS_SHA256.hex('abc')).toBe(NODE_SHA256.hex('abc'));
  });
});
