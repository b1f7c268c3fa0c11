import { type Supplier } from './supplier.entity';

/** The supplier as clients see it: the financial-risk rating as a number 0–1. */
export function supplierView(s: Supplier) {
  return {
    id: s.id,
    legalName: s.legalName,
    taxId: s.taxId,
    taxIdNormalized: s.taxIdNormalized,
    country: s.country,
    categories: s.categories,
    contacts: s.contacts,
    certifications: s.certifications,
    financialRisk: Number(s.financialRisk),
    status: s.status,
    blockedReason: s.blockedReason,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type SupplierView = ReturnType<typeof supplierView>;
