/**
 * When adding another counter's log asks the manager to confirm, and why: a device never held
 * here, a log starting mid-way, a counter another device already uses here — and nothing to ask
 * for the next export of a device already held under the same counter.
 */
import { describe, expect, it } from 'vitest';
import { importCautions, type ImportCandidate } from '../../../../core/domain/log/import-caution';

const OWN = { device: '00000000-0000-4000-8000-000000000001', counter: '9' };
const OTHER = { device: '00000000-0000-4000-8000-000000000002', counter: '5' };
const DEVICE = '00000000-0000-4000-8000-000000000003';

const candidate = (over: Partial<ImportCandidate> = {}): ImportCandidate => ({
  device: DEVICE,
  counter: '3',
  fingerprint: 'abcd abcd abcd abcd abcd abcd abcd abcd',
  firstSeq: 1,
  held: null,
  devicesHere: [OWN, OTHER],
  ...over,
});

describe('import cautions', () => {
  it('asks about a device never held here, with its fingerprint to compare', () => {
    expect(importCautions(candidate())).toEqual([
      { kind: 'new-device', fingerprint: 'abcd abcd abcd abcd abcd abcd abcd abcd' },
    ]);
  });

  it('asks about a new device’s log that starts mid-way', () => {
    expect(importCautions(candidate({ firstSeq: 63 }))).toEqual([
      { kind: 'new-device', fingerprint: 'abcd abcd abcd abcd abcd abcd abcd abcd' },
      { kind: 'starts-mid-log', firstSeq: 63 },
    ]);
  });

  it('asks about a counter another device uses here, this tablet’s own included', () => {
    expect(importCautions(candidate({ counter: '5' }))).toContainEqual({
      kind: 'counter-in-use',
      counter: '5',
    });
    expect(importCautions(candidate({ counter: '9' }))).toContainEqual({
      kind: 'counter-in-use',
      counter: '9',
    });
  });

  it('asks nothing for the next export of a device held here under the same counter', () => {
    const held = { device: DEVICE, counter: '3' };
    expect(
      importCautions(
        candidate({ held: { counter: '3' }, firstSeq: 200, devicesHere: [OWN, OTHER, held] }),
      ),
    ).toEqual([]);
  });

  it('asks again when a held device comes back under a counter another device uses', () => {
    expect(
      importCautions(candidate({ held: { counter: '3' }, counter: '5', firstSeq: 200 })),
    ).toEqual([{ kind: 'counter-in-use', counter: '5' }]);
  });
});
