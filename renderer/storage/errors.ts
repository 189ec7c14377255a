/**
 * Storage failures the screens can explain. Each has a stable code that maps to a message in the
 * user's language (i18n `storageError.<code>`); nothing about them is ever silently swallowed.
 */
export type StorageErrorCode =
  'storage-full' | 'log-unreadable' | 'write-conflict' | 'write-failed' | 'signing-key-missing';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'StorageError';
  }
}

function errorName(error: unknown): string | undefined {
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
  return new StorageError('write-failed', { cause: error });
}
