import { DomainError } from '../../domain/errors';
import { withImportRetries } from './import-retries';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('withImportRetries', () => {
  it('runs the work again after a deadlock or a serialization failure, and answers its result', async () => {
    const failures = [pgError('40P01'), pgError('40001')];
    let calls = 0;
    const result = await withImportRetries(async () => {
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(3);
  });

  it('gives up after the bounded number of attempts with IMPORT_CONFLICT, not a case conflict', async () => {
    let calls = 0;
    const attempt = withImportRetries(async () => {
      calls++;
      throw pgError('40P01');
    }, 3);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'IMPORT_CONFLICT', details: { attempts: 3 } });
    expect(calls).toBe(3);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    await expect(
      withImportRetries(async () => {
        calls++;
        throw pgError('23505');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
  });
});
