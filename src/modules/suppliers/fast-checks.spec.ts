import { isEmail, isISO8601 } from 'class-validator';
import { isEmailAddress, isRealIsoDate } from './fast-checks';

/** The import's cheaper checks answer exactly as the class-validator checks they stand for. */
describe('the import fast checks answer as class-validator does', () => {
  it('isRealIsoDate: every month 00–13 and day 00–32 of leap, common and century years', () => {
    let compared = 0;
    for (const year of ['0000', '0001', '0004', '0100', '0400', '1582', '1900', '1999', '2000', '2023', '2024', '2100', '2400', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect({ value, real: isRealIsoDate(value) }).toEqual({ value, real: isISO8601(value, { strict: true }) });
          compared++;
        }
      }
    }
    expect(compared).toBe(14 * 14 * 33);
    for (const value of ['2024-99-99', '2024-02-30', '2024-04-31', '2023-02-29', '2024-02-29']) {
      expect(isRealIsoDate(value)).toBe(isISO8601(value, { strict: true }));
    }
  });

  it('isEmailAddress: 20,000 addresses built from good and bad parts, and the odd ones', () => {
    const users = ['jane', 'jane.doe', 'j', 'jane..doe', '.jane', 'jane.', "o'brien+tag", 'a_b-c', 'x'.repeat(64), 'x'.repeat(65), 'ján', '"quoted user"', 'a b', 'a@b', '', '#!$%&*/=?^`{|}~'];
    const hosts = ['acme.example', 'ACME.Example', 'sub-1.acme.example', 'a.b.c.de', '-acme.example', 'acme-.example', 'acme..example', 'acme.example.', 'localhost', 'acme.e', 'acme.123', 'acme.x1', 'a_b.example', `${'h'.repeat(63)}.example`, `${'h'.repeat(64)}.example`, 'acme.xn--p1ai', 'münchen.de', '[127.0.0.1]', '127.0.0.1', '', `${'d'.repeat(60)}.${'d'.repeat(60)}.${'d'.repeat(60)}.${'d'.repeat(60)}.example`, 'acme.example ', 'acme.ex_ample'];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let accepted = 0;
    const check = (value: string) => {
      const expected = isEmail(value, {});
      expect({ value, email: isEmailAddress(value) }).toEqual({ value, email: expected });
      if (expected) accepted++;
    };
    for (const user of users) for (const host of hosts) check(`${user}@${host}`);
    for (let i = 0; i < 20_000; i++) {
      const user = users[next() % users.length] + (next() % 3 === 0 ? `.${users[next() % users.length]}` : '');
      const at = ['@', '@', '@', '@@', ''][next() % 5];
      check(`${user}${at}${hosts[next() % hosts.length]}`);
    }
    for (const value of ['not-an-email', 'a@b.co', `${'e'.repeat(330)}@x.example`, `${'u'.repeat(64)}@${'h'.repeat(63)}.${'h'.repeat(63)}.${'h'.repeat(60)}.example`, 'a@b.c.d.ef']) check(value);
    expect(accepted).toBeGreaterThan(1000);
  });
});
