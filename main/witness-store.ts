/**
 * The witness of each log's head, kept by the main process in `witness.json` in the user-data
 * folder, out of the page's reach: the page can only ask to move it forward, through a zod-checked
 * IPC call made after each commit. A lower sequence number, or the same one with another hash, is
 * refused and reported — that is what a truncated or rewritten log looks like from here. The file
 * is written beside itself and renamed, so a power cut never leaves half a witness; an unreadable
 * file is reported, never silently replaced by an empty one.
 */
import { dirname, join } from 'node:path';
import { z } from '../core/domain/zod';
import {
  HeadSchema,
  judgeAdvance,
  type Head,
  type WitnessRefusal,
} from '../core/domain/log/witness';
import { LogNameSchema, type Result } from '../preload/contract';

export const WITNESS_FILE_NAME = 'witness.json';

const WitnessFileSchema = z.object({
  version: z.literal(1),
  logs: z.record(LogNameSchema, HeadSchema),
});
type WitnessFile = z.infer<typeof WitnessFileSchema>;

export interface WitnessFileSystem {
  readFile(filePath: string): Promise<string>;
  writeFile(filePath: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export type WitnessError =
  Exclude<WitnessRefusal, 'unavailable'> | 'witness-unreadable' | 'write-failed';

export interface WitnessStore {
  read(log: string): Promise<Result<Head | null>>;
  advance(log: string, head: Head): Promise<Result<null>>;
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

export function createWitnessStore(deps: {
  userDataDir: string;
  fs: WitnessFileSystem;
  log?: (message: string) => void;
}): WitnessStore {
  const filePath = join(deps.userDataDir, WITNESS_FILE_NAME);
  const log = deps.log ?? (() => undefined);
  let tail: Promise<unknown> = Promise.resolve();

  // One change at a time: two advances never read the same file and both write it.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };

  async function load(): Promise<WitnessFile | null> {
    let text: string;
    try {
      text = await deps.fs.readFile(filePath);
    } catch (error) {
      if (isMissing(error)) return { version: 1, logs: {} };
      throw error;
    }
    try {
      const parsed = WitnessFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  const fail = (error: WitnessError): { ok: false; error: string } => ({ ok: false, error });

  return {
    read: (name) =>
      serial(async () => {
        const file = await load().catch(() => null);
        if (!file) return fail('witness-unreadable');
        return { ok: true, value: file.logs[name] ?? null };
      }),

    advance: (name, head) =>
      serial(async () => {
        const file = await load().catch(() => null);
        if (!file) {
          log(`${WITNESS_FILE_NAME} is unreadable; it is kept as it is`);
          return fail('witness-unreadable');
        }
        const current = file.logs[name] ?? null;
        const refusal = judgeAdvance(current, head);
        if (refusal) {
          log(
            `witness of ${name} refused to go from seq ${current?.seq} to ${head.seq} (${refusal})`,
          );
          return fail(refusal as WitnessError);
        }
        const next: WitnessFile = { version: 1, logs: { ...file.logs, [name]: head } };
        const partial = `${filePath}.part`;
        try {
          await deps.fs.mkdir(dirname(filePath), { recursive: true });
          await deps.fs.writeFile(partial, JSON.stringify(next));
          await deps.fs.rename(partial, filePath);
        } catch (error) {
          log(
            `writing ${WITNESS_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`,
          );
          return fail('write-failed');
        }
        return { ok: true, value: null };
      }),
  };
}
