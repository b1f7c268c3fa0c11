import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { type DeclarationBar, declarationBar } from '../../domain/approval/declarations';
import { DomainError, invalid } from '../../domain/errors';
import { AuditService } from '../audit/audit.service';
import { PolicyService } from '../policy/policy.service';
import { User } from '../users/user.entity';
import { lockCase } from './case-lock';
import { CasesQueries, type DeclarationView } from './cases.queries';
import { ConflictDeclaration } from './declaration.entity';
import { DeclarationDto } from './dto/declaration.dto';

/**
 * Conflict-of-interest declarations: evaluators, deciders and approvers declare per case, before
 * they score, propose or sign (policy `segregation.conflictDeclarations`, on by default).
 */
@Injectable()
export class DeclarationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly queries: CasesQueries,
  ) {}

  async declare(access: CaseAccess, dto: DeclarationDto, user: User): Promise<DeclarationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'declarations.write');
      if (!dto.conflict && (dto.supplierId !== undefined || dto.text !== undefined)) {
        throw invalid([
          ...(dto.supplierId !== undefined ? [{ field: 'supplierId', message: 'supplierId goes with conflict: true' }] : []),
          ...(dto.text !== undefined ? [{ field: 'text', message: 'text goes with conflict: true' }] : []),
        ]);
      }
      if (dto.conflict && !(await this.queries.supplierExists(m, dto.supplierId!))) throw invalid('supplierId', 'supplier not found');
      const saved = await m.save(
        m.create(ConflictDeclaration, {
          caseId: c.id,
          userId: user.id,
          conflict: dto.conflict,
          supplierId: dto.conflict ? dto.supplierId! : null,
          text: dto.conflict ? dto.text! : null,
        }),
      );
      await this.audit.append(m, c.id, user.id, 'declaration.made', {
        declarationId: saved.id,
        conflict: saved.conflict,
        supplierId: saved.supplierId,
        text: saved.text,
      });
      return (await this.queries.declarations(m, c.id)).find((d) => d.id === saved.id)!;
    });
  }

  async list(caseId: string): Promise<DeclarationView[]> {
    return this.queries.declarations(this.dataSource.manager, caseId);
  }

  /**
   * Refuses an evaluator, decider or approver who has not declared on the case (409
   * DECLARATION_MISSING) or who declared a conflict with a supplier still shortlisted on it (403
   * CONFLICT_OF_INTEREST). Called under the case lock by the act itself.
   */
  async assertMayAct(m: EntityManager, caseId: string, userId: string, act: 'score' | 'propose' | 'sign'): Promise<void> {
    const bar = await this.barOf(m, caseId, userId, act);
    if (!bar) return;
    throw new DomainError(bar.code, bar.message, bar.code === 'CONFLICT_OF_INTEREST' ? { supplierIds: bar.supplierIds } : {});
  }

  /**
   * A delegate signs for an approver: the approver's own declared conflict with a shortlisted
   * supplier bars that signature too, whoever gives it (their missing declaration does not: the
   * delegate has declared for themselves).
   */
  async assertNoConflictOf(m: EntityManager, caseId: string, approverId: string): Promise<void> {
    const bar = await this.barOf(m, caseId, approverId, 'sign');
    if (bar?.code !== 'CONFLICT_OF_INTEREST') return;
    throw new DomainError(bar.code, 'the approver you sign for declared a conflict of interest with a shortlisted supplier of this case; nobody may sign on their behalf', {
      supplierIds: bar.supplierIds,
    });
  }

  /** What bars the user from the act on the case by their declarations (none missing, none barring), or null; null too when the policy asks for none. */
  async barOf(m: EntityManager, caseId: string, userId: string, act: 'score' | 'propose' | 'sign'): Promise<DeclarationBar | null> {
    const { segregation } = await this.policy.current(m);
    if (!segregation.conflictDeclarations) return null;
    const declarations = await m.find(ConflictDeclaration, { select: { conflict: true, supplierId: true }, where: { caseId, userId } });
    return declarationBar(act, declarations, await this.queries.shortlistedSupplierIds(m, caseId));
  }
}
