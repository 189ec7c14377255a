// @vitest-environment node
/** Main's channel for the Review's printed report: the sender's page as an A4 PDF, saved like an export. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_ERRORS } from '../../../main/ipc-handlers';
import { APP, exportsDir, setup } from './ipc-support';

const PDF = new Uint8Array([37, 80, 68, 70, 45]); // %PDF-

describe('the print-report channel', () => {
  it("prints the asking window's page and saves it in the exports folder", async () => {
    const printed: (number | null)[] = [];
    const { handlers, fs } = setup({
      printPdf: async (senderId) => {
        printed.push(senderId);
        return PDF;
      },
    });
    const target = join(exportsDir, 'report 2026-11-02 2026-11-08.pdf');
    expect(
      await handlers.printReport(APP, [{ fileName: 'report 2026-11-02 2026-11-08.pdf' }], 7),
    ).toEqual({ ok: true, value: { path: target } });
    expect(printed).toEqual([7]);
    expect([...(fs.files.get(target) ?? [])]).toEqual([...PDF]);
    expect([...fs.files.keys()]).toEqual([target]);
  });

  it.each([
    ['a traversing name', [{ fileName: '../escape.pdf' }]],
    ['another kind of file', [{ fileName: 'report.zip' }]],
    ['an extra field', [{ fileName: 'a.pdf', path: '/etc' }]],
  ])('refuses %s before printing or touching the disk', async (_what, args) => {
    let printed = 0;
    const { handlers, fs } = setup({
      printPdf: async () => {
        printed += 1;
        return PDF;
      },
    });
    expect(await handlers.printReport(APP, args)).toEqual({
      ok: false,
      error: IPC_ERRORS.invalidPayload,
    });
    expect(printed).toBe(0);
    expect(fs.calls).toEqual([]);
  });

  it('says unsupported without a printer, and internal-error when printing fails', async () => {
    expect(await setup().handlers.printReport(APP, [{ fileName: 'a.pdf' }])).toEqual({
      ok: false,
      error: 'unsupported',
    });
    const failing = setup({ printPdf: () => Promise.reject(new Error('gpu gone')) });
    expect(await failing.handlers.printReport(APP, [{ fileName: 'a.pdf' }])).toEqual({
      ok: false,
      error: IPC_ERRORS.internal,
    });
    expect(failing.fs.files.size).toBe(0);
  });
});
