/**
 * The export's workbook (`log.xlsx`): the services, the step events, a summary per business day
 * (services, finished and ended early, steps kept, average time) and the complaints, with the
 * column names of the CSV files, a bold frozen header row and columns wide enough for their names.
 *
 * Written directly as SpreadsheetML (ECMA-376) into a zip with fflate, and each sheet as its rows
 * come: build-export.ts hands a sheet its rows a batch at a time (a pass over the log per sheet),
 * each batch's XML is compressed at once and its bytes go on into the export's zip. Strings are
 * written inline in their cells (no shared-strings table), so nothing here grows with the range
 * but the daily summary's one entry per business day. (The spreadsheet library this replaced
 * built a model object for every cell; the version before this one gathered every row and every
 * distinct string first — 1.7 GB of heap for a counter-year.)
 */
import { Zip, ZipDeflate } from 'fflate';
import type { Cell, ServiceRow } from './rows';
import { MAIN, RELATIONSHIPS, XML, escapeXml, packageParts } from './workbook-parts';

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
export type DailyRow = Record<(typeof DAILY_COLUMNS)[number], Cell>;

interface Day {
  services: number;
  finished: number;
  endedEarly: number;
  done: number;
  applicable: number;
  durationSum: number;
}

/** One row per business day, added up from the service rows as they pass. */
export class DailySummary {
  private readonly days = new Map<string, Day>();

  add(row: ServiceRow): void {
    const key = String(row.business_day);
    let day = this.days.get(key);
    if (!day) {
      day = { services: 0, finished: 0, endedEarly: 0, done: 0, applicable: 0, durationSum: 0 };
      this.days.set(key, day);
    }
    day.services += 1;
    if (row.outcome === 'finished') {
      day.finished += 1;
      day.durationSum += Number(row.duration_s);
    }
    if (row.outcome === 'abandoned') day.endedEarly += 1;
    day.done += Number(row.steps_done);
    day.applicable += Number(row.steps_applicable);
  }

  rows(): DailyRow[] {
    return [...this.days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([business_day, day]) => ({
        business_day,
        services: day.services,
        finished: day.finished,
        ended_early: day.endedEarly,
        steps_done: day.done,
        steps_applicable: day.applicable,
        steps_kept_pct:
          day.applicable === 0 ? '' : Math.round((day.done / day.applicable) * 1000) / 10,
        average_duration_s: day.finished === 0 ? '' : Math.round(day.durationSum / day.finished),
      }));
  }
}

export interface SheetSpec {
  name: string;
  columns: readonly string[];
}

const encoder = new TextEncoder();

/** A, B, … Z, AA, AB…: the column letters of a cell reference. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function inlineString(ref: string, text: string, style = ''): string {
  const clean = escapeXml(text);
  const preserve = /^\s|\s$|\n/.test(clean) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${preserve}>${clean}</t></is></c>`;
}

function sheetHead(spec: SheetSpec, letters: readonly string[]): string {
  const cols = spec.columns
    .map(
      (key, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${Math.max(10, key.length + 2)}" customWidth="1"/>`,
    )
    .join('');
  return (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="1" s="1" customFormat="1">${spec.columns
      .map((key, index) => inlineString(`${letters[index]}1`, key, ' s="1"'))
      .join('')}</row>`
  );
}

const SHEET_TAIL =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/**
 * Writes the workbook into `out` a part at a time: `sheet(…)` for each sheet in order, then
 * `finish()`. `created` (ISO 8601) goes into its properties — the export's own time, so the same
 * export gives the same workbook.
 */
export class WorkbookWriter {
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;
  private next = 0;

  constructor(
    private readonly sheets: readonly SheetSpec[],
    private readonly out: (chunk: Uint8Array) => Promise<void>,
    private readonly meta: { title: string; created: string },
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
    });
  }

  async begin(): Promise<void> {
    const parts = packageParts(
      this.sheets.map((sheet) => sheet.name),
      this.meta.title,
      this.meta.created,
    );
    for (const [name, text] of Object.entries(parts)) {
      const entry = this.entry(name);
      entry.push(encoder.encode(text), true);
      await this.flush();
    }
  }

  /**
   * The next sheet, its rows a batch at a time; at most `limit` rows are written (Excel holds
   * 1,048,576 a sheet), but every batch is read, so a caller adding up as they pass sees them all.
   */
  async sheet(
    batches:
      AsyncIterable<readonly Record<string, Cell>[]> | Iterable<readonly Record<string, Cell>[]>,
    limit: number,
  ): Promise<{ rows: number; shortened: boolean }> {
    const spec = this.sheets[this.next];
    if (!spec) throw new Error('no more sheets in this workbook');
    this.next += 1;
    const entry = this.entry(`xl/worksheets/sheet${this.next}.xml`);
    const letters = spec.columns.map((_, index) => columnName(index));
    entry.push(encoder.encode(sheetHead(spec, letters)));
    let written = 0;
    let shortened = false;
    for await (const batch of batches) {
      let xml = '';
      for (const row of batch) {
        if (written >= limit) {
          shortened = true;
          break;
        }
        const r = written + 2;
        xml += `<row r="${r}">`;
        for (const [index, key] of spec.columns.entries()) {
          const value = row[key];
          if (value === undefined) continue;
          xml +=
            typeof value === 'number' && Number.isFinite(value)
              ? `<c r="${letters[index]}${r}"><v>${value}</v></c>`
              : inlineString(`${letters[index]}${r}`, String(value));
        }
        xml += '</row>';
        written += 1;
      }
      if (xml !== '') {
        entry.push(encoder.encode(xml));
        await this.flush();
      }
    }
    entry.push(encoder.encode(SHEET_TAIL), true);
    await this.flush();
    return { rows: written, shortened };
  }

  async finish(): Promise<void> {
    if (this.next !== this.sheets.length)
      throw new Error('a sheet of the workbook was not written');
    this.zip.end();
    await this.flush();
  }

  private entry(name: string): ZipDeflate {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    return entry;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const ready = this.pending;
    this.pending = [];
    for (const chunk of ready) await this.out(chunk);
  }
}
