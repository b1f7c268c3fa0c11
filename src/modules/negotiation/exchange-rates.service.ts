import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../../common/case-lock';
import { type FieldProblem, invalid } from '../../domain/errors';
import { normalizeAmount } from '../../domain/negotiation/money';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { PutExchangeRatesDto } from './dto/exchange-rate.dto';

export interface ExchangeRateView {
  currency: string;
  /** units of the base currency per unit of `currency` */
  rate: string;
  setBy: string;
  setByName: string;
  setAt: Date;
}

@Injectable()
export class ExchangeRatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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
      for (const r of dto.rates) {
        await m.query(
          `INSERT INTO exchange_rates (case_id, currency, rate, set_by, set_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (case_id, currency) DO UPDATE SET rate = EXCLUDED.rate, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
          [c.id, r.currency, r.rate, user.id],
        );
      }
      await this.audit.append(m, c.id, user.id, 'exchange_rates.set', {
        baseCurrency: c.currency,
        rates: dto.rates.map((r) => ({ currency: r.currency, rate: normalizeAmount(r.rate), previous: before.get(r.currency) ?? null })),
      });
      return { baseCurrency: c.currency, items: await this.rows(m, c.id) };
    });
  }

  async list(caseId: string) {
    const m = this.dataSource.manager;
    const [c] = await m.query(`SELECT currency FROM cases WHERE id = $1`, [caseId]);
    const items = await this.rows(m, caseId);
    return { baseCurrency: c.currency as string, items, total: items.length };
  }

  private async rows(m: EntityManager, caseId: string): Promise<ExchangeRateView[]> {
    const rows: ExchangeRateView[] = await m.query(
      `SELECT r.currency, r.rate::text AS rate, r.set_by AS "setBy", u.name AS "setByName", r.set_at AS "setAt"
         FROM exchange_rates r JOIN users u ON u.id = r.set_by WHERE r.case_id = $1 ORDER BY r.currency`,
      [caseId],
    );
    return rows.map((r) => ({ ...r, rate: normalizeAmount(r.rate) }));
  }
}

