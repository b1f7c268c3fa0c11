import { Module } from '@nestjs/common';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { SpecificationModule } from '../specification/specification.module';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { AwardNotices } from './award-notices';
import { DecisionService } from './decision.service';
import { EvaluationController } from './evaluation.controller';
import { EvaluationQueries } from './evaluation.queries';
import { MatrixService } from './matrix.service';
import { ScoreNotices } from './score-notices';
import { ScoresService } from './scores.service';

/** Evaluator scores, the weighted decision matrix and its sensitivity, and the decider's proposal. */
@Module({
  imports: [SpecificationModule, SuppliersModule, NegotiationModule],
  controllers: [EvaluationController],
  providers: [ScoresService, MatrixService, DecisionService, EvaluationQueries, AwardNotices, ScoreNotices],
  exports: [MatrixService, DecisionService, ScoreNotices],
})
export class EvaluationModule {}
