import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { assertIfMatch } from '../../common/etag';
import { canonicalJson } from '../../domain/audit/canonical-json';
import { type FieldProblem, invalid } from '../../domain/errors';
import { DEFAULT_POLICY, type Policy } from '../../domain/policy';
import { User } from '../users/user.entity';
import { PolicyDto } from './dto/policy.dto';
import { PolicyVersion } from './policy-version.entity';
import { PolicyQueries } from './policy.queries';

export interface PolicyView extends Policy {
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/**
 * The policy in force from its newest stored version (undefined: none stored, the defaults), as
 * `PolicyService.current` reads it; for a caller that read the row inside a larger statement (the decision matrix).
 */
export function policyViewOf(latest: Pick<PolicyVersion, 'data' | 'version' | 'createdAt' | 'createdBy'> | undefined | null): PolicyView {
  if (!latest) return { ...structuredClone(DEFAULT_POLICY), version: 0, updatedAt: null, updatedBy: null };
  return { ...withDefaults(latest.data), version: latest.version, updatedAt: latest.createdAt, updatedBy: latest.createdBy };
}

@Injectable()
export class PolicyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly queries: PolicyQueries) {}

  async current(m: EntityManager = this.dataSource.manager): Promise<PolicyView> {
    const [latest] = await m.find(PolicyVersion, { order: { version: 'DESC' }, take: 1 });
    return policyViewOf(latest);
  }

  /** Each change is a new, append-only policy version: who, when and what is the policy's audit trail. */
  async update(dto: PolicyDto, user: User, ifMatch?: string): Promise<PolicyView> {
    return this.dataSource.transaction(async (m) => {
      await this.queries.lockVersions(m);
      const view = await this.current(m);
      assertIfMatch(ifMatch, view);
      const { version: _v, updatedAt: _u, updatedBy: _b, ...current } = view;
      const sections = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const next: Policy = { ...current, ...sections } as Policy;
      // closeCallPercent came after threshold: a client that sends only the threshold keeps it
      if (dto.sensitivity) next.sensitivity = { ...current.sensitivity, ...definedOnly(dto.sensitivity) };
      const problems = crossFieldProblems(next);
      if (problems.length > 0) throw invalid(problems, 'The policy is not valid');
      // nothing named, or what is stored already: no new version (its history stays meaningful)
      if (canonicalJson(next) === canonicalJson(current)) return this.current(m);
      await m.insert(PolicyVersion, { data: next, createdBy: user.id });
      return this.current(m);
    });
  }
}

/**
 * A stored policy version over the defaults, section by section: a version saved before a field or
 * a section existed (sensitivity.closeCallPercent, robustness, segregation) reads as the default for it.
 */
function withDefaults(data: Partial<Policy>): Policy {
  const defaults = structuredClone(DEFAULT_POLICY);
  return {
    ...defaults,
    ...data,
    sensitivity: { ...defaults.sensitivity, ...data.sensitivity },
    robustness: { ...defaults.robustness, ...data.robustness },
    segregation: { ...defaults.segregation, ...data.segregation },
    imports: { ...defaults.imports, ...data.imports },
    signOff: { ...defaults.signOff, ...data.signOff },
    supplierReminders: { ...defaults.supplierReminders, ...data.supplierReminders },
  };
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function crossFieldProblems(policy: Policy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { floor, cap } = policy.strategic;
  if (floor > cap) problems.push({ field: 'strategic.floor', message: 'floor must not exceed cap' });
  const w = policy.reliability.weights;
  const sum = w.otif + w.quality + w.certifications + w.financial;
  if (Math.abs(sum - 1) > 1e-9) problems.push({ field: 'reliability.weights', message: `weights must sum to 1 (they sum to ${sum})` });
  if (policy.signOff.escalationDays <= policy.signOff.reminderDays) {
    problems.push({ field: 'signOff.escalationDays', message: 'the admins are told after the approver is reminded: escalationDays must exceed reminderDays' });
  }
  const bands = policy.approval.bands;
  bands.forEach((band, i) => {
    const last = i === bands.length - 1;
    if (last !== (band.below === null)) {
      problems.push({ field: `approval.bands.${i}.below`, message: 'only the last band is open-ended (below: null)' });
    }
    if (i > 0 && band.below !== null && bands[i - 1].below !== null && !new Decimal(band.below).greaterThan(bands[i - 1].below!)) {
      problems.push({ field: `approval.bands.${i}.below`, message: 'bands must rise' });
    }
  });
  return problems;
}
