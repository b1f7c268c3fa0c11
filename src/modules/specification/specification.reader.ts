import type { EntityManager } from 'typeorm';
import { SpecificationVersion } from './specification-version.entity';

/** The case's current specification: its latest version (the draft while one is open), or null. */
export async function currentSpecification(m: EntityManager, caseId: string): Promise<SpecificationVersion | null> {
  return m.findOne(SpecificationVersion, { where: { caseId }, order: { version: 'DESC' } });
}
