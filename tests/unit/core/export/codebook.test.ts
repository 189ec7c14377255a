/**
 * The codebook in every zip: `datapackage.json`, a Frictionless Tabular Data Package descriptor,
 * valid against the profile's published JSON Schema (draft-04, so checked with ajv-draft-04;
 * vendored in tests/fixtures/frictionless, its source in tests/fixtures/README.md), describing
 * each CSV file's columns in order, in the export's language and English, with the codes the
 * tables hold. Read as plain JSON and checked against the CSV files with papaparse.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import profile from '../../../fixtures/frictionless/tabular-data-package.json' with { type: 'json' };
import { neutralise } from '../../../../core/export/codebook';
import { dayWithServices, exportDay, files } from '../../helpers/exports';

interface Field {
  name: string;
  type: string;
  description: string;
  unit?: string;
  constraints?: { enum?: string[] };
}
interface Descriptor {
  profile: string;
  resources: { name: string; path: string; schema: { fields: Field[] } }[];
}

const validator = () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(profile);
};

const descriptorOf = (entries: Map<string, Uint8Array>) =>
  JSON.parse(new TextDecoder().decode(entries.get('datapackage.json'))) as Descriptor;

describe('the codebook (datapackage.json)', { timeout: 60_000 }, () => {
  it('is a valid Tabular Data Package, and the profile refuses a broken one', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const descriptor = descriptorOf(entries);
    const validate = validator();
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(descriptor.profile).toBe('tabular-data-package');
    // The schema is not a rubber stamp: a resource without its schema is refused.
    const broken = structuredClone(descriptor) as unknown as { resources: { schema?: unknown }[] };
    delete broken.resources[0]!.schema;
    expect(validate(broken)).toBe(false);
  });

  it('names every column of every CSV file in order, with types that hold, units and codes', async () => {
    const device = await dayWithServices();
    const entries = files((await exportDay(device)).zip);
    const descriptor = descriptorOf(entries);
    for (const resource of descriptor.resources) {
      const table = Papa.parse<Record<string, string>>(
        new TextDecoder().decode(entries.get(resource.path)).replace(/^\ufeff/, ''),
        { header: true, skipEmptyLines: true },
      );
      expect(table.meta.fields).toEqual(resource.schema.fields.map((field) => field.name));
      for (const field of resource.schema.fields) {
        expect(field.description.length, field.name).toBeGreaterThan(5);
        for (const row of table.data) {
          const cell = row[field.name] ?? '';
          if (cell === '') continue;
          if (field.type === 'integer') expect(cell, field.name).toMatch(/^-?\d+$/);
          if (field.type === 'number') expect(Number.isFinite(Number(cell)), field.name).toBe(true);
          if (field.type === 'date') expect(cell, field.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (field.type === 'datetime')
            expect(Number.isNaN(Date.parse(cell)), field.name).toBe(false);
          if (field.constraints?.enum) expect(field.constraints.enum, field.name).toContain(cell);
        }
      }
    }
    const services = descriptor.resources.find((resource) => resource.name === 'services')!;
    expect(services.schema.fields.find((field) => field.name === 'duration_s')).toMatchObject({
      type: 'integer',
      unit: 's',
    });
    expect(services.schema.fields.find((field) => field.name === 'money_due_yuan')).toMatchObject({
      type: 'number',
      unit: 'CNY',
    });
  });

  it('describes the columns in the export’s language beside English', async () => {
    const device = await dayWithServices();
    const { zip } = await exportDay(device);
    const english = descriptorOf(files(zip)).resources[0]!.schema.fields[0]!.description;
    expect(english).toBe('The service (its id in the log).');
    const { dataPackage } = await import('../../../../core/export/codebook');
    const chinese = dataPackage('zh-CN', '导出') as unknown as Descriptor;
    expect(chinese.resources[0]!.schema.fields[0]!.description).toBe(
      '服务编号（日志中的 id）。 / The service (its id in the log).',
    );
    const traditional = dataPackage('zh-TW', '匯出') as unknown as Descriptor;
    expect(traditional.resources[0]!.schema.fields[0]!.description).toMatch(/^服務編號/);
    expect(validator()(chinese)).toBe(true);
  });

  it('neutralises text a spreadsheet would run, and nothing else', () => {
    for (const hostile of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx'])
      expect(neutralise(hostile)).toBe(`'${hostile}`);
    for (const plain of ['A025', '张', "'quoted", ' =spaced', '1-2'])
      expect(neutralise(plain)).toBe(plain);
  });
});
