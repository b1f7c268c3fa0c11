import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { CasesModule } from '../cases/cases.module';
import { DelegationsController } from './delegations/delegations.controller';
import { DelegationsService } from './delegations/delegations.service';
import { ApproverPagesController } from './pages/pages.controller';
import { ApproverPagesService } from './pages/pages.service';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ApproverQueries } from './approver.queries';
import { SignInService } from './sign-in.service';
import { SignatureNotices } from './signature-notices';
import { SignatureSweepHost } from './sweep.host';

/** The approvers' side of sign-off (README "Approver pages"): signature requests, reminders, sign-in links, pages, delegation. */
@Module({
  imports: [ApprovalModule, EvaluationModule, CasesModule],
  controllers: [ApproverPagesController, DelegationsController],
  providers: [DelegationsService, ApproverPagesService, ApproverQueries, SignInService, SignatureNotices, SignatureSweepHost],
  exports: [SignatureNotices, SignInService],
})
export class ApproverModule {}
