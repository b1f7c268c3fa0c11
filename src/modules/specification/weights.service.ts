import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../domain/errors';
import { kraljicCategory, type KraljicCategory } from '../../domain/lifecycle/stages';
import { effectiveWeights, type EffectiveWeightItem, type EffectiveWeights } from '../../domain/scoring';
import { PolicyService } from '../policy/policy.service';
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

  async forCase(m: EntityManager, caseId: string): Promise<{ specification: SpecificationVersion; effective: EffectiveWeights }> {
    const { specification, effective } = await this.load(m, caseId);
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

  private async load(m: EntityManager, caseId: string) {
    const specification = await currentSpecification(m, caseId);
    if (!specification) throw notFound('specification');
    const c = await m.findOne(Case, { select: { id: true, profitImpact: true, supplyRisk: true }, where: { id: caseId } });
    if (!c) throw notFound('case');
    const { strategic } = await this.policy.current(m);
    const category = kraljicCategory(c.profitImpact, c.supplyRisk);
    const effective = effectiveWeights(specification.criteria, category === 'strategic', strategic);
    return { specification, effective, category };
  }
}
