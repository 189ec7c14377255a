/**
 * The export's workbook (`log.xlsx`): the services, the step events and a summary per business
 * day (services, finished and ended early, steps kept, average time), with the column names of
 * the CSV files, a bold frozen header row and columns wide enough for their names.
 *
 * Written directly as SpreadsheetML (ECMA-376: shared strings, one style for the header) into a
 * zip with fflate, a sheet's rows at a time. The spreadsheet library it replaces (exceljs) built
 * a model object for every cell and took minutes and gigabytes for a counter-year's 200,000 step
 * rows; this takes seconds, and holds the strings table and one batch of rows' XML at a time.
 */
import { Zip, ZipDeflate } from 'fflate';
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
    const rows = days.get(day);
    if (rows) rows.push(row);
    else days.set(day, [row]);
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

const encoder = new TextEncoder();
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT = 'application/vnd.openxmlformats-officedocument';
/** Rows of XML gathered before they go to the compressor. */
const ROWS_PER_CHUNK = 500;

/** Characters XML 1.0 cannot hold (control characters but tab, newline and return) are dropped. */
// eslint-disable-next-line no-control-regex
const UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (text: string) =>
  text.replace(UNREPRESENTABLE, '').replace(/[&<>"']/g, (char) => ESCAPES[char] as string);

/** A, B, … Z, AA, AB…: the column letters of a cell reference. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

interface SheetSpec {
  name: string;
  columns: readonly string[];
  rows: readonly Record<string, Cell>[];
}

/** The workbook's strings, each kept once (cells refer to them by index). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Cells referring to a string, repeats included (the `count` Excel writes). */
  uses = 0;

  of(text: string): number {
    this.uses += 1;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.index.size;
      this.index.set(text, at);
    }
    return at;
  }

  *xml(): Generator<string> {
    yield `${XML}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">`;
    let chunk = '';
    for (const text of this.index.keys()) {
      const clean = escapeXml(text);
      const preserve = /^\s|\s$|\n/.test(clean) ? ' xml:space="preserve"' : '';
      chunk += `<si><t${preserve}>${clean}</t></si>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}</sst>`;
  }
}

function* sheetXml(spec: SheetSpec, strings: SharedStrings): Generator<string> {
  const letters = spec.columns.map((_, index) => columnName(index));
  const last = `${letters.at(-1) ?? 'A'}${spec.rows.length + 1}`;
  const cols = spec.columns
    .map(
      (key, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${Math.max(10, key.length + 2)}" customWidth="1"/>`,
    )
    .join('');
  yield (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="1" s="1" customFormat="1">${spec.columns
      .map((key, index) => `<c r="${letters[index]}1" s="1" t="s"><v>${strings.of(key)}</v></c>`)
      .join('')}</row>`
  );
  let chunk = '';
  for (const [offset, row] of spec.rows.entries()) {
    const r = offset + 2;
    chunk += `<row r="${r}">`;
    for (const [index, key] of spec.columns.entries()) {
      const value = row[key];
      if (value === undefined) continue;
      chunk +=
        typeof value === 'number' && Number.isFinite(value)
          ? `<c r="${letters[index]}${r}"><v>${value}</v></c>`
          : `<c r="${letters[index]}${r}" t="s"><v>${strings.of(String(value))}</v></c>`;
    }
    chunk += '</row>';
    if ((offset + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function packageParts(sheets: readonly SheetSpec[], title: string, created: string) {
  const sheetNumbers = sheets.map((_, index) => index + 1);
  const when = `${created.slice(0, 19)}Z`;
  return {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.spreadsheetml.sheet.main+xml"/>` +
      sheetNumbers
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CONTENT}.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CONTENT}.extended-properties+xml"/>` +
      '</Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>` +
      '</Relationships>',
    'docProps/core.xml':
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Counter Steps</dc:creator><dc:title>${escapeXml(title)}</dc:title>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      '</cp:coreProperties>',
    'docProps/app.xml':
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      '<Application>Counter Steps</Application>' +
      `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets
        .map((sheet) => `<vt:lpstr>${escapeXml(sheet.name)}</vt:lpstr>`)
        .join('')}</vt:vector></TitlesOfParts>` +
      '</Properties>',
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 3}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` +
      sheetNumbers
        .map(
          (n) =>
            `<Relationship Id="rId${n + 2}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
        )
        .join('') +
      '</Relationships>',
    'xl/styles.xml': STYLES,
  };
}

/**
 * The workbook's bytes, a part at a time as they are compressed (build-export.ts passes each on
 * into the export's zip, so the workbook is never held whole). `created`: when it was made
 * (ISO 8601), written into its properties — the export's own time, so the same export gives the
 * same workbook.
 */
export function* workbookParts(
  services: readonly ServiceRow[],
  steps: readonly StepEventRow[],
  locale: Locale,
  created: string = new Date().toISOString(),
): Generator<Uint8Array> {
  const sheets: SheetSpec[] = [
    { name: 'services', columns: SERVICE_COLUMNS, rows: services },
    { name: 'step events', columns: STEP_EVENT_COLUMNS, rows: steps },
    { name: 'daily summary', columns: DAILY_COLUMNS, rows: dailySummary(services) },
  ];
  const title = locale === 'en' ? 'Counter Steps export' : '柜台服务十七步 导出';
  let pending: Uint8Array[] = [];
  const failed: { error: Error | null } = { error: null };
  // fflate compresses as each part is pushed and hands the zip's bytes over as they are made.
  const zip = new Zip((error, chunk) => {
    if (error) failed.error = error;
    else pending.push(chunk);
  });
  function* ready(): Generator<Uint8Array> {
    if (failed.error) throw failed.error;
    const parts = pending;
    pending = [];
    yield* parts;
  }
  function* write(name: string, parts: Iterable<string>): Generator<Uint8Array> {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    for (const part of parts) {
      entry.push(encoder.encode(part));
      yield* ready();
    }
    entry.push(new Uint8Array(0), true);
    yield* ready();
  }
  const strings = new SharedStrings();
  const parts = packageParts(sheets, title, created);
  for (const [name, text] of Object.entries(parts)) yield* write(name, [text]);
  for (const [index, sheet] of sheets.entries()) {
    yield* write(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet, strings));
  }
  yield* write('xl/sharedStrings.xml', strings.xml());
  zip.end();
  yield* ready();
}
