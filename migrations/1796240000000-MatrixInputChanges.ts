import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The decision matrix's change log (README "The decision matrix"): every statement that changes a
 * row of a table the matrix reads (`MATRIX_READS`) appends, in its own transaction, one row per
 * case it touches (`case_id` NULL: a table shared by every case, or a row whose case is gone), with
 * that transaction's id. A kept matrix answer read at snapshot S is still the answer while no row
 * of its case (or NULL) carries a transaction id S does not see. Statement-level triggers, inserts
 * only: no row is locked or updated, so writers never wait on each other here.
 * `matrix_input_pruning` says how far the log was pruned: a snapshot older than that is treated as
 * changed.
 */
export class MatrixInputChanges1796240000000 implements MigrationInterface {
  name = 'MatrixInputChanges1796240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matrix_input_changes (
        id bigserial PRIMARY KEY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        case_id uuid
      )`);
    // the check: one case's rows and the shared ones (NULL), from a snapshot's xmin on
    await q.query(`CREATE INDEX matrix_input_changes_check ON matrix_input_changes (case_id, xid)`);
    await q.query(`
      CREATE TABLE matrix_input_pruning (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        pruned_below xid8 NOT NULL,
        next_below xid8 NOT NULL
      )`);
    await q.query(`INSERT INTO matrix_input_pruning (pruned_below, next_below) VALUES ('0', pg_snapshot_xmin(pg_current_snapshot()))`);

    // rows of one case, by their case_id column; rows of one round, so of its case (NULL when the round is gone: every case)
    await q.query(casesLogged('matrix_input_changed_by_case', 'case_id'));
    await q.query(casesLogged('matrix_input_changed_by_round', 'round_id'));
    // a table every case reads (suppliers, their performance events, the policy): one NULL row when any row changed
    await q.query(`
      CREATE FUNCTION matrix_input_changed_shared() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          INSERT INTO matrix_input_changes (case_id) VALUES (NULL);
        ELSIF TG_OP = 'DELETE' THEN
          IF EXISTS (SELECT FROM old_rows) THEN INSERT INTO matrix_input_changes (case_id) VALUES (NULL); END IF;
        ELSIF EXISTS (SELECT FROM new_rows) THEN
          INSERT INTO matrix_input_changes (case_id) VALUES (NULL);
        END IF;
        RETURN NULL;
      END $$`);
    // the case row itself: only the columns the matrix reads (its audit head and stage change far more often)
    await q.query(`
      CREATE FUNCTION matrix_input_changed_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO matrix_input_changes (case_id) SELECT id FROM new_rows;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO matrix_input_changes (case_id)
          SELECT id FROM ((SELECT id, currency, profit_impact, supply_risk FROM old_rows EXCEPT SELECT id, currency, profit_impact, supply_risk FROM new_rows)
                          UNION (SELECT id, currency, profit_impact, supply_risk FROM new_rows EXCEPT SELECT id, currency, profit_impact, supply_risk FROM old_rows)) d
          GROUP BY id;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO matrix_input_changes (case_id) SELECT id FROM old_rows;
        ELSE
          INSERT INTO matrix_input_changes (case_id) VALUES (NULL);
        END IF;
        RETURN NULL;
      END $$`);

    for (const [table, fn] of LOGGED) {
      // transition tables allow one event per trigger
      // suppliers: no INSERT trigger. The matrix reaches a supplier only through an offer (offers.supplier_id REFERENCES suppliers),
      // so a new supplier is in no reads until an offer names it, and that offer's INSERT is logged.
      if (table !== 'suppliers') {
        await q.query(`CREATE TRIGGER ${table}_matrix_input_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
      await q.query(
        `CREATE TRIGGER ${table}_matrix_input_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(`CREATE TRIGGER ${table}_matrix_input_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_matrix_input_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of LOGGED) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS ${table}_matrix_input_${event} ON ${table}`);
    }
    for (const fn of ['matrix_input_changed_by_case', 'matrix_input_changed_by_round', 'matrix_input_changed_shared', 'matrix_input_changed_case']) {
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    await q.query(`DROP TABLE matrix_input_pruning`);
    await q.query(`DROP TABLE matrix_input_changes`);
  }
}

/** Every table `MATRIX_READS` reads, with the trigger function that logs its changes (a spec checks the list against the statement). */
const LOGGED: Array<[string, string]> = [
  ['cases', 'matrix_input_changed_case'],
  ['exchange_rates', 'matrix_input_changed_by_case'],
  ['negotiation_rounds', 'matrix_input_changed_by_case'],
  ['specification_versions', 'matrix_input_changed_by_case'],
  ['scores', 'matrix_input_changed_by_case'],
  ['offers', 'matrix_input_changed_by_round'],
  ['round_participants', 'matrix_input_changed_by_round'],
  ['suppliers', 'matrix_input_changed_shared'],
  ['performance_events', 'matrix_input_changed_shared'],
  ['policy_versions', 'matrix_input_changed_shared'],
];

/**
 * A trigger function that logs, once per statement, every case named by the rows it changed: by
 * their `case_id`, or by their `round_id` through the round (NULL, every case, when the round is gone).
 */
function casesLogged(name: string, column: 'case_id' | 'round_id'): string {
  const of = (...rows: string[]) => rows.map((r) => `SELECT ${column} FROM ${r}`).join(' UNION ');
  const cases = (ids: string) =>
    column === 'case_id' ? `SELECT DISTINCT case_id FROM (${ids}) t` : `SELECT DISTINCT r.case_id FROM (${ids}) t LEFT JOIN negotiation_rounds r ON r.id = t.round_id`;
  return `
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO matrix_input_changes (case_id) ${cases(of('new_rows'))};
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO matrix_input_changes (case_id) ${cases(of('old_rows', 'new_rows'))};
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO matrix_input_changes (case_id) ${cases(of('old_rows'))};
        ELSE
          INSERT INTO matrix_input_changes (case_id) VALUES (NULL);
        END IF;
        RETURN NULL;
      END $$`;
}
