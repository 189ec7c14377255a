/**
 * Storage failures the screens can explain. Each has a stable code that maps to a message in the
 * user's language (i18n `storageError.<code>`); nothing about them is ever silently swallowed.
 */
export type StorageErrorCode =
  | 'storage-full'
  | 'log-unreadable'
  | 'write-conflict'
  | 'write-failed'
  | 'signing-key-missing'
  // Opening the database (open-database.ts) and losing it while the app runs.
  | 'database-blocked'
  | 'newer-version'
  | 'database-unreadable'
  | 'closed-by-newer-version'
  | 'database-closed';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'StorageError';
  }
}

/** The name of the error underneath Dexie's wrappers (QuotaExceededError first, at any depth). */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  if (name === 'QuotaExceededError') return name;
  const innerName = errorName(inner);
  return innerName ?? (typeof name === 'string' ? name : undefined);
}

/** Dexie wraps IndexedDB's errors; a full disk shows up as QuotaExceededError at some depth. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'QuotaExceeded') {
    return new StorageError('storage-full', { cause: error });
  }
  if (name === 'DatabaseClosedError') return new StorageError('database-closed', { cause: error });
  return new StorageError('write-failed', { cause: error });
}
