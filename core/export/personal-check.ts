/**
 * personal.jsonl checked as it streams past (a full export's; a masked one has none): each line a
 * personal value with its salt, `{commitment, salt, seq, value}`, which must be the value its
 * record commits to — the record at `seq` in log.jsonl holds `commitment`, and SHA-256 over the
 * salt's bytes and the value's UTF-8 bytes gives it (core/domain/log/personal.ts). log.jsonl is
 * read first (build-export.ts writes it first; the manifest lists the files in that order), so
 * the commitments it holds are known by then.
 */
import type { Sha256 } from '../domain/log/canonical';
import { PersonalValueSchema, personalValueProblem } from '../domain/log/personal';
import { z } from '../domain/zod';
import { lineJson, rawLines } from './log-lines';
import type { ExportProblem } from './export-problem';

const LineSchema = z.strictObject({
  commitment: PersonalValueSchema.shape.commitment,
  salt: PersonalValueSchema.shape.salt,
  seq: PersonalValueSchema.shape.seq,
  value: PersonalValueSchema.shape.value,
});

export class PersonalCheck {
  private problem: ExportProblem | null = null;
  private seen = new Set<string>();
  count = 0;

  constructor(
    /** Each commitment log.jsonl holds, with its record's seq; null when it was not read. */
    private readonly committed: ReadonlyMap<string, number> | null,
    private readonly sha: Sha256,
  ) {}

  async run(parts: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const raw of rawLines(parts)) {
      if (this.problem) continue;
      const parsed = LineSchema.safeParse(lineJson(raw));
      const problem: ExportProblem = { kind: 'personal-value', line: raw.line };
      if (!parsed.success || !this.committed || this.seen.has(parsed.data.commitment)) {
        this.problem = problem;
        continue;
      }
      this.seen.add(parsed.data.commitment);
      if (personalValueProblem({ ...parsed.data, at: '' }, this.committed, this.sha) !== null)
        this.problem = problem;
      else this.count += 1;
    }
  }

  result(): ExportProblem | null {
    return this.problem;
  }
}
