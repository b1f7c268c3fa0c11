import { Module } from '@nestjs/common';
import { NegotiationModule } from '../negotiation/negotiation.module';
import { SpecificationLifecycle } from './specification-lifecycle.service';
import { SpecificationController } from './specification.controller';
import { SpecificationService } from './specification.service';
import { WeightsService } from './weights.service';

/** Versioned specifications (requirements, criteria), AHP and effective weights; WeightsService serves evaluation. */
@Module({
  imports: [NegotiationModule],
  controllers: [SpecificationController],
  providers: [SpecificationService, WeightsService, SpecificationLifecycle],
  exports: [WeightsService],
})
export class SpecificationModule {}
