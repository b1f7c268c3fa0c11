import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { ApprovalController } from './approval.controller';
import { ApprovalQueries } from './approval.queries';
import { ApprovalService } from './approval.service';

@Module({
  imports: [EvaluationModule, NegotiationModule],
  controllers: [ApprovalController],
  providers: [ApprovalService, ApprovalQueries],
  exports: [ApprovalService],
})
export class ApprovalModule {}
