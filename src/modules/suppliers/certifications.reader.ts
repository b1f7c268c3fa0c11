import { type EntityManager, In } from 'typeorm';
import { type CertificationHeld } from '../../domain/requirements';
import { Supplier } from './supplier.entity';

/**
 * The registry certifications of the given suppliers, by supplier id, as the requirement checks
 * read them (src/domain/requirements). Used by the decision matrix and the round comparison, so
 * both judge the same record.
 */
export async function certificationsOf(m: EntityManager, supplierIds: readonly string[]): Promise<Map<string, CertificationHeld[]>> {
  if (supplierIds.length === 0) return new Map();
  const rows = await m.find(Supplier, { select: { id: true, certifications: true }, where: { id: In([...new Set(supplierIds)]) } });
  return new Map(rows.map((r) => [r.id, heldCertifications(r.certifications)]));
}

/** A supplier's stored `certifications` (jsonb) as the requirement checks read them; the one place that reading is written. */
export function heldCertifications(stored: unknown): CertificationHeld[] {
  return ((stored ?? []) as Array<Partial<CertificationHeld>>).map((c) => ({
    name: String(c.name ?? ''),
    issuedOn: c.issuedOn ?? null,
    expiresOn: c.expiresOn ?? null,
  }));
}
