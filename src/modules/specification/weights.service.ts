import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../domain/errors';
import { kraljicCategory, type KraljicCategory } from '../../domain/lifecycle/stages';
import { effectiveWeights, type EffectiveWeightItem, type EffectiveWeights } from '../../domain/scoring';
import { PolicyService, type PolicyView } from '../policy/policy.service';
import { currentSpecification } from './specification.reader';
import { type SpecificationVersion } from './specification-version.entity';
import { Case } from '../cases/case.entity';

export interface WeightsView {
  strategic: boolean;
  rule: string;
  kraljicCategory: KraljicCategory;
  specificationVersion: number;
  addedBuiltin: boolean;
  items: EffectiveWeightItem[];
}

/** What a caller may already have read of the weights' inputs. */
export interface KnownInputs {
  case: Pick<Case, 'profitImpact' | 'supplyRisk'>;
  policy: Pick<PolicyView, 'strategic'>;
  /** the current specification as `currentSpecification` reads it (null: the case has none) */
  specification?: SpecificationVersion | null;
}

/**
 * Base and effective weights of a case: the current specification's criteria under the strategic
 * reliability rule (README "Scoring") when the case is strategic in the Kraljic matrix, with the
 * multiplier, floor and cap of the current policy.
 */
@Injectable()
export class WeightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  /**
   * `known`: the case's Kraljic inputs and the policy (and the specification) when the caller has
   * read them in the same snapshot (the decision matrix), so they are not read again.
   */
  async forCase(m: EntityManager, caseId: string, known?: KnownInputs): Promise<{ specification: SpecificationVersion; effective: EffectiveWeights }> {
    const { specification, effective } = await this.load(m, caseId, known);
    return { specification, effective };
  }

  async view(caseId: string): Promise<WeightsView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const { specification, effective, category } = await this.load(m, caseId);
      return {
        strategic: effective.strategic,
        rule: effective.rule,
        kraljicCategory: category,
        specificationVersion: specification.version,
        addedBuiltin: effective.addedBuiltin,
        items: effective.items,
      };
    });
  }

  private async load(m: EntityManager, caseId: string, known?: KnownInputs) {
    const specification = known?.specification !== undefined ? known.specification : await currentSpecification(m, caseId);
    if (!specification) throw notFound('specification');
    const c = known?.case ?? (await m.findOne(Case, { select: { id: true, profitImpact: true, supplyRisk: true }, where: { id: caseId } }));
    if (!c) throw notFound('case');
    const { strategic } = known?.policy ?? (await this.policy.current(m));
    const category = kraljicCategory(c.profitImpact, c.supplyRisk);
    const effective = effectiveWeights(specification.criteria, category === 'strategic', strategic);
    return { specification, effective, category };
  }
}
