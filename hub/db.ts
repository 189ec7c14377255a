/**
 * The hub's one database port over either PostgreSQL: PGlite (the WASM build, embedded, a data
 * directory on disk — the default for one store) or a server through `pg` (a connection string,
 * for a chain). Both speak the same SQL and run the same migrations; every query is parameterised
 * ($1, $2…), never built from strings.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A client for node-pg-migrate: `query(text | {text, values}, values)` returning `{ rows }`. */
  migrationClient(): Promise<MigrationClient>;
  close(): Promise<void>;
}

export interface MigrationClient {
  query(
    text: string | { text: string; values?: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number }>;
  release(): Promise<void>;
}

class PgliteDb implements Db {
  readonly kind = 'pglite';
  /** PGlite is one connection: transactions take turns, like a pool of one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly lite: PGlite) {}

  private turn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.turn(async () => (await this.lite.query<T>(text, [...params])).rows);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.turn(() =>
      this.lite.transaction(async (tx) =>
        work({
          query: async <R>(text: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(text, [...params])).rows,
        }),
      ),
    );
  }

  migrationClient(): Promise<MigrationClient> {
    return Promise.resolve({
      query: async (input, values) => {
        const text = typeof input === 'string' ? input : input.text;
        const params = values ?? (typeof input === 'string' ? undefined : input.values);
        // A migration file is several statements: the simple protocol (exec) runs them all.
        if (!params || params.length === 0) {
          const results = await this.lite.exec(text);
          const last = results.at(-1);
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
        }
        const result = await this.lite.query(text, params);
        return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
      },
      release: () => Promise.resolve(),
    });
  }

  close(): Promise<void> {
    return this.lite.close();
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres';
  constructor(private readonly pool: pg.Pool) {}

  async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, [...params])).rows as T[];
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <R>(text: string, params: readonly unknown[] = []) =>
          (await client.query(text, [...params])).rows as R[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrationClient(): Promise<MigrationClient> {
    const client = await this.pool.connect();
    return {
      query: async (input, values) => {
        const result = await client.query(input as string, values);
        return { rows: result.rows, rowCount: result.rowCount ?? 0 };
      },
      release: () => Promise.resolve(client.release()),
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** PGlite in `dataDir` (created when missing), or in memory when `dataDir` is null (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  // bigint columns (sequence numbers, milliseconds) come back as numbers: they stay below 2^53.
  const parsers = { 20: (value: string) => Number(value) };
  const lite =
    dataDir === null ? await PGlite.create({ parsers }) : await PGlite.create({ dataDir, parsers });
  return new PgliteDb(lite);
}

export function openPostgres(connectionString: string): Db {
  // bigint columns (sequence numbers, milliseconds) come back as numbers: they stay far below 2^53.
  pg.types.setTypeParser(20, (value) => Number(value));
  return new PostgresDb(new pg.Pool({ connectionString, max: 8 }));
}
