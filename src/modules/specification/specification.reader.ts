import type { EntityManager } from 'typeorm';
import type { SpecificationVersionRow } from './specification.types';

/** The case's current specification: its latest version (the draft while one is open), or null. */
export async function currentSpecification(m: EntityManager, caseId: string): Promise<SpecificationVersionRow | null> {
  const [row] = await m.query(
    `SELECT id, case_id AS "caseId", version, frozen_at AS "frozenAt", description, deliverables, quantity,
            requirements, criteria, ahp, reason, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM specification_versions WHERE case_id = $1 ORDER BY version DESC LIMIT 1`,
    [caseId],
  );
  return (row as SpecificationVersionRow | undefined) ?? null;
}
