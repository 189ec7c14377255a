/**
 * The witness of each log's head, kept by the main process in `witness.json` in the user-data
 * folder, out of the page's reach: the page can only ask to move it forward, through a zod-checked
 * IPC call made after each commit, carrying the stored rows from the witnessed head to the new one.
 * Main hashes each row itself and checks that it links to the one before (`headAfter`): a lower
 * sequence number, the same one with another hash, or rows that do not lead from the witnessed
 * head to the new one are refused and reported — that is what a truncated or rewritten log looks
 * like from here. The first head of a log is taken on first use (its rows, if sent, are checked
 * among themselves). The checkpoint signer (key-vault.ts) signs only heads this witness holds or
 * rows that extend it. The file
 * is written beside itself and renamed, so a power cut never leaves half a witness; an unreadable
 * file is reported, never silently replaced by an empty one.
 */
import { dirname, join } from 'node:path';
import { z } from '../core/domain/zod';
import {
  HeadSchema,
  headAfter,
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
  /** `rows`: the stored rows after the witnessed head up to `head` (none for the same head). */
  advance(log: string, head: Head, rows?: readonly unknown[]): Promise<Result<null>>;
}

/** Whether `rows` lead from `current` to `head` (on first use, with no rows: taken as it is). */
export async function leadsTo(
  current: Head | null,
  rows: readonly unknown[],
  head: Head,
): Promise<boolean> {
  if (current && current.seq === head.seq) return current.hash === head.hash && rows.length === 0;
  if (!current && rows.length === 0) return true;
  const reached = await headAfter(current, rows);
  return reached !== null && reached.seq === head.seq && reached.hash === head.hash;
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

    advance: (name, head, rows = []) =>
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
        if (current && head.seq === current.seq) return { ok: true, value: null };
        const linked = await leadsTo(current, rows, head);
        if (!linked) {
          log(
            `witness of ${name} refused: rows do not lead from seq ${current?.seq} to ${head.seq}`,
          );
          return fail('unlinked');
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
