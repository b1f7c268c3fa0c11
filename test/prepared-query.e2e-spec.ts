import { type AfterQueryEvent, type BeforeQueryEvent, type EntitySubscriberInterface, QueryFailedError } from 'typeorm';
import { preparedQuery } from '../src/database/prepared-query';
import { addMember, createCase, createUser } from './factories';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * `GET /cases` reads its page as a named prepared statement on the pool (src/database/prepared-query.ts):
 * the rows are those TypeORM's `query` gives for the same statement, value for value and type for
 * type, and TypeORM's subscribers still see the statement.
 */
describe('the case list as a prepared statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statement a request sent, its parameters and the rows it got back, as the subscribers saw them. */
  async function sentBy(send: () => PromiseLike<unknown>) {
    const seen: Array<{ query: string; parameters: unknown[]; rows?: unknown }> = [];
    const subscriber: EntitySubscriberInterface = {
      beforeQuery: (e: BeforeQueryEvent) => void seen.push({ query: e.query, parameters: (e.parameters as unknown[] | undefined) ?? [] }),
      afterQuery: (e: AfterQueryEvent) => {
        const entry = seen.find((s) => s.query === e.query && s.rows === undefined);
        if (entry) entry.rows = e.rawResults;
      },
    };
    t.db.subscribers.push(subscriber);
    try {
      await send();
    } finally {
      t.db.subscribers.splice(t.db.subscribers.indexOf(subscriber), 1);
    }
    return seen.filter((s) => /FROM cases c/.test(s.query));
  }

  it('gives the rows TypeORM gives for the same statement, for each search, and the same answer again', async () => {
    const alice = await createUser(t);
    const bob = await createUser(t);
    const first = await createCase(t, alice, { title: 'Forklift tyres 100%_off', category: 'tyres' });
    await createCase(t, alice, { title: 'Office chairs', category: 'furniture', purchaseType: 'modified_rebuy', neededBy: '2027-01-31' });
    await createCase(t, bob, { title: 'Forklift batteries', category: 'batteries' });
    await addMember(t, first.id, alice, bob, ['evaluator']);
    const searches = [
      ['', alice],
      ['?limit=1', alice],
      ['?limit=1&offset=1', bob],
      ['?offset=10', alice], // past the end: the count on its own
      ['?q=forklift', bob],
      ['?q=100%25_', alice],
      ['?category=tyres&purchaseType=new_task', alice],
      ['?stage=NEED', t.admin],
      ['', t.admin],
    ] as const;
    for (const [search, who] of searches) {
      let answer: unknown;
      const statements = await sentBy(async () => (answer = (await t.http.get(`/api/v1/cases${search}`).set(who.auth).expect(200)).text));
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements) expect(s.rows).toStrictEqual(await t.db.query(s.query, s.parameters));
      // the statement is now prepared on its connection: the same bytes again
      for (let i = 0; i < 3; i++) expect((await t.http.get(`/api/v1/cases${search}`).set(who.auth).expect(200)).text).toBe(answer);
    }
  });

  it('fails as TypeORM fails: a QueryFailedError with the database code, and the statement still serves good parameters', async () => {
    const failure = await preparedQuery(t.db, 'SELECT $1::uuid AS id', ['not-a-uuid']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as { code?: string }).code).toBe('22P02');
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await preparedQuery(t.db, 'SELECT $1::uuid AS id', [id])).toEqual([{ id }]);
  });
});
