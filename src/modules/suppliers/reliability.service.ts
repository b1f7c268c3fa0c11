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
    const records = new Map(suppliers.map((s) => [s.id, { deliveries: [] as ReliabilityDelivery[], incidents: [] as ReliabilityIncident[] }]));
    for (const e of events) {
      const record = records.get(e.supplierId)!;
      if (e.type === 'delivery') record.deliveries.push({ date: e.date, onTime: e.onTime === true, inFull: e.inFull === true });
      else record.incidents.push({ date: e.date, severity: e.severity as Severity });
    }
    for (const s of suppliers) {
      const record = records.get(s.id)!;
      results.set(
        s.id,
        reliabilityScore(
          {
            asOf,
            deliveries: record.deliveries,
            incidents: record.incidents,
            certifications: s.certifications.map((c) => ({ name: c.name, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null })),
            financialRisk: Number(s.financialRisk),
          },
          reliability,
        ),
      );
    }
    return results;
  }

  /** GET /suppliers/:id/reliability */
  async forSupplier(supplierId: string, asOf?: string): Promise<ReliabilityResult> {
    const result = (await this.forSuppliers(this.dataSource.manager, [supplierId], asOf)).get(supplierId);
    if (!result) throw notFound('supplier');
    return result;
  }
}
