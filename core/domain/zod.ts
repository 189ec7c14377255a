/**
 * The renderer's one door to zod: zod/mini, zod's functional form (`z.nullable(x)`,
 * `x.check(z.maxLength(200))`, `z.extend(schema, {…})`), whose parts the bundler can leave out
 * when unused, where classic zod's methods bring all of zod to the clerk's screen (Decision 55).
 * The same core checks the same way; only the way a schema is written differs (`z.int()` is
 * classic `z.number().int()`, `z.uuid()` its `z.string().uuid()`: the same checks, in the same
 * order).
 *
 * zod/mini carries no messages of its own ("Invalid input" for everything): English, as classic
 * zod sets it, is set here, so a refused record's issues (`InvalidRecord`), the hub's `malformed`
 * details and the verification report say what they said before. Lint keeps `zod` and `zod/mini`
 * out of every other file of the device's code (renderer, preload, main), so no schema is ever
 * built without it.
 */
import { z } from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };

/** The one value of a literal (classic zod's `.value`). */
export const literalOf = <T extends string>(schema: z.ZodMiniLiteral<T>): T => {
  const [value] = schema.def.values;
  if (value === undefined) throw new Error('a literal with no value');
  return value;
};
