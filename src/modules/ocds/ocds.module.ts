import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { ShortlistModule } from '../shortlist/shortlist.module';
import { OcdsController } from './ocds.controller';
import { OcdsService } from './ocds.service';

/** GET /cases/:id/ocds: the open-contracting export of a case (README "OCDS export"). */
@Module({ imports: [EvaluationModule, NegotiationModule, ShortlistModule], controllers: [OcdsController], providers: [OcdsService] })
export class OcdsModule {}
