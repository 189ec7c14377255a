/**
 * The JSON Schema of `log.jsonl` (draft 2020-12), made from the same zod schemas the app reads
 * records with, so the file an auditor validates against cannot drift from the code.
 */
import { z } from '../domain/zod';
import { V1RecordSchema, V2RecordSchema } from '../domain/log/records';

export function logJsonSchema(): Record<string, unknown> {
  const options = { unrepresentable: 'any', io: 'input' } as const;
  const { $schema: _v1, ...v1 } = z.toJSONSchema(V1RecordSchema, options);
  const { $schema: _v2, ...v2 } = z.toJSONSchema(V2RecordSchema, options);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://counter-steps.example/schemas/log-record.json',
    title: 'Counter Steps log record',
    description:
      'One line of log.jsonl: a record exactly as stored on the device. Schema v2 records (today) and v1 records (written by release 0.1.0) can both appear; each record hashes to its own `hash` and links to the one before by `prevHash`.',
    oneOf: [v2, v1],
  };
}
