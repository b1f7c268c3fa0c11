import type { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * Records every SQL statement the app's data source sends from now until `stop()` (a TypeORM
 * subscriber's beforeQuery: the statements as they go to the real database), transaction control
 * left out.
 */
export function countStatements(db: DataSource): { statements: string[]; stop(): string[] } {
  const statements: string[] = [];
  const subscriber: EntitySubscriberInterface = {
    beforeQuery: (event) => {
      if (!/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)/i.test(event.query)) statements.push(event.query);
    },
  };
  db.subscribers.push(subscriber);
  return {
    statements,
    stop: () => {
      db.subscribers.splice(db.subscribers.indexOf(subscriber), 1);
      return statements;
    },
  };
}

/** The statements `send` makes the app's data source send, transaction control left out. */
export async function statementsOf(db: DataSource, send: () => PromiseLike<unknown>): Promise<string[]> {
  const counter = countStatements(db);
  try {
    await send();
  } finally {
    counter.stop();
  }
  return counter.statements;
}
