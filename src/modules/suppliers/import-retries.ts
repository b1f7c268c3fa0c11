import { DomainError } from '../../domain/errors';

/**
 * Attempts of the writing transaction when PostgreSQL reports a serialization failure or a
 * deadlock (the import itself writes in one fixed order, so only another writer can cause one).
 */
export const IMPORT_ATTEMPTS = 3;

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` (one transaction) up to `attempts` times while it fails by a serialization failure
 * or a deadlock; a conflict that remains is IMPORT_CONFLICT (409), not a case's "changed by
 * someone else". Any other error is thrown at once.
 */
export async function withImportRetries<T>(work: () => Promise<T>, attempts = IMPORT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string; driverError?: { code?: string } }).code ?? (err as { driverError?: { code?: string } }).driverError?.code;
      if (!code || !RETRYABLE.has(code)) throw err;
      if (attempt >= attempts) {
        throw new DomainError(
          'IMPORT_CONFLICT',
          `the import met concurrent changes of the same suppliers ${attempts} times (${code === '40P01' ? 'deadlock' : 'serialization failure'}); nothing was imported, send it again`,
          { attempts },
        );
      }
    }
  }
}

