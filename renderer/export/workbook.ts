/**
 * The export's workbook (`log.xlsx`, written with exceljs): the services, the step events and a
 * summary per business day (services, finished and ended early, steps kept, average time), with
 * the column names of the CSV files and a frozen header row.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../domain/locale';
import { SERVICE_COLUMNS, STEP_EVENT_COLUMNS } from './format';
import type { Cell, ServiceRow, StepEventRow } from './rows';

export const DAILY_COLUMNS = [
  'business_day',
  'services',
  'finished',
  'ended_early',
  'steps_done',
  'steps_applicable',
  'steps_kept_pct',
  'average_duration_s',
] as const;

/** One row per business day, from the service rows. */
export function dailySummary(
  services: readonly ServiceRow[],
): Record<(typeof DAILY_COLUMNS)[number], Cell>[] {
  const days = new Map<string, ServiceRow[]>();
  for (const row of services) {
    const day = String(row.business_day);
    days.set(day, [...(days.get(day) ?? []), row]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, rows]) => {
      const finished = rows.filter((row) => row.outcome === 'finished');
      const done = rows.reduce((sum, row) => sum + Number(row.steps_done), 0);
      const applicable = rows.reduce((sum, row) => sum + Number(row.steps_applicable), 0);
      const durations = finished.map((row) => Number(row.duration_s));
      return {
        business_day: day,
        services: rows.length,
        finished: finished.length,
        ended_early: rows.filter((row) => row.outcome === 'abandoned').length,
        steps_done: done,
        steps_applicable: applicable,
        steps_kept_pct: applicable === 0 ? '' : Math.round((done / applicable) * 1000) / 10,
        average_duration_s:
          durations.length === 0
            ? ''
            : Math.round(durations.reduce((sum, value) => sum + value, 0) / durations.length),
      };
    });
}

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly string[],
  rows: readonly Record<string, Cell>[],
) {
  const worksheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((key) => ({
    header: key,
    key,
    width: Math.max(10, key.length + 2),
  }));
  for (const row of rows) worksheet.addRow(row);
  worksheet.getRow(1).font = { bold: true };
}

export async function buildWorkbook(
  services: readonly ServiceRow[],
  steps: readonly StepEventRow[],
  locale: Locale,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Counter Steps';
  book.title = locale === 'en' ? 'Counter Steps export' : '柜台服务十七步 导出';
  sheet(book, 'services', SERVICE_COLUMNS, services);
  sheet(book, 'step events', STEP_EVENT_COLUMNS, steps);
  sheet(book, 'daily summary', DAILY_COLUMNS, dailySummary(services));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
