import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { type FieldProblem, invalid } from '../../domain/errors';
import { normalizeAmount } from '../../domain/negotiation/money';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';
import { PutExchangeRatesDto } from './dto/exchange-rate.dto';
import { ExchangeRate } from './entities';
import { type ExchangeRateView, NegotiationQueries } from './negotiation.queries';

@Injectable()
export class ExchangeRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queries: NegotiationQueries,
  ) {}

  /** Sets (inserts or replaces) the given rates; the others stay. Who and when are recorded, and audited. */
  async put(access: CaseAccess, dto: PutExchangeRatesDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'rates.write');
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      dto.rates.forEach((r, i) => {
        if (r.currency === c.currency) {
          problems.push({ field: `rates.${i}.currency`, message: `${r.currency} is the case's base currency: its rate is 1 by definition` });
        } else if (seen.has(r.currency)) {
          problems.push({ field: `rates.${i}.currency`, message: `${r.currency} is given twice` });
        }
        seen.add(r.currency);
      });
      if (problems.length > 0) throw invalid(problems);

      const before = new Map((await this.rows(m, c.id)).map((r) => [r.currency, r.rate]));
      await m.upsert(
        ExchangeRate,
        dto.rates.map((r) => ({ caseId: c.id, currency: r.currency, rate: r.rate, setBy: user.id, setAt: () => 'now()' })),
        ['caseId', 'currency'],
      );
      await this.audit.append(m, c.id, user.id, 'exchange_rates.set', {
        baseCurrency: c.currency,
        rates: dto.rates.map((r) => ({ currency: r.currency, rate: normalizeAmount(r.rate), previous: before.get(r.currency) ?? null })),
      });
      const items = await this.rows(m, c.id);
      return { baseCurrency: c.currency, items, total: items.length };
    });
  }

  async list(caseId: string) {
    const m = this.dataSource.manager;
    const c = await m.findOneOrFail(Case, { select: { id: true, currency: true }, where: { id: caseId } });
    const items = await this.rows(m, caseId);
    return { baseCurrency: c.currency, items, total: items.length };
  }

  private async rows(m: EntityManager, caseId: string): Promise<ExchangeRateView[]> {
    return this.queries.ratesWithSetters(m, caseId);
  }
}
