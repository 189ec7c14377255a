/**
 * The database cannot open, or is taken away while the app runs: each way is named, and nothing
 * is ever deleted, replaced or written into a database this code does not know. (The same cases in
 * real Chromium: tests/e2e/storage-failures.spec.ts.)
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_VERSION } from '../../../../renderer/storage/db';
import { StorageError, memoryWitness, openStore } from '../../../../renderer/storage';
import { firstRun, testDevice } from '../../helpers/builders';

let count = 0;
const freshName = () => `open-${(count += 1)}-${Date.now()}`;

/** A raw IndexedDB connection, as another window (or another app version) would hold it. */
function rawOpen(
  name: string,
  version: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onblocked = () => undefined;
  });
}

function rows(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('read failed'));
  });
}

const codeOf = async (opening: Promise<unknown>) => {
  try {
    await opening;
    return 'opened';
  } catch (error) {
    return error instanceof StorageError ? error.code : String(error);
  }
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('opening the database', () => {
  it('refuses a database newer than the app, leaving it exactly as it was', async () => {
    const name = freshName();
    const newer = await rawOpen(name, DATABASE_VERSION * 10 + 60, (db) => {
      db.createObjectStore('future', { keyPath: 'id' }).add({ id: 1, kept: 'yes' });
    });
    newer.close();
    expect(await codeOf(openStore({ name, pinIterations: 1_000 }))).toBe('newer-version');
    const after = await rawOpen(name, DATABASE_VERSION * 10 + 60);
    expect([after.version, [...after.objectStoreNames]]).toEqual([
      DATABASE_VERSION * 10 + 60,
      ['future'],
    ]);
    expect(await rows(after, 'future')).toEqual([{ id: 1, kept: 'yes' }]);
    after.close();
  });

  it('refuses a newer database even where the browser cannot list its databases', async () => {
    const name = freshName();
    (await rawOpen(name, DATABASE_VERSION * 10 + 10)).close();
    vi.spyOn(indexedDB, 'databases').mockRejectedValue(new Error('not supported'));
    expect(await codeOf(openStore({ name, pinIterations: 1_000 }))).toBe('newer-version');
    const after = await rawOpen(name, DATABASE_VERSION * 10 + 10);
    expect([...after.objectStoreNames]).toEqual([]);
    after.close();
  });

  it('waits for another window holding an older connection, saying so, then opens', async () => {
    const name = freshName();
    const older = await rawOpen(name, 10, (db) => {
      db.createObjectStore('events', { keyPath: 'seq' });
      db.createObjectStore('credentials', { keyPath: 'id', autoIncrement: true });
    });
    // That window never closes on versionchange (an old build, a stuck tab).
    let blocked = 0;
    const opening = openStore({
      name,
      pinIterations: 1_000,
      witness: memoryWitness(),
      onBlocked: () => (blocked += 1),
    });
    await vi.waitFor(() => expect(blocked).toBeGreaterThan(0));
    let settled = false;
    void opening.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    older.close();
    const store = await opening;
    store.close();
    const upgraded = new Dexie(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(DATABASE_VERSION);
    upgraded.close();
  });

  it('names a database the browser cannot read (a damaged file) and deletes nothing', async () => {
    const name = freshName();
    const open = indexedDB.open.bind(indexedDB);
    const deleted = vi.spyOn(indexedDB, 'deleteDatabase');
    vi.spyOn(indexedDB, 'open').mockImplementation((dbName: string, version?: number) => {
      if (dbName !== name) return open(dbName, version);
      // What Chromium answers for a damaged backing store.
      const request = {
        error: new DOMException('Internal error opening backing store', 'UnknownError'),
      } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.({ target: request } as unknown as Event));
      return request;
    });
    expect(await codeOf(openStore({ name, pinIterations: 1_000 }))).toBe('database-unreadable');
    expect(deleted).not.toHaveBeenCalled();
  });
});

describe('losing the database while the app runs', () => {
  it('lets a newer version in another window take it over, and writes nothing more', async () => {
    const device = await testDevice();
    await device.must(firstRun());
    const before = await device.rows();
    // The newer version's window: it is not blocked, because this one lets go at once.
    const newer = await rawOpen(device.name, DATABASE_VERSION * 10 + 10);
    expect(device.store.snapshot.closed).toBe('closed-by-newer-version');
    await expect(device.store.execute({ type: 'lock', reason: 'manual' })).rejects.toMatchObject({
      code: 'closed-by-newer-version',
    });
    expect(await rows(newer, 'events')).toEqual(before);
    newer.close();
  });

  it('says so when the database is deleted underneath it', async () => {
    const device = await testDevice();
    await device.must(firstRun());
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(device.name);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    expect(device.store.snapshot.closed).toBe('database-closed');
    await expect(device.store.execute({ type: 'lock', reason: 'manual' })).rejects.toMatchObject({
      code: 'database-closed',
    });
  });

  it('does not report its own closing as a loss', async () => {
    const device = await testDevice();
    const store = device.store;
    store.close();
    expect(store.snapshot.closed).toBeNull();
  });
});

describe('a log that is empty where its witness saw records', () => {
  it('is reported as records missing (the app then offers a restore, never a first run)', async () => {
    const witness = memoryWitness({ seq: 42, hash: 'a'.repeat(64) });
    const device = await testDevice({ witness });
    expect(device.store.snapshot.integrity).toEqual({
      kind: 'records-missing',
      afterSeq: 0,
      witnessSeq: 42,
    });
    expect(device.store.snapshot.state.counter).toBeNull();
  });
});
