import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { type Case } from '../cases/case.entity';
import { lockCase } from '../cases/case-lock';
import { edgeProblems, refusedFields } from '../../common/validation';
import { exactDecimal } from '../../common/money';
import { type Page } from '../../common/paging';
import { type FieldProblem, invalid, notFound } from '../../domain/errors';
import { applyAhp } from '../../domain/specification/ahp-application';
import { AuditService } from '../audit/audit.service';
import { CaseNotices } from '../messages/case-notices';
import { NegotiationRound, Offer } from '../negotiation/entities';
import { NegotiationReader } from '../negotiation/negotiation.reader';
import { User } from '../users/user.entity';
import { AhpDto, PutSpecificationDto } from './dto/specification.dto';
import { SpecificationVersion } from './specification-version.entity';
import { currentSpecification } from './specification.reader';
import { matchKey } from '../../domain/names';
import {
  assignIds,
  diffSpecifications,
  keptAhp,
  normalizedWeights,
  type SpecificationContent,
  type SpecificationDiff,
} from '../../domain/specification/rules';
import { type Criterion } from '../../domain/specification/types';
import { assertIfMatch } from '../../common/etag';

const EMPTY: SpecificationContent = { description: '', deliverables: '', quantity: null, requirements: [], criteria: [] };

function contentOf(row: SpecificationVersion): SpecificationContent {
  return {
    description: row.description,
    deliverables: row.deliverables,
    quantity: exactDecimal(row.quantity),
    requirements: row.requirements,
    criteria: row.criteria,
  };
}

function specificationView(row: SpecificationVersion, createdBy: { id: string; name: string }) {
  const base = normalizedWeights(row.criteria);
  return {
    id: row.id,
    caseId: row.caseId,
    version: row.version,
    frozen: row.frozenAt !== null,
    frozenAt: row.frozenAt,
    description: row.description,
    deliverables: row.deliverables,
    quantity: row.quantity === null ? null : Number(row.quantity),
    requirements: row.requirements,
    criteria: row.criteria.map((c, k) => ({ ...c, normalizedWeight: base ? base[k] : null })),
    ahp: row.ahp,
    reason: row.reason,
    createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type SpecificationView = ReturnType<typeof specificationView>;

export interface SpecificationVersionSummary {
  id: string;
  version: number;
  frozen: boolean;
  frozenAt: Date | null;
  createdBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  reason: string | null;
  criteria: number;
  requirements: number;
  /** against the previous version; null for the first */
  diff: SpecificationDiff | null;
}

export interface AhpResponse {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  applied: true;
  acceptedInconsistency: boolean;
  specificationVersion: number;
}

@Injectable()
export class SpecificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly negotiation: NegotiationReader,
    private readonly notices: CaseNotices,
  ) {}

  async get(caseId: string, version?: number): Promise<SpecificationView> {
    const m = this.dataSource.manager;
    const row = version === undefined ? await currentSpecification(m, caseId) : await this.versionRow(m, caseId, version);
    if (!row) throw notFound(version === undefined ? 'specification' : `specification version ${version}`);
    return this.view(m, row);
  }

  /**
   * Saves the specification. While the case is in SPECIFICATION this writes the draft (version 1,
   * or the open draft); once it has been frozen, a change needs a reason and becomes a new frozen
   * version, and offers made against an older version must be re-confirmed. A PUT of what is
   * already stored changes nothing (PUT is idempotent).
   */
  async save(access: CaseAccess, dto: PutSpecificationDto, user: User, ifMatch?: string): Promise<SpecificationView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'specification.write');
      const current = await currentSpecification(m, c.id);
      const revising = c.stage !== 'SPECIFICATION';
      // every problem of the body first, as the pipe answered them before it left them to this pass
      const content = this.contentFrom(dto, current, revising);
      if (ifMatch !== undefined) assertIfMatch(ifMatch, current ? await this.view(m, current) : null);

      const diff = diffSpecifications(current ? contentOf(current) : EMPTY, content);
      if (revising) {
        if (current && !diff.changed) return this.view(m, current);
        const version = (current?.version ?? 0) + 1;
        await m.insert(SpecificationVersion, {
          caseId: c.id,
          version,
          frozenAt: () => 'now()',
          ...content,
          ahp: keptAhp(current?.ahp, content.criteria),
          reason: dto.reason!,
          createdBy: user.id,
        });
        const marked = await this.markForReconfirmation(m, c.id, version);
        const notices = await this.amendmentNotices(m, c, version, dto.reason!);
        await this.audit.append(m, c.id, user.id, 'specification.revised', {
          version,
          previousVersion: current?.version ?? null,
          reason: dto.reason,
          diff,
          offersNeedingReconfirmation: marked,
          // the amendment notices to the open round's invitees, held for the gatekeeper (README "Messages")
          messages: notices.map((x) => ({ id: x.id, supplierId: x.supplierId })),
        });
      } else if (current && current.frozenAt === null) {
        const reason = dto.reason ?? current.reason;
        if (!diff.changed && reason === current.reason) return this.view(m, current);
        await m.update(SpecificationVersion, { id: current.id }, {
          ...content,
          ahp: keptAhp(current.ahp, content.criteria),
          reason,
          updatedAt: () => 'now()',
        });
        await this.audit.append(m, c.id, user.id, 'specification.saved', { version: current.version, diff });
      } else {
        const version = (current?.version ?? 0) + 1;
        await m.insert(SpecificationVersion, {
          caseId: c.id,
          version,
          frozenAt: null,
          ...content,
          ahp: null,
          reason: dto.reason ?? null,
          createdBy: user.id,
        });
        await this.audit.append(m, c.id, user.id, 'specification.saved', { version, diff });
      }
      const saved = await currentSpecification(m, c.id);
      return this.view(m, saved!);
    });
  }

  /** Every offer of the case made against an older version must be re-confirmed; how many were marked. */
  private async markForReconfirmation(m: EntityManager, caseId: string, version: number): Promise<number> {
    const rounds = await m.find(NegotiationRound, { select: { id: true }, where: { caseId } });
    if (rounds.length === 0) return 0;
    const result = await m.update(
      Offer,
      { roundId: In(rounds.map((r) => r.id)), specificationVersion: LessThan(version) },
      { needsReconfirmation: true },
    );
    return result.affected ?? 0;
  }

  /** A revision while a round is open: its invitees are told the new version, why, and what to do by the deadline; Reply-To the round's buyer. */
  private async amendmentNotices(m: EntityManager, c: Case, version: number, reason: string) {
    const open = await this.negotiation.openRoundInvitees(m, c.id);
    if (!open) return [];
    const buyer = await m.findOneOrFail(User, { select: { id: true, name: true, email: true }, where: { id: open.openedBy } });
    return this.notices.amendmentNotices(m, c, open, open.invitees, { version, reason }, buyer);
  }

  /**
   * The stored content for a request, or every problem it has in one 400: the body's own (left by
   * the pipe, `@CollectsProblems`) and those against the case and the current version; a rule
   * reading a field already refused skips it.
   */
  private contentFrom(dto: PutSpecificationDto, current: SpecificationVersion | null, revising: boolean): SpecificationContent {
    const edge = edgeProblems(dto);
    const refused = refusedFields(edge);
    const errors: FieldProblem[] = [...edge];
    if (revising && dto.reason === undefined) {
      errors.push({ field: 'reason', message: 'the specification is frozen: a change makes a new version and needs a reason' });
    }
    const keyOf = (field: string, text: unknown) => (typeof text === 'string' && !refused.has(field) ? matchKey(text) : null);
    const idOf = (field: string, id: unknown) => (typeof id === 'string' && !refused.has(field) ? id : undefined);
    const criteria = Array.isArray(dto.criteria) ? dto.criteria : [];
    const requirements = Array.isArray(dto.requirements) ? dto.requirements : [];
    const firstByName = new Map<string, number>();
    criteria.forEach((criterion, i) => {
      const key = keyOf(`criteria.${i}.name`, criterion?.name);
      if (key === null) return;
      const first = firstByName.get(key);
      if (first === undefined) firstByName.set(key, i);
      else errors.push({ field: `criteria.${i}.name`, message: `"${criterion.name}" is already the name of criteria.${first} (names are compared ignoring case)` });
    });
    const criteriaIds = assignIds(
      'criteria',
      criteria.map((x, i) => ({ id: idOf(`criteria.${i}.id`, x?.id), key: keyOf(`criteria.${i}.name`, x?.name) ?? '' })),
      (current?.criteria ?? []).map((x) => ({ id: x.id, key: matchKey(x.name) })),
      randomUUID,
    );
    const requirementIds = assignIds(
      'requirements',
      requirements.map((x, i) => ({ id: idOf(`requirements.${i}.id`, x?.id), key: keyOf(`requirements.${i}.text`, x?.text) ?? '' })),
      (current?.requirements ?? []).map((x) => ({ id: x.id, key: matchKey(x.text) })),
      randomUUID,
    );
    errors.push(...criteriaIds.errors, ...requirementIds.errors);
    if (errors.length > 0) throw invalid(errors);
    return {
      description: dto.description,
      deliverables: dto.deliverables ?? '',
      quantity: dto.quantity === undefined || dto.quantity === null ? null : exactDecimal(String(dto.quantity)),
      requirements: dto.requirements.map((r, i) => ({
        id: requirementIds.ids[i],
        text: r.text.trim(),
        type: r.type,
        value: r.type === 'text' ? null : (r.value ?? null),
      })),
      criteria: dto.criteria.map(
        (x, i): Criterion => ({
          id: criteriaIds.ids[i],
          name: x.name.trim(),
          kind: x.kind,
          direction: x.direction,
          source: x.source,
          normalization: x.normalization,
          weight: x.weight,
        }),
      ),
    };
  }

  async versions(caseId: string, limit: number, offset: number): Promise<Page<SpecificationVersionSummary>> {
    const m = this.dataSource.manager;
    const rows = await m.find(SpecificationVersion, { where: { caseId }, order: { version: 'ASC' } });
    const creators = await this.names(m, rows.map((row) => row.createdBy));
    const items = rows.map(
      (row, i): SpecificationVersionSummary => ({
        id: row.id,
        version: row.version,
        frozen: row.frozenAt !== null,
        frozenAt: row.frozenAt,
        createdBy: { id: row.createdBy, name: creators.get(row.createdBy) ?? '' },
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        reason: row.reason,
        criteria: row.criteria.length,
        requirements: row.requirements.length,
        diff: i === 0 ? null : diffSpecifications(contentOf(rows[i - 1]), contentOf(row)),
      }),
    );
    return { items: items.slice(offset, offset + limit), total: items.length };
  }

  /**
   * Derives the draft's weights by AHP (README "Scoring"). A matrix with CR above 0.10 is refused,
   * naming the judgement furthest from the ratio its own weights imply, unless the prescriber
   * accepts the inconsistency with a reason.
   */
  async applyAhp(access: CaseAccess, dto: AhpDto, user: User): Promise<AhpResponse> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'criteria.ahp');
      const draft = await currentSpecification(m, c.id);
      if (!draft) throw notFound('specification');
      const { ids, result, accepted, criteria, record } = applyAhp(
        { version: draft.version, frozen: draft.frozenAt !== null, criteria: draft.criteria },
        dto,
        { userId: user.id, at: new Date() },
      );
      const byId = new Map(draft.criteria.map((x) => [x.id, x]));
      await m.update(SpecificationVersion, { id: draft.id }, { criteria, ahp: record, updatedAt: () => 'now()' });
      await this.audit.append(m, c.id, user.id, 'criteria.ahp_applied', {
        version: draft.version,
        criteria: ids,
        matrix: dto.matrix,
        weights: result.weights,
        previousWeights: ids.map((id) => byId.get(id)!.weight),
        cr: result.cr,
        consistent: result.consistent,
        acceptedInconsistency: accepted,
        reason: record.reason,
        mostInconsistentPair: result.mostInconsistentPair,
      });
      return {
        weights: result.weights,
        lambdaMax: result.lambdaMax,
        ci: result.ci,
        cr: result.cr,
        consistent: result.consistent,
        applied: true,
        acceptedInconsistency: accepted,
        specificationVersion: draft.version,
      };
    });
  }

  private async versionRow(m: EntityManager, caseId: string, version: number): Promise<SpecificationVersion | null> {
    return m.findOneBy(SpecificationVersion, { caseId, version });
  }

  private async view(m: EntityManager, row: SpecificationVersion): Promise<SpecificationView> {
    const names = await this.names(m, [row.createdBy]);
    return specificationView(row, { id: row.createdBy, name: names.get(row.createdBy) ?? '' });
  }

  /** Display names of the given users, by id. */
  private async names(m: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    const users = await m.find(User, { select: { id: true, name: true }, where: { id: In([...new Set(userIds)]) } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
