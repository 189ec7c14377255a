/**
 * Opening the device's database, and every way that can fail, each named so the screen can say
 * what happened and what to do. Nothing here deletes, clears or replaces a database:
 *
 * - another window holds an older connection open and will not let go (`blocked`): opening waits
 *   for it, and the screen says so meanwhile (`onBlocked`);
 * - the database is newer than this app (a newer version was installed, then an older one): it is
 *   not opened at all, so this code never writes into a layout it does not know (Dexie would
 *   otherwise open the newer version and even add its own tables to it) — `newer-version`;
 * - the browser cannot read it (its files damaged: Chromium says UnknownError) —
 *   `database-unreadable`; a full disk — `storage-full`; an upgrade that could not be made (rolled
 *   back whole) — `write-failed`; anything else as it came (the screen: "could not be opened").
 *
 * While the app runs, a newer version opening the database in another window asks this one to
 * close (versionchange): it does, and never reopens (`closed-by-newer-version`); a connection the
 * browser closes by itself (storage cleared or failing) ends the same way (`database-closed`).
 */
import { CounterStepsDb, DATABASE_VERSION, type IndexedDbBackend } from './db';
import { StorageError, errorName } from './errors';

export interface OpenOptions {
  /** Another window's connection is keeping the upgrade waiting (it goes on once that closes). */
  onBlocked?: () => void;
  /** A throwaway database (a demo counter's): writes not flushed to disk one by one. */
  scratch?: boolean;
  /** Another IndexedDB than the page's (see db.ts). */
  backend?: IndexedDbBackend;
}

/** The version of the database named `name` as installed, or null where the browser cannot tell. */
async function installedVersion(
  name: string,
  factory: IDBFactory | undefined,
): Promise<number | null> {
  if (!factory?.databases) return null;
  try {
    const found = (await factory.databases()).find((database) => database.name === name);
    return found?.version ?? null;
  } catch {
    return null;
  }
}

/** The failure, named where it has a name of its own (else as it came: "could not be opened"). */
function openFailure(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const code = (
    {
      VersionError: 'newer-version',
      QuotaExceededError: 'storage-full',
      // Chromium's answer for a backing store it cannot read (damaged files).
      UnknownError: 'database-unreadable',
      NotReadableError: 'database-unreadable',
      // The upgrade to this version's schema could not be made (it was rolled back whole).
      UpgradeError: 'write-failed',
    } as const
  )[errorName(error) ?? ''];
  return code ? new StorageError(code, { cause: error }) : error;
}

export async function openDatabase(
  name: string,
  options: OpenOptions = {},
): Promise<CounterStepsDb> {
  const installed = await installedVersion(
    name,
    options.backend?.indexedDB ?? (globalThis.indexedDB as IDBFactory | undefined),
  );
  if (installed !== null && installed > DATABASE_VERSION * 10) {
    throw new StorageError('newer-version');
  }
  const db = new CounterStepsDb(name, {
    autoOpen: false,
    scratch: options.scratch,
    backend: options.backend,
  });
  db.on('blocked', () => options.onBlocked?.());
  try {
    await db.open();
  } catch (error) {
    db.close();
    throw openFailure(error);
  }
  // Where the browser could not list its databases: a newer one opened anyway is closed untouched.
  if (db.backendDB().version > DATABASE_VERSION * 10) {
    db.close();
    throw new StorageError('newer-version');
  }
  return db;
}
