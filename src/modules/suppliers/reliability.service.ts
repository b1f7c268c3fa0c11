import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { notFound } from '../../domain/errors';
import {
  type ReliabilityDelivery,
  type ReliabilityIncident,
  type ReliabilityResult,
  reliabilityScore,
  type Severity,
} from '../../domain/reliability';
import { PolicyService, type PolicyView } from '../policy/policy.service';
import { todayUtc } from './dto/validators';
import { PerformanceEvent, Supplier } from './supplier.entity';

/** A performance event as the reliability score reads it. */
export type ReliabilityEventRow = Pick<PerformanceEvent, 'type' | 'date' | 'onTime' | 'inFull' | 'severity'>;

/**
 * The reliability score of one supplier from its registry facts and its performance events up to
 * `asOf` (in the order read): the one place the stored record becomes `reliabilityScore`'s input,
 * for `forSuppliers` and for a caller that read the same facts in a larger statement (the decision matrix).
 */
export function reliabilityOfRecord(
  supplier: { certifications: Supplier['certifications']; financialRisk: string },
  events: readonly ReliabilityEventRow[],
  asOf: string,
  constants: PolicyView['reliability'],
): ReliabilityResult {
  const deliveries: ReliabilityDelivery[] = [];
  const incidents: ReliabilityIncident[] = [];
  for (const e of events) {
    if (e.type === 'delivery') deliveries.push({ date: e.date, onTime: e.onTime === true, inFull: e.inFull === true });
    else incidents.push({ date: e.date, severity: e.severity as Severity });
  }
  return reliabilityScore(
    {
      asOf,
      deliveries,
      incidents,
      certifications: supplier.certifications.map((c) => ({ name: c.name, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null })),
      financialRisk: Number(supplier.financialRisk),
    },
    constants,
  );
}

/**
 * Supplier reliability (README "Supplier reliability score"): loads the record and hands it to the
 * pure `reliabilityScore` with the organization's policy constants. Other modules (shortlist
 * suggestions, the decision matrix) score many suppliers at once through `forSuppliers`.
 */
@Injectable()
export class ReliabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  /**
   * Scores of the given suppliers as of `asOf` (YYYY-MM-DD, default today UTC), inside the caller's
   * transaction: one query for the suppliers, one for all their events up to `asOf` (and one for the
   * policy unless the caller hands it over).
   * Unknown ids are absent from the map.
   */
  async forSuppliers(
    m: EntityManager,
    supplierIds: string[],
    asOf: string = todayUtc(),
    /** the policy when the caller has read it in the same transaction */
    policy?: Pick<PolicyView, 'reliability'>,
  ): Promise<Map<string, ReliabilityResult>> {
    const results = new Map<string, ReliabilityResult>();
    const ids = [...new Set(supplierIds)];
    if (ids.length === 0) return results;
    const { reliability } = policy ?? (await this.policy.current(m));
    const suppliers = await m.find(Supplier, { select: { id: true, certifications: true, financialRisk: true }, where: { id: In(ids) } });
    const events = await m.find(PerformanceEvent, {
      select: { supplierId: true, type: true, date: true, onTime: true, inFull: true, severity: true },
      where: { supplierId: In(ids), date: LessThanOrEqual(asOf) },
    });
    const bySupplier = new Map<string, ReliabilityEventRow[]>(suppliers.map((s) => [s.id, []]));
    for (const e of events) bySupplier.get(e.supplierId)!.push(e);
    for (const s of suppliers) results.set(s.id, reliabilityOfRecord(s, bySupplier.get(s.id)!, asOf, reliability));
    return results;
  }

  /** GET /suppliers/:id/reliability */
  async forSupplier(supplierId: string, asOf?: string): Promise<ReliabilityResult> {
    const result = (await this.forSuppliers(this.dataSource.manager, [supplierId], asOf)).get(supplierId);
    if (!result) throw notFound('supplier');
    return result;
  }
}
