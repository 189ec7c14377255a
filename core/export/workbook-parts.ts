/**
 * The workbook's fixed parts (ECMA-376 SpreadsheetML): content types, relationships, properties,
 * the sheet list and one bold style for the header row — everything but the sheets themselves,
 * which workbook.ts streams. Cells hold their strings inline (`t="inlineStr"`), so there is no
 * shared-strings part: a table of every distinct string would grow with the range exported.
 */
export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT = 'application/vnd.openxmlformats-officedocument';

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
export const escapeXml = (text: string) =>
  text.replace(UNREPRESENTABLE, '').replace(/[&<>"']/g, (char) => ESCAPES[char] as string);

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Every part but the sheets, by its path in the package. */
export function packageParts(
  sheetNames: readonly string[],
  title: string,
  created: string,
): Record<string, string> {
  const sheetNumbers = sheetNames.map((_, index) => index + 1);
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
      `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${sheetNames
        .map((name) => `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`)
        .join('')}</vt:vector></TitlesOfParts>` +
      '</Properties>',
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>` +
      sheetNames
        .map(
          (name, index) =>
            `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 2}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
      sheetNumbers
        .map(
          (n) =>
            `<Relationship Id="rId${n + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
        )
        .join('') +
      '</Relationships>',
    'xl/styles.xml': STYLES,
  };
}
