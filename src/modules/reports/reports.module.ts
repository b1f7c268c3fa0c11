import { type DynamicModule, Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { ShortlistModule } from '../shortlist/shortlist.module';
import { SpecificationModule } from '../specification/specification.module';
import { ReportSourceService } from './report-source.service';
import { ReportsController } from './reports.controller';
import { RenderPool } from './pdf/render-pool';
import { ReportsService } from './reports.service';

/**
 * The decision report: rendered on demand, and rendered and stored when a case is AWARDED (a
 * 'document' hook, so it runs after the approval module's 'record' hook has written the award).
 */
@Module({
  imports: [ApprovalModule, EvaluationModule, NegotiationModule, ShortlistModule, SpecificationModule],
  controllers: [ReportsController],
  providers: [ReportSourceService, ReportsService],
  exports: [ReportSourceService, ReportsService],
})
export class ReportsModule {
  /** `workers`: report-rendering worker threads (0: render on the main thread). */
  static forRoot(options: { workers: number }): DynamicModule {
    // global: the approver pages render the same report (its view model, its PDF) without a second module instance
    return { module: ReportsModule, global: true, providers: [{ provide: RenderPool, useValue: new RenderPool(options.workers) }] };
  }
}
