import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { type Stage } from '../../domain/lifecycle/stages';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { SpecificationVersion } from './specification-version.entity';
import { currentSpecification } from './specification.reader';
import { specificationProblems } from '../../domain/specification/rules';

/**
 * Where the specification meets the case lifecycle: it tells the state machine whether a usable
 * specification exists, freezes the draft when the case leaves SPECIFICATION, and gives a rebuy
 * the specification of its previous case when it enters SPECIFICATION.
 */
@Injectable()
export class SpecificationLifecycle implements OnModuleInit {
  constructor(
    private readonly hooks: LifecycleHooks,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.contributeFacts(async (m, c, facts) => {
      const specification = await currentSpecification(m, c.id);
      facts.specification = specification
        ? { criteria: specification.criteria.length, problems: specificationProblems(specification) }
        : null;
    });
    this.hooks.onLeave('SPECIFICATION', 'record', (m, c, actorId, to) => this.freeze(m, c, actorId, to));
    this.hooks.onEnter('SPECIFICATION', 'record', (m, c, actorId) => this.copyFromPreviousCase(m, c, actorId));
  }

  /** The version the case moves on with is frozen; a cancelled case keeps its draft as it was. */
  private async freeze(m: EntityManager, c: Case, actorId: string, to: Stage): Promise<void> {
    if (to === 'CANCELLED') return;
    const draft = await m.findOneBy(SpecificationVersion, { caseId: c.id, frozenAt: IsNull() });
    if (!draft) return;
    await m.update(SpecificationVersion, { id: draft.id }, { frozenAt: () => 'now()', updatedAt: () => 'now()' });
    await this.audit.append(m, c.id, actorId, 'specification.frozen', { version: draft.version, to });
  }

  /**
   * A modified rebuy starts from a copy of the previous case's latest specification, as an
   * editable draft; a straight rebuy takes it frozen, so the case passes SPECIFICATION at once.
   * The copy gets new ids: criterion and requirement ids belong to one case (scores and offers'
   * answers refer to them), and the audit event maps each old id to its new one.
   * Without a specification to copy nothing is written, and the exit precondition stays unmet.
   */
  private async copyFromPreviousCase(m: EntityManager, c: Case, actorId: string): Promise<void> {
    if (c.purchaseType === 'new_task' || !c.previousCaseId) return;
    if (await currentSpecification(m, c.id)) return;
    const source = await currentSpecification(m, c.previousCaseId);
    if (!source) return;
    const previous = await m.findOneOrFail(Case, { select: { id: true, reference: true }, where: { id: c.previousCaseId } });

    const newIds = new Map<string, string>();
    const renew = (id: string) => {
      const fresh = randomUUID();
      newIds.set(id, fresh);
      return fresh;
    };
    const criteria = source.criteria.map((x) => ({ ...x, id: renew(x.id) }));
    const requirements = source.requirements.map((x) => ({ ...x, id: renew(x.id) }));
    const sourceAhp = source.ahp;
    const ahp =
      sourceAhp && Array.isArray(sourceAhp.criteria) && sourceAhp.criteria.every((id) => newIds.has(id))
        ? { ...sourceAhp, criteria: sourceAhp.criteria.map((id) => newIds.get(id)!) }
        : null;
    const frozen = c.purchaseType === 'straight_rebuy';
    await m.insert(SpecificationVersion, {
      caseId: c.id,
      version: 1,
      frozenAt: frozen ? () => 'now()' : null,
      description: source.description,
      deliverables: source.deliverables,
      quantity: source.quantity,
      requirements,
      criteria,
      ahp,
      reason: `Copied from case ${previous.reference}, specification version ${source.version} (${c.purchaseType})`,
      createdBy: actorId,
    });
    await this.audit.append(m, c.id, actorId, 'specification.copied', {
      version: 1,
      frozen,
      fromCaseId: c.previousCaseId,
      fromReference: previous.reference,
      fromVersion: source.version,
      ids: Object.fromEntries(newIds),
    });
  }
}
