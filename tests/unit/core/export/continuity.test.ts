/**
 * Exports follow one another by sequence, not by calendar: a day exported while it is still that
 * day (at 17:00, the counter still open) leaves its own export record, the sign-out and the
 * checkpoint after it, and the rest of the day's work, to the next export — which carries them,
 * says so, verifies against the first with `--previous`, and is taken in after it by a fresh
 * device. And the previous export must come before: the same file, or the pair reversed, is not
 * a continuation.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FILES } from '../../../../core/export/format';
import { verifyExport } from '../../../../core/export/verify-export';
import { MANAGER, firstRun, testDevice } from '../../helpers/builders';
import { files, twoRecordedDays as twoDays } from '../../helpers/exports';

const csvRows = (bytes: Uint8Array | undefined) =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

// Each test walks two business days through the store: seconds on a shared machine.
describe('exports in sequence', { timeout: 60_000 }, () => {
  it('the next day’s export starts right after the day exported at 17:00, and carries what came after it', async () => {
    const { day1, day2 } = await twoDays();
    const first = day1.result.manifest;
    const second = day2.result.manifest;
    expect(second.previousExport).toEqual({
      lastSeq: first.records.last.seq,
      lastHash: first.records.last.hash,
    });
    expect(second.records.first).toMatchObject({
      seq: first.records.last.seq + 1,
      prevHash: first.records.last.hash,
    });
    expect(second.range).toMatchObject({ from: '2026-11-24', to: '2026-11-24' });
    expect(second.notes.join(' ')).toMatch(
      new RegExp(
        `^Records ${first.records.last.seq + 1} to \\d+, dated 2026-11-23, were written after the previous export`,
      ),
    );
    // The evening's service is in the second export, under its own business day.
    const services = csvRows(files(day2.zip).get(FILES.services));
    expect(services.map((row) => [row.ticket, row.business_day])).toEqual([
      ['A030', '2026-11-23'],
      ['B001', '2026-11-24'],
    ]);
  });

  it('verifies as a pair, the second against the first', async () => {
    const { day1, day2 } = await twoDays();
    const verdict = await verifyExport(files(day2.zip), { previous: files(day1.zip) });
    expect(verdict).toMatchObject({ status: 'intact', continuesPrevious: true, problem: null });
  });

  it('is taken in as a pair by a device that has never held this counter', async () => {
    const { day1, day2 } = await twoDays();
    const other = await testDevice();
    await other.must({ ...firstRun(), counter: '9' } as never);
    expect(await other.store.archive.importChain(day1.zip, { confirmed: true })).toMatchObject({
      ok: true,
    });
    const second = await other.store.archive.importChain(day2.zip);
    expect(second).toMatchObject({ ok: true });
    const [chain] = await other.store.archive.chains();
    expect(chain).toMatchObject({
      firstSeq: 1,
      headSeq: day2.result.manifest.records.last.seq,
    });
    expect(other.store.snapshot.state.session?.staffNo).toBe(MANAGER.staffNo);
  });

  it('refuses an export given as its own previous, saying it is the same export', async () => {
    const { day1 } = await twoDays();
    const verdict = await verifyExport(files(day1.zip), { previous: files(day1.zip) });
    expect(verdict).toMatchObject({
      status: 'not-intact',
      problem: { kind: 'previous-same' },
    });
  });

  it('refuses the pair in the wrong order: the “previous” must end before this one starts', async () => {
    const { day1, day2 } = await twoDays();
    const verdict = await verifyExport(files(day1.zip), { previous: files(day2.zip) });
    expect(verdict).toMatchObject({
      status: 'not-intact',
      problem: {
        kind: 'previous-not-before',
        previousLast: day2.result.manifest.records.last.seq,
        last: day1.result.manifest.records.last.seq,
      },
    });
  });
});
