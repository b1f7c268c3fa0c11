import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { SpecificationModule } from '../specification/specification.module';
import { ReportSourceService } from './report-source.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Imports the approval module first, so its award hook (recording the supplier) runs before the report's. */
@Module({
  imports: [ApprovalModule, EvaluationModule, NegotiationModule, SpecificationModule],
  controllers: [ReportsController],
  providers: [ReportSourceService, ReportsService],
})
export class ReportsModule {}
