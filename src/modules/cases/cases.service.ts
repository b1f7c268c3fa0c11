import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from './case-lock';
import { type Page } from '../../common/paging';
import { DomainError, type FieldProblem, invalid } from '../../domain/errors';
import { edgeProblems, refusedFields } from '../../common/validation';
import { changeRoles, type RoleChange, unchanged } from '../../domain/lifecycle/members';
import { caseRolesNotAllowed } from '../../domain/lifecycle/permissions';
import { edgeProblem, mayRequestTransition, rejectionTarget, transition } from '../../domain/lifecycle/state-machine';
import { type CaseRole, type Stage } from '../../domain/lifecycle/stages';
import { SELF_APPOINTMENT_BARRED } from '../../domain/approval/segregation';
import { AuditService } from '../audit/audit.service';
import { PolicyService } from '../policy/policy.service';
import { LifecycleHooks, TransitionScope } from '../lifecycle/lifecycle-hooks';
import { User } from '../users/user.entity';
import { Case, CaseMember } from './case.entity';
import { CasesQueries, type MemberView } from './cases.queries';
import { caseView, type CaseView } from './case.view';
import { AddMembersDto, ReplaceRolesDto } from './dto/member.dto';
import { assertIfMatch } from '../../common/etag';
import { CreateCaseDto, ListCasesQuery, TransitionDto, UpdateCaseDto } from './dto/case.dto';

/** The answer to a change of the buying center: everyone on it now, and what changed for each member named. */
export interface MemberChanges {
  members: MemberView[];
  changes: Array<{ userId: string } & RoleChange>;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hooks: LifecycleHooks,
    private readonly queries: CasesQueries,
    private readonly policy: PolicyService,
  ) {}

  async create(dto: CreateCaseDto, user: User): Promise<CaseView> {
    return this.dataSource.transaction(async (m) => {
      // the body's problems and the previous-case rules in one answer
      const edge = edgeProblems(dto);
      const refused = refusedFields(edge);
      const previous = refused.has('purchaseType') || refused.has('previousCaseId') ? [] : await this.previousCaseProblems(m, dto, user);
      if (edge.length + previous.length > 0) throw invalid([...edge, ...previous]);
      const reference = await this.queries.nextReference(m);
      const created = await m.save(
        m.create(Case, {
          ...dto,
          quantity: String(dto.quantity),
          previousCaseId: dto.previousCaseId ?? null,
          reference,
          stage: 'NEED' as Stage,
          createdBy: user.id,
        }),
      );
      await m.insert(CaseMember, { caseId: created.id, userId: user.id, roles: ['initiator'] });
      await this.audit.append(m, created.id, user.id, 'case.created', { ...dto });
      await this.audit.append(m, created.id, user.id, 'member.added', { userId: user.id, roles: ['initiator'] });
      return caseView(await m.findOneByOrFail(Case, { id: created.id }));
    });
  }

  /** Rebuys build on an earlier case the creator can see; a straight rebuy needs an AWARDED one. */
  private async previousCaseProblems(m: EntityManager, dto: CreateCaseDto, user: User): Promise<FieldProblem[]> {
    const problem = (message: string) => [{ field: 'previousCaseId', message }];
    if (dto.purchaseType === 'straight_rebuy' && !dto.previousCaseId) return problem('a straight rebuy must reference a previous AWARDED case');
    if (!dto.previousCaseId) return [];
    if (dto.purchaseType === 'new_task') return problem('a new_task purchase has no previous case');
    const previous = await m.findOne(Case, { select: { id: true, stage: true }, where: { id: dto.previousCaseId } });
    const visible = previous !== null && (user.orgRole === 'admin' || (await m.existsBy(CaseMember, { caseId: previous.id, userId: user.id })));
    if (!previous || !visible) return problem('previous case not found');
    if (dto.purchaseType === 'straight_rebuy' && previous.stage !== 'AWARDED') {
      return problem(`a straight rebuy needs an AWARDED previous case (it is ${previous.stage})`);
    }
    return [];
  }

  async list(query: ListCasesQuery, user: User): Promise<Page<CaseView>> {
    const [items, total] = await this.queries.search(this.dataSource, {
      memberId: user.orgRole === 'admin' ? null : user.id,
      stage: query.stage,
      purchaseType: query.purchaseType,
      category: query.category,
      q: query.q,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(caseView), total };
  }

  async get(caseId: string): Promise<CaseView> {
    return caseView(await this.dataSource.getRepository(Case).findOneByOrFail({ id: caseId }));
  }

  async update(access: CaseAccess, dto: UpdateCaseDto, user: User, ifMatch?: string): Promise<CaseView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'case.update');
      assertIfMatch(ifMatch, caseView(c));
      const nulls = Object.entries(dto).filter(([, v]) => v === null);
      if (nulls.length > 0) {
        throw invalid(nulls.map(([field]) => ({ field, message: `${field} cannot be cleared (null)` })));
      }
      const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) {
        throw invalid('body', 'no field to change');
      }
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (c as unknown as Record<string, unknown>)[k]]));
      Object.assign(c, changes, changes.quantity !== undefined ? { quantity: String(changes.quantity) } : {});
      await m.save(c);
      await this.audit.append(m, c.id, user.id, 'case.updated', { before, after: changes });
      return caseView(await m.findOneByOrFail(Case, { id: c.id }));
    });
  }

  async members(caseId: string): Promise<MemberView[]> {
    return this.queries.members(this.dataSource.manager, caseId);
  }

  /**
   * Adds one member or several (all or nothing); the roles are merged into those a member already
   * holds. Every new role must be allowed by the member's organization roles (ORG_ROLE_REQUIRED);
   * a member whose roles do not change gets no event.
   */
  async addMembers(access: CaseAccess, dto: AddMembersDto, user: User): Promise<MemberChanges> {
    const list = dto.members !== undefined;
    const entries = (dto.members ?? [{ userId: dto.userId!, roles: dto.roles! }]).map((e, i) => ({ ...e, field: list ? `members.${i}.` : '' }));
    const seen = new Set<string>();
    const twice = entries.filter((e) => seen.size === seen.add(e.userId).size);
    if (twice.length > 0) throw invalid(twice.map((e) => ({ field: `${e.field}userId`, message: 'this user is listed twice' })));
    return this.changeMembers(access, entries, 'add', user);
  }

  /** Makes a member's roles exactly these (adding the member when they are not one yet). */
  async replaceRoles(access: CaseAccess, userId: string, dto: ReplaceRolesDto, user: User): Promise<MemberChanges> {
    return this.changeMembers(access, [{ userId, roles: dto.roles, field: '' }], 'replace', user);
  }

  private async changeMembers(
    access: CaseAccess,
    entries: Array<{ userId: string; roles: CaseRole[]; field: string }>,
    mode: 'add' | 'replace',
    user: User,
  ): Promise<MemberChanges> {
    const changes = await this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'members.manage');
      const users = await m.find(User, { select: { id: true, orgRoles: true }, where: { id: In(entries.map((e) => e.userId)) } });
      const missing = entries.filter((e) => !users.some((u) => u.id === e.userId));
      if (missing.length > 0) throw invalid(missing.map((e) => ({ field: `${e.field}userId`, message: 'user not found' })));
      const { segregation } = await this.policy.current(m);
      const planned = [];
      const refused: FieldProblem[] = [];
      for (const entry of entries) {
        const previous = await m.findOneBy(CaseMember, { caseId: c.id, userId: entry.userId });
        const change = changeRoles(previous?.roles ?? null, entry.roles, mode);
        const selfAppointed = change.added.filter((r) => SELF_APPOINTMENT_BARRED.includes(r));
        if (segregation.noSelfAppointment && entry.userId === user.id && selfAppointed.length > 0) {
          throw new DomainError('SOD_VIOLATION', `nobody names themselves ${selfAppointed.join(' or ')}: another member of the buying center must`, {
            errors: [{ field: `${entry.field}roles`, message: `you cannot give yourself the ${selfAppointed.join(' and ')} role` }],
          });
        }
        const orgRoles = users.find((u) => u.id === entry.userId)!.orgRoles;
        for (const { role, needs } of caseRolesNotAllowed(change.added, orgRoles)) {
          refused.push({ field: `${entry.field}roles`, message: `the ${role} role needs the ${needs} organization role, which this user does not hold` });
        }
        planned.push({ entry, previous, change });
      }
      if (refused.length > 0) {
        throw new DomainError('ORG_ROLE_REQUIRED', "a case role was asked for a user whose organization roles do not allow it (an admin grants them: PATCH /users/:id)", { errors: refused });
      }
      for (const { entry, previous, change } of planned) {
        if (previous && unchanged(change)) continue;
        await m.upsert(CaseMember, { caseId: c.id, userId: entry.userId, roles: change.roles }, ['caseId', 'userId']);
        await this.audit.append(m, c.id, user.id, previous ? 'member.roles_changed' : 'member.added', {
          userId: entry.userId,
          roles: change.roles,
          previousRoles: previous?.roles ?? null,
          added: change.added,
          removed: change.removed,
        });
      }
      return planned.map(({ entry, change }) => ({ userId: entry.userId, ...change }));
    });
    return { members: await this.members(access.caseId), changes };
  }

  async removeMember(access: CaseAccess, userId: string, user: User): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'members.manage');
      const previous = await m.findOneBy(CaseMember, { caseId: c.id, userId });
      if (!previous) throw new DomainError('NOT_FOUND', 'member not found');
      await m.delete(CaseMember, { caseId: c.id, userId });
      await this.audit.append(m, c.id, user.id, 'member.removed', { userId, roles: previous.roles });
    });
  }

  /**
   * Moves the case through the one state machine. The case row is locked first, so of two
   * concurrent requests exactly one moves it; the other then sees the new stage and gets 409.
   */
  async transition(access: CaseAccess, dto: TransitionDto, user: User): Promise<CaseView> {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'case.transition');
      if (c.stage === 'APPROVAL' && dto.to !== 'CANCELLED') {
        throw new DomainError('INVALID_TRANSITION', 'a case leaves APPROVAL by sign-off (POST /approvals), not by a transition', {
          unmet: [{ code: 'APPROVAL_BY_SIGN_OFF', message: 'approvers sign off the decision' }],
        });
      }
      const edge = edgeProblem(c.stage, dto.to);
      if (edge) throw new DomainError('INVALID_TRANSITION', edge.message, { unmet: [edge], from: c.stage, to: dto.to });
      if (!mayRequestTransition(c.stage, dto.to, access.roles, access.isAdmin)) {
        throw new DomainError('FORBIDDEN', `your roles on this case may not move it from ${c.stage} to ${dto.to}`);
      }
      await this.move(m, c, dto.to, user.id, dto.reason);
      // a straight rebuy's specification is copied and frozen: SPECIFICATION is passed through
      if (c.purchaseType === 'straight_rebuy' && c.stage === 'SPECIFICATION') {
        await this.move(m, c, 'SHORTLISTING', user.id, 'straight rebuy: specification copied from the previous case');
      }
      return caseView(await m.findOneByOrFail(Case, { id: c.id }));
    });
  }

  /** A rejected decision sends the case back from APPROVAL (the one backward edge of the lifecycle). */
  async returnFromApproval(m: EntityManager, c: Case, returnTo: 'DECISION' | 'NEGOTIATION' | undefined, actorId: string, reason: string, scope = new TransitionScope()) {
    const from = c.stage;
    const to = rejectionTarget(from, returnTo);
    await this.hooks.left(m, c, actorId, from, to, scope);
    c.stage = to;
    await m.update(Case, { id: c.id }, { stage: to, approvalChain: null });
    await this.audit.append(m, c.id, actorId, 'case.transition', { from, to, reason });
    await this.hooks.entered(m, c, actorId, from, to, scope);
  }

  /**
   * One checked step of the state machine, with its hooks and audit event; used by sign-off too.
   * `scope` carries what this step computes once for its facts and hooks (the decision matrix);
   * a caller that has already computed it in the same transaction seeds it.
   */
  async move(m: EntityManager, c: Case, to: Stage, actorId: string, reason?: string, scope = new TransitionScope()): Promise<void> {
    const from = c.stage;
    const facts = await this.hooks.facts(m, c, scope);
    const result = transition(facts, to);
    if (!result.ok) {
      const invalid = result.unmet.length === 1 && ['INVALID_TRANSITION', 'CASE_CLOSED'].includes(result.unmet[0].code);
      throw new DomainError(
        invalid ? 'INVALID_TRANSITION' : 'PRECONDITIONS_UNMET',
        invalid ? result.unmet[0].message : `the case cannot move from ${from} to ${to}: preconditions unmet`,
        { unmet: result.unmet, from, to },
      );
    }
    await this.hooks.left(m, c, actorId, from, to, scope);
    c.stage = to;
    if (to === 'CANCELLED') c.cancelReason = reason ?? null;
    await m.update(Case, { id: c.id }, { stage: to, cancelReason: c.cancelReason });
    await this.audit.append(m, c.id, actorId, 'case.transition', { from, to, reason: reason ?? null });
    await this.hooks.entered(m, c, actorId, from, to, scope);
  }
}

